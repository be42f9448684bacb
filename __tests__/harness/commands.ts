// Workflow commands as the runner finds them (actions/runner ActionCommand.TryParseV2 and the
// legacy TryParse): a line that starts with `::` once leading whitespace is trimmed, or that
// holds `##[` anywhere. The runner splits stdout on LF (a CR before it is dropped).

export interface RunnerCommand {
  command: string
  line: string
}

// What .NET's String.TrimStart() removes: Char.IsWhiteSpace, which includes U+0085.
const LEADING_WHITESPACE = /^[\s\u0085]+/

export function runnerCommands(stdout: string): RunnerCommand[] {
  const found: RunnerCommand[] = []
  for (const raw of stdout.split('\n')) {
    const line = raw.replace(/\r$/, '').replace(LEADING_WHITESPACE, '')
    // The runner tries the `::` form first and the legacy form only when that fails.
    const v2 = /^::([^\s:]+)/.exec(line)
    const legacy = /##\[([^\]\s]+)/.exec(line)
    if (v2) found.push({ command: v2[1], line })
    else if (legacy) found.push({ command: `##[${legacy[1]}`, line })
  }
  return found
}

/** The data of a command, as the runner unescapes it. */
export function commandData(line: string): string {
  const data = line.slice(line.indexOf('::', 2) + 2)
  return data.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

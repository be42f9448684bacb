/**
 * Whole sets of variables as one file: `.env` for the dotenv family (the `dotenv` package,
 * docker compose), `docker run --env-file`, or a JSON object.
 */
import type { EnvEntry } from '../output/env-names.js'

export const FORMATS = ['dotenv', 'docker-env', 'json'] as const
export type Format = (typeof FORMATS)[number]

export type Formatted = { text: string } | { problems: string[] }

/** Each entry's name must already be a valid env var name (fetch's naming guarantees it). */
export function formatEntries(entries: EnvEntry[], format: Format): Formatted {
  if (format === 'json') {
    const object = Object.fromEntries(entries.map(entry => [entry.name, entry.value]))
    return { text: `${JSON.stringify(object, null, 2)}\n` }
  }
  const line = format === 'dotenv' ? dotenvLine : dockerEnvLine
  const results = entries.map(entry => ({ entry, result: line(entry.value) }))
  const problems = results.flatMap(({ entry, result }) =>
    'problem' in result ? [`${entry.name}: ${result.problem}`] : []
  )
  if (problems.length > 0) return { problems }
  const lines = results.map(({ entry, result }) =>
    'text' in result ? `${entry.name}=${result.text}\n` : ''
  )
  return { text: lines.join('') }
}

type Line = { text: string } | { problem: string }

/**
 * A value the `dotenv` parser reads back exactly. It unescapes nothing but `\n` and `\r`
 * inside double quotes, and turns every CR in the file into LF, so: single quotes when the value
 * has no `'` (newlines kept as they are), else backquotes, else double quotes (CR as `\r`). A
 * value ending in `\` would escape its closing quote; one with all three quotes goes unquoted
 * when it is one line with no `#` and no space at either end.
 */
export function dotenvLine(value: string): Line {
  const trailingBackslash = value.endsWith('\\')
  const cr = value.includes('\r')
  if (!trailingBackslash && !cr && !value.includes("'")) return { text: `'${value}'` }
  if (!trailingBackslash && !cr && !value.includes('`')) return { text: `\`${value}\`` }
  if (!trailingBackslash && !value.includes('"') && !/\\[nr]/.test(value)) {
    return { text: `"${value.replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"` }
  }
  // Unquoted, dotenv takes the rest of the line up to a '#', trimmed, and strips matching quotes.
  if (/^[^'"`\s#][^#\r\n]*$/.test(value) && !/\s$/.test(value)) return { text: value }
  return {
    problem: trailingBackslash
      ? 'the value ends with a backslash, which dotenv reads as escaping the closing quote'
      : "the value holds ', ` and \" (or a CR) and a line break, a '#' or a space at an end, " +
        'which no dotenv quoting keeps exactly'
  }
}

/** docker's --env-file takes the rest of the line as it is: no quotes, no line breaks. */
function dockerEnvLine(value: string): Line {
  if (/[\r\n]/.test(value)) {
    return { problem: 'docker --env-file cannot hold a multi-line value: use format dotenv' }
  }
  return { text: value }
}

/**
 * Whole sets of variables as one file: `.env` for the dotenv family (the `dotenv` package,
 * docker compose), `docker run --env-file`, or a JSON object.
 */
import type { EnvEntry } from '../output/env-names.js'
import { hasLoneSurrogate } from '../output/utf8.js'

export const FORMATS = ['dotenv', 'docker-env', 'json'] as const
export type Format = (typeof FORMATS)[number]

export type Formatted = { text: string } | { problems: string[] }

/** Each entry's name must already be a valid env var name (fetch's naming guarantees it). */
export function formatEntries(entries: EnvEntry[], format: Format): Formatted {
  if (format === 'json') {
    const object = Object.fromEntries(entries.map(entry => [entry.name, entry.value]))
    return { text: `${JSON.stringify(object, null, 2)}\n` }
  }
  const line = format === 'dotenv' ? dotenvEntry : dockerEnvLine
  const results = entries.map(entry => ({
    entry,
    result: utf8(entry.value) ?? line(entry.value, entry.name)
  }))
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

/** The file is UTF-8, which has no bytes for a lone surrogate (JSON writes it as `\ud800`). */
function utf8(value: string): Line | undefined {
  if (!hasLoneSurrogate(value)) return undefined
  return {
    problem:
      'the value holds a lone UTF-16 surrogate, which a UTF-8 file cannot hold: use format json'
  }
}

/**
 * Names bash gives a meaning of its own when a sourced file assigns them: it evaluates
 * `RANDOM='x[$(cmd)]'` as arithmetic (running `cmd`), refuses the read-only ones (the file then
 * fails to source), or keeps its own value for the dynamic ones. (Those that change how every
 * later shell runs, such as FUNCNEST, are refused for every export: output/env-refused.ts.)
 */
const BASH_OWN = new Set([
  // arithmetic on assignment
  ...['RANDOM', 'SRANDOM', 'OPTIND', 'HISTCMD'],
  // read-only
  ...['UID', 'EUID', 'PPID', 'BASH_VERSINFO'],
  // dynamic
  ...['SECONDS', 'LINENO', 'GROUPS', 'BASHPID', 'EPOCHREALTIME', 'EPOCHSECONDS', 'BASH_ARGV0'],
  ...['BASH_SUBSHELL', 'BASH_LINENO', 'BASH_SOURCE', 'FUNCNAME', 'BASH_COMMAND', 'DIRSTACK', '_'],
  ...['PIPESTATUS', 'BASH_ARGV', 'BASH_ARGC', 'BASH_CMDS', 'BASH_ALIASES', 'OPTERR']
])

function dotenvEntry(value: string, name: string): Line {
  if (BASH_OWN.has(name)) {
    return {
      problem:
        'bash gives this variable a meaning of its own, so a shell sourcing the file would ' +
        'evaluate, refuse or lose it: give the value an alias'
    }
  }
  return dotenvLine(value)
}

/**
 * A value the `dotenv` parser reads back exactly, written so that a POSIX shell sourcing the file
 * (`set -a; . ./.env`) runs nothing. dotenv unescapes nothing but `\n` and `\r` inside double
 * quotes and turns every CR in the file into LF; a shell runs `$(...)` and backquotes inside
 * double quotes and anything unquoted. So: single quotes when the value has no `'` and no CR
 * (newlines kept as they are), else double quotes (LF and CR as `\n`, `\r`) when it has no `"`,
 * `$` or backquote, else refused. A value ending in `\` would escape its closing quote.
 */
export function dotenvLine(value: string): Line {
  // A shell drops NUL bytes: a backslash before one would then escape the closing quote.
  if (value.includes('\0')) {
    return { problem: 'the value holds a NUL character, which no shell variable can hold' }
  }
  if (value.endsWith('\\')) {
    return {
      problem: 'the value ends with a backslash, which dotenv reads as escaping the closing quote'
    }
  }
  if (!value.includes("'") && !value.includes('\r')) return { text: `'${value}'` }
  if (!/["$`]/.test(value) && !/\\[nr]/.test(value)) {
    return { text: `"${value.replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"` }
  }
  return {
    problem:
      'the value holds a \' or a CR and also a ", a $, a backquote or a \\n or \\r as text: no ' +
      'dotenv quoting keeps it exactly and inert in a shell that sources the file (a template ' +
      "with the 'shell' filter, or format json, writes any value)"
  }
}

/** docker's --env-file takes the rest of the line as it is: no quotes, no line breaks. */
function dockerEnvLine(value: string): Line {
  if (/[\r\n]/.test(value)) {
    return { problem: 'docker --env-file cannot hold a multi-line value: use format dotenv' }
  }
  return { text: value }
}

/**
 * The one escaping point for text that comes from whoever can create secrets: secret names,
 * JSON keys, ids, aliases, tags, AWS messages. The runner reads every stdout line that starts
 * with `::` (after leading whitespace) or holds `##[` as a workflow command, and the job
 * summary is HTML.
 */

// C0 and C1 controls, DEL, NEL (U+0085), the Unicode line and paragraph separators, and the
// invisible direction marks and overrides that can make a line read as something else.
const UNSAFE_CHARS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g
const SHORT_FORMS: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

function escapeChar(char: string): string {
  return SHORT_FORMS[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
}

/** Legacy `##[command]` form, read by the runner anywhere in a line. */
const LEGACY_COMMAND = /##\[/g

/**
 * One log line the runner shows and never runs: control and line-separator characters are
 * written as `\n`, `\uXXXX`; a line-leading `::` and every `##[` are broken with `\u003a` /
 * `\u0023`. `%` stays as it is: core.info prints it raw (the runner decodes nothing in a plain
 * line) and core.warning, error, notice and debug escape it themselves, as `%25`.
 */
export function logLine(text: string): string {
  return String(text)
    .replace(UNSAFE_CHARS, escapeChar)
    .replace(/^(\s*):(?=:)/, '$1\\u003a')
    .replace(LEGACY_COMMAND, '#\\u0023[')
}

/**
 * A name, key or id to put inside a message: as logLine, and every `::` is broken too, so the
 * name is safe wherever the message places it (a line's start included).
 */
export function logName(name: string): string {
  return logLine(name).replace(/::/g, ':\\u003a')
}

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}

/** Text for an HTML cell, heading or paragraph of the job summary: never markup. */
export function htmlText(text: string): string {
  return logLine(text).replace(/[&<>"']/g, char => HTML_ENTITIES[char])
}

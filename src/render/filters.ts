/**
 * The filters of render templates: each turns text into a form that is safe where it is pasted,
 * or says why it cannot. None throws, whatever the input.
 */
import { hasLoneSurrogate } from '../output/utf8.js'

export const FILTER_NAMES = ['json', 'shell', 'base64', 'url', 'yaml'] as const
export type FilterName = (typeof FILTER_NAMES)[number]

export type FilterResult = { text: string } | { problem: string }

export const FILTERS: Record<FilterName, (text: string) => FilterResult> = {
  /** A JSON string literal, quotes included. */
  json: text => ({ text: JSON.stringify(text) }),

  /** A POSIX single-quoted word: nothing in it is special to any shell, so it is safe to source. */
  shell: text =>
    text.includes('\0')
      ? { problem: 'the value holds a NUL character, which no shell variable can hold' }
      : { text: `'${text.replace(/'/g, "'\\''")}'` },

  /** Base64 of the UTF-8 text (a binary secret is base64 already: this encodes it again). */
  base64: text => wellFormed(text, () => Buffer.from(text, 'utf8').toString('base64')),

  /** Percent-encoding of every UTF-8 byte outside RFC 3986's unreserved characters. */
  url: text => wellFormed(text, () => percentEncode(text)),

  /** A YAML double-quoted scalar, quotes included, that every YAML 1.1 or 1.2 parser reads back. */
  yaml: text => ({ text: yamlQuoted(text) })
}

function wellFormed(text: string, encode: () => string): FilterResult {
  return hasLoneSurrogate(text)
    ? { problem: 'the value holds a lone UTF-16 surrogate, which has no UTF-8 bytes' }
    : { text: encode() }
}

function percentEncode(text: string): string {
  let out = ''
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte)
    out += /[A-Za-z0-9\-._~]/.test(char)
      ? char
      : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return out
}

const YAML_ESCAPES: Record<string, string> = {
  '\0': '\\0',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
  '"': '\\"',
  '\\': '\\\\'
}

function yamlQuoted(text: string): string {
  let out = '"'
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    out += YAML_ESCAPES[char] ?? (yamlPrintable(code) ? char : `\\u${hex4(code)}`)
  }
  return `${out}"`
}

/**
 * YAML's printable set, less what some parser would fold, strip or take as a line break:
 * C0 and C1 controls, DEL, U+2028/U+2029 (line breaks in YAML 1.1), the BOM, surrogates and
 * the non-characters U+FFFE and U+FFFF.
 */
function yamlPrintable(code: number): boolean {
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return false
  if (code === 0x2028 || code === 0x2029 || code === 0xfeff) return false
  if (code >= 0xd800 && code <= 0xdfff) return false
  return code !== 0xfffe && code !== 0xffff
}

function hex4(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0')
}

/** The text after each filter in turn, or the first filter's problem. */
export function applyFilters(text: string, filters: readonly FilterName[]): FilterResult {
  let result: FilterResult = { text }
  for (const name of filters) {
    if ('problem' in result) break
    const next = FILTERS[name](result.text)
    result = 'problem' in next ? { problem: `${name}: ${next.problem}` } : next
  }
  return result
}

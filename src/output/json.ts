import { parse as losslessParse, stringify as losslessStringify } from 'lossless-json'
import { ActionError } from '../errors.js'
import { scanJson, type Scan } from './json-scan.js'

/**
 * JSON text as secrets hold it. Parsing keeps every number as written (lossless-json's
 * LosslessNumber), so `1e400`, `1.50` and 20-digit ids leave the action as the secret wrote them
 * (JSON.parse would give Infinity, 1.5 and a rounded id). No message here quotes the text.
 */

/** Deeper JSON is refused with a message naming the depth: parsing and walking it recurse. */
export const MAX_JSON_DEPTH = 1000

/** Why a JSON text was refused; line and column are 1-based, in the text as given. */
export class JsonTextError extends Error {
  constructor(
    readonly reason: string,
    readonly line?: number,
    readonly column?: number
  ) {
    super(line === undefined ? reason : `${reason} at line ${line}, column ${column}`)
    this.name = 'JsonTextError'
  }
}

export interface ParsedJson {
  /** Objects, arrays, strings, booleans, null and LosslessNumber leaves. */
  value: unknown
  /** The text without whitespace outside strings: every string and number byte for byte. */
  compact: string
}

/**
 * Strict: duplicate keys and numbers out of a double's range are refused (a reader would see a
 * different value than the text). Otherwise the last duplicate wins, as JSON.parse has it.
 */
export function parseJsonText(text: string, strict = false): ParsedJson {
  const scan = scanJson(text)
  if (scan.depth > MAX_JSON_DEPTH) {
    throw new JsonTextError(`nests ${scan.depth} levels deep; at most ${MAX_JSON_DEPTH} are read`)
  }
  let value: unknown
  try {
    value = losslessParse(text, undefined, { onDuplicateKey: ({ newValue }) => newValue })
  } catch (error) {
    throw syntaxError(text, error)
  }
  if (strict) refuseChanges(text, scan)
  return { value, compact: scan.compact }
}

/** What a reader would read differently from the text: each problem, first one first. */
function refuseChanges(text: string, scan: Scan): void {
  const problems = [
    { at: scan.duplicate, what: 'a duplicate key (each key must be given once)' },
    {
      at: scan.outOfRange,
      what: 'a number out of range (a JSON reader would get Infinity or 0: store it as a string)'
    }
  ].filter((problem): problem is { at: number; what: string } => problem.at !== undefined)
  if (problems.length === 0) return
  problems.sort((x, y) => x.at - y.at)
  const [first, ...rest] = problems.map(({ at, what }) => {
    const { line, column } = lineColumn(text, at)
    return { line, column, text: `has ${what} at line ${line}, column ${column}` }
  })
  const reason = [first, ...rest].map(problem => problem.text).join('; it also ')
  throw Object.assign(new JsonTextError(reason), { line: first.line, column: first.column })
}

/** The JSON text of a parsed value, numbers as they were written. */
export function jsonText(value: unknown): string {
  return losslessStringify(value) ?? 'null'
}

/**
 * The JSON object a value holds (a string is parsed; arrays and scalars are not objects), or
 * undefined. Too deep a document is refused naming `source`; other parse errors give undefined.
 */
export function jsonObject(value: unknown, source?: string): Record<string, unknown> | undefined {
  let parsed = value
  if (typeof value === 'string') {
    try {
      parsed = parseJsonText(value).value
    } catch (error) {
      const reason = error instanceof JsonTextError ? error.reason : ''
      if (source !== undefined && reason.startsWith('nests')) {
        throw new ActionError(`Secret '${source}' is not parsed as JSON: it ${reason}.`)
      }
      return undefined
    }
  }
  // Plain objects only: a binary value (Uint8Array) or an array is not a JSON object.
  const isObject =
    parsed !== null &&
    typeof parsed === 'object' &&
    Object.getPrototypeOf(parsed) === Object.prototype
  return isObject ? (parsed as Record<string, unknown>) : undefined
}

/**
 * Where a JSON text first repeats a key, or undefined. Written again, such a text keeps only the
 * key's last value.
 */
export function duplicateKeyAt(text: string): { line: number; column: number } | undefined {
  const at = scanJson(text).duplicate
  return at === undefined ? undefined : lineColumn(text, at)
}

/** 1-based line and column of a 0-based index; CRLF, CR and LF each end a line. */
export function lineColumn(text: string, index: number): { line: number; column: number } {
  let line = 1
  let start = 0
  for (let i = 0; i < index && i < text.length; i++) {
    const char = text[i]
    if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) {
      line++
      start = i + 1
    }
  }
  return { line, column: index - start + 1 }
}

function positioned(text: string, reason: string, index: number): JsonTextError {
  const { line, column } = lineColumn(text, index)
  return new JsonTextError(reason, line, column)
}

/** lossless-json's reason without what it quotes of the text; its 0-based position as line:col. */
function syntaxError(text: string, error: unknown): JsonTextError {
  const message = String((error as Error)?.message ?? error)
  const index = /at position (\d+)/.exec(message)?.[1]
  if (/reached end of input/.test(message) || index === undefined) {
    return new JsonTextError('is not valid JSON: it ends too early')
  }
  const reason = /^Invalid (number|character|escape character|unicode character)/.exec(message)
  const what = reason
    ? `invalid ${reason[1]}`
    : message
        .replace(/ (but got|at position)[\s\S]*$/, '')
        .replace(/^[A-Z](?=[a-z])/, c => c.toLowerCase())
  return positioned(text, `is not valid JSON: ${what}`, Number(index))
}

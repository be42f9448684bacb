import * as fs from 'node:fs'
import * as path from 'node:path'
import { InputError } from '../errors.js'
import type { Inputs } from '../inputs/reader.js'
import type { SecretData } from '../output/mask.js'
import { JsonTextError, parseJsonText } from '../output/json.js'

/** Secrets Manager stores at most 64 KiB a version. */
export const MAX_VALUE_BYTES = 65536

export const VALUE_SOURCES = ['secret-string', 'secret-json', 'secret-file'] as const
export type ValueSource = (typeof VALUE_SOURCES)[number]

export interface NewValue {
  source: ValueSource
  data: SecretData
}

/**
 * The value put writes, from exactly one of secret-string, secret-json or secret-file.
 * Nothing here prints, and no message quotes the value: it is masked when the handler runs.
 */
export function parseNewValue(inputs: Inputs, cwd = process.cwd()): NewValue {
  const named = VALUE_SOURCES.filter(name => inputs.string(name) !== '')
  if (named.length === 0) {
    throw new InputError(
      'secret-string',
      'put needs the new value in exactly one of secret-string, secret-json or secret-file'
    )
  }
  if (named.length > 1) {
    throw new InputError(
      named[1],
      `give only one of secret-string, secret-json or secret-file (${named.join(' and ')} are set)`
    )
  }
  const source = named[0]
  const value = readSource(source, inputs, cwd)
  checkSize(source, value.data)
  return { source, ...value }
}

function readSource(source: ValueSource, inputs: Inputs, cwd: string): Pick<NewValue, 'data'> {
  // Trimmed as the runner trims every input, so tests and workflows store the same bytes.
  const text = inputs.string(source)
  if (source === 'secret-string') return { data: text }
  if (source === 'secret-json') return { data: compactJson(text) }
  const encoding = inputs.oneOf('file-encoding', ['binary', 'utf8'] as const, 'binary')
  const bytes = readValueFile(text, cwd)
  return { data: encoding === 'binary' ? bytes : decodeUtf8(bytes) }
}

/**
 * Validated and stored compact: whitespace outside strings is dropped, every string and number
 * is kept as written. A duplicate key or a number a double cannot hold is refused: a reader would
 * see another value. Messages give a line and column, never the text.
 */
export function compactJson(text: string): string {
  try {
    return parseJsonText(text, true).compact
  } catch (error) {
    if (!(error instanceof JsonTextError)) throw error
    throw new InputError('secret-json', error.message)
  }
}

/** A path relative to the workspace (the working directory), read byte for byte. */
function readValueFile(file: string, cwd: string): Uint8Array {
  const full = path.resolve(cwd, file)
  let size: number
  try {
    const stat = fs.statSync(full)
    if (!stat.isFile()) throw new InputError('secret-file', `'${file}' is not a regular file`)
    size = stat.size
  } catch (error) {
    if (error instanceof InputError) throw error
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    throw new InputError('secret-file', `cannot read '${file}' (${code})`)
  }
  if (size > MAX_VALUE_BYTES) {
    throw new InputError('secret-file', `'${file}' is ${size} bytes; a secret holds at most 65536`)
  }
  if (size === 0) throw new InputError('secret-file', `'${file}' is empty`)
  return new Uint8Array(fs.readFileSync(full))
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    // ignoreBOM keeps a byte order mark as part of the value: the file is stored as it is.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    throw new InputError(
      'secret-file',
      'is not valid UTF-8: use file-encoding: binary to store it byte for byte'
    )
  }
}

function checkSize(source: ValueSource, data: SecretData): void {
  const bytes = typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.length
  if (bytes > MAX_VALUE_BYTES) {
    throw new InputError(source, `is ${bytes} bytes; a secret holds at most 65536`)
  }
}

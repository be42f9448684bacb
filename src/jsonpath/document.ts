import type { JSONValue } from 'json-p3'
import { ActionError } from '../errors.js'
import type { SecretData } from '../output/mask.js'
import { JsonTextError, parseJsonText } from '../output/json.js'

/**
 * A secret's JSON twice: `plain` (numbers as doubles) for queries to compare, `written`
 * (numbers as the text writes them, lossless-json) for what a query's result emits.
 */
export interface JsonDocument {
  plain: JSONValue
  written: unknown
}

/**
 * The secret's value as a JSON document. A binary or non-JSON secret is refused with a message
 * that holds nothing of the value, only where the JSON breaks (1-based line and column).
 */
export function parseJsonSecret(data: SecretData, secretName: string): JsonDocument {
  if (typeof data !== 'string') {
    throw new ActionError(
      `Secret '${secretName}' is a binary secret (SecretBinary): lookup-jsonpath reads JSON ` +
        'from a SecretString. Use fetch with output-dir to get binary secrets as files.'
    )
  }
  if (data.trim() === '') {
    throw new ActionError(`Secret '${secretName}' is empty: lookup-jsonpath needs a JSON value.`)
  }
  try {
    return readJsonDocument(data)
  } catch (error) {
    if (!(error instanceof JsonTextError)) throw error
    throw new ActionError(
      `Secret '${secretName}' ${error.message}: lookup-jsonpath needs a JSON SecretString ` +
        '(the value is not shown). Use fetch to read it whole.'
    )
  }
}

/** Both readings of JSON text. Throws JsonTextError, whose message quotes nothing of the text. */
export function readJsonDocument(text: string): JsonDocument {
  const written = parseJsonText(text).value
  // Valid by now, and no deeper than parseJsonText allows.
  return { plain: JSON.parse(text) as JSONValue, written }
}

/** The node of `written` at a query result's location. */
export function writtenAt(document: JsonDocument, location: Array<string | number>): unknown {
  let node = document.written
  for (const part of location) node = (node as Record<string | number, unknown>)[part]
  return node
}

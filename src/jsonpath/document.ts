import type { JSONValue } from 'json-p3'
import { ActionError } from '../errors.js'
import type { SecretData } from '../output/mask.js'

/**
 * The secret's value as a JSON document. A binary or non-JSON secret is refused with a message
 * that holds nothing of the value: JSON.parse's own message quotes the text around the error.
 */
export function parseJsonSecret(data: SecretData, secretName: string): JSONValue {
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
    return JSON.parse(data) as JSONValue
  } catch (error) {
    throw new ActionError(
      `Secret '${secretName}' is not valid JSON${where(error)}: lookup-jsonpath needs a JSON ` +
        'SecretString (the value is not shown). Use fetch to read it whole.'
    )
  }
}

/** Only the position of a JSON syntax error, never the message's quote of the text. */
function where(error: unknown): string {
  const message = String((error as Error)?.message ?? '')
  if (/Unexpected end of JSON input/i.test(message)) return ' (it ends too early)'
  const position = /\bposition (\d+)/.exec(message)?.[1]
  return position === undefined ? '' : ` (syntax error at character ${Number(position) + 1})`
}

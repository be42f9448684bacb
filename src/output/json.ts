/**
 * The JSON object a value holds (a string is parsed; arrays and scalars are not objects), or
 * undefined. Parse errors are swallowed: their messages quote the text, which may be a secret.
 */
export function jsonObject(value: unknown): Record<string, unknown> | undefined {
  let parsed = value
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value)
    } catch {
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

// A scan of JSON text with no library and no recursion: json.ts (which loads lossless-json)
// and the masker (which every start loads) both use it.

export interface Scan {
  /** The text without whitespace outside strings: every string and number byte for byte. */
  compact: string
  depth: number
  /** Index of the first key an object already has. */
  duplicate?: number
  /** Index of the first number a double cannot hold (it overflows, or underflows to 0). */
  outOfRange?: number
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r'])
const NUMBER_CHAR = /[-+0-9.eE]/

/** One pass, no recursion: the compact text, the depth, duplicate keys and extreme numbers. */
export function scanJson(text: string): Scan {
  const stack: Array<{ keys: Set<string>; expectKey: boolean } | undefined> = []
  const scan: Scan = { compact: '', depth: 0 }
  const parts: string[] = []
  let i = 0
  while (i < text.length) {
    const char = text[i]
    const top = stack[stack.length - 1]
    if (char === '"') {
      let end = i + 1
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1
      const token = text.slice(i, end + 1)
      if (top?.expectKey) {
        const key = decodeKey(token)
        if (top.keys.has(key)) scan.duplicate ??= i
        top.keys.add(key)
        top.expectKey = false
      }
      parts.push(token)
      i = end + 1
      continue
    }
    if (char === '-' || (char >= '0' && char <= '9')) {
      let end = i + 1
      while (end < text.length && NUMBER_CHAR.test(text[end])) end++
      const literal = text.slice(i, end)
      if (outOfRange(literal)) scan.outOfRange ??= i
      parts.push(literal)
      i = end
      continue
    }
    if (char === '{' || char === '[') {
      stack.push(char === '{' ? { keys: new Set(), expectKey: true } : undefined)
      scan.depth = Math.max(scan.depth, stack.length)
    } else if (char === '}' || char === ']') {
      stack.pop()
    } else if (char === ',' && top) {
      top.expectKey = true
    }
    if (!WHITESPACE.has(char)) parts.push(char)
    i++
  }
  scan.compact = parts.join('')
  return scan
}

function decodeKey(token: string): string {
  try {
    return JSON.parse(token) as string
  } catch {
    return token
  }
}

/** A literal a double cannot hold: it overflows to Infinity, or a non-zero one becomes 0. */
function outOfRange(literal: string): boolean {
  const number = Number(literal)
  if (Number.isNaN(number)) return false
  if (!Number.isFinite(number)) return true
  const mantissa = literal.replace(/[eE].*$/, '')
  return number === 0 && /[1-9]/.test(mantissa)
}

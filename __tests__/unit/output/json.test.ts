import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { LosslessNumber } from 'lossless-json'
import {
  jsonObject,
  jsonText,
  JsonTextError,
  lineColumn,
  MAX_JSON_DEPTH,
  parseJsonText
} from '../../../src/output/json.js'

// Seeded and reproducible: a failure prints the seed and path; FC_SEED replays it.
const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31)
const runs = { seed, numRuns: 1500 }

/** A JSON text's tokens: strings and numbers whole, then structure and literals. */
const TOKENS = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null|[{}[\],:]/g
const whitespace = fc.stringMatching(/^[ \t\r\n]{0,3}$/)

/** The compact text of a value, its tokens rejoined with generated whitespace between them. */
const spaced = fc
  .jsonValue()
  .map(value => JSON.stringify(value))
  .chain(compact => {
    const tokens = compact.match(TOKENS) ?? []
    return fc
      .array(whitespace, { minLength: tokens.length + 1, maxLength: tokens.length + 1 })
      .map(gaps => ({
        compact,
        text: gaps[0] + tokens.map((token, i) => token + gaps[i + 1]).join('')
      }))
  })

function refusal(text: string, strict = true): JsonTextError {
  try {
    parseJsonText(text, strict)
  } catch (error) {
    expect(error).toBeInstanceOf(JsonTextError)
    return error as JsonTextError
  }
  throw new Error(`accepted ${text}`)
}

describe('parseJsonText', () => {
  it('keeps any JSON text it accepts byte for byte, only whitespace between tokens dropped', () => {
    fc.assert(
      fc.property(spaced, ({ compact, text }) => {
        expect(parseJsonText(text, true).compact).toBe(compact)
      }),
      runs
    )
  })

  it('keeps numbers and escapes as written, where JSON.parse would change them', () => {
    const text = '{ "id": 12345678901234567890, "rate": 1.50, "e": "\\u00e9\\/", "t": 1E-7 }'
    expect(parseJsonText(text, true).compact).toBe(
      '{"id":12345678901234567890,"rate":1.50,"e":"\\u00e9\\/","t":1E-7}'
    )
    expect(jsonText(parseJsonText('[1e400, 1e-400, -0.0]').value)).toBe('[1e400,1e-400,-0.0]')
  })

  it('accepts exactly what JSON.parse accepts, and reads the same values', () => {
    const mutated = fc
      .tuple(
        fc.jsonValue().map(value => JSON.stringify(value, null, 1)),
        fc.nat(),
        fc.constantFrom('', ',', '}', ']', '"', '\\', '0', '-', '.', 'e', ' ', '\u0001', 'x')
      )
      .map(([text, at, insert]) => {
        const i = at % (text.length + 1)
        return text.slice(0, i) + insert + text.slice(i + (at % 2))
      })
    fc.assert(
      fc.property(fc.oneof(mutated, fc.string()), text => {
        let expected: unknown
        try {
          expected = JSON.parse(text)
        } catch {
          expect(() => parseJsonText(text)).toThrow(JsonTextError)
          return
        }
        expect(JSON.parse(jsonText(parseJsonText(text).value))).toEqual(expected)
      }),
      { ...runs, numRuns: 4000 }
    )
  })

  it('refuses a duplicate key, even with the same value, naming its line and column', () => {
    fc.assert(
      fc.property(fc.string(), fc.jsonValue(), fc.jsonValue(), (key, a, b) => {
        const name = JSON.stringify(key)
        const text = `{\n  ${name}: ${JSON.stringify(a)},\n  ${name}: ${JSON.stringify(b)}\n}`
        const error = refusal(text)
        expect(error.message).toMatch(/duplicate key/)
        expect([error.line, error.column]).toEqual([3, 3])
        // As JSON.parse, the last one wins when nothing is stored.
        expect(JSON.parse(jsonText(parseJsonText(text).value))).toEqual(JSON.parse(text))
      }),
      runs
    )
    // The same key spelled with an escape is the same key.
    expect(refusal('{"pw":"a","\\u0070w":"a"}').message).toMatch(
      /duplicate key .* at line 1, column 11$/
    )
  })

  it('refuses numbers a double cannot hold, and keeps every other literal', () => {
    const huge = fc.integer({ min: 309, max: 99999 }).map(e => `9.5e${e}`)
    const tiny = fc.integer({ min: 400, max: 99999 }).map(e => `-1e-${e}`)
    fc.assert(
      fc.property(fc.oneof(huge, tiny), fc.boolean(), (literal, nested) => {
        const text = nested ? `{"a":[true,${literal}]}` : literal
        const error = refusal(text)
        expect(error.message).toMatch(/number out of range/)
        expect(error.column).toBe(nested ? 12 : 1)
        expect(parseJsonText(text).compact).toBe(text)
      }),
      runs
    )
    for (const kept of [
      '0e400',
      '-0',
      '12345678901234567890123',
      '4.9e-324',
      '1.7976931348623157e308'
    ]) {
      expect(parseJsonText(kept, true).compact).toBe(kept)
    }
  })

  it('gives 1-based line and column for every syntax error, never the text', () => {
    const pretty = fc.jsonValue().map(value => JSON.stringify({ v: value }, null, 2))
    fc.assert(
      fc.property(pretty, fc.nat(), (text, at) => {
        // '#' at a token boundary is where the text stops being JSON.
        const bounds = [...text.matchAll(TOKENS)].map(match => match.index + match[0].length)
        const i = bounds[at % bounds.length]
        const error = refusal(text.slice(0, i) + '#' + text.slice(i))
        const before = text.slice(0, i)
        expect(error.line).toBe(before.split('\n').length)
        expect(error.column).toBe(i - before.lastIndexOf('\n'))
        expect(error.message).not.toContain('#')
      }),
      runs
    )
    expect(refusal('{"a":1,}').message).toMatch(/at line 1, column 8$/)
    expect(refusal('{"a":nope}').message).toMatch(/at line 1, column 6$/)
    expect(refusal('{"a":\r\n1 2}').message).toMatch(/at line 2, column 3$/)
    expect(refusal('{"pw": "hunter2').message).toMatch(/ends too early$/)
    expect(refusal('x').message).toBe('is not valid JSON: JSON value expected at line 1, column 1')
    expect(refusal('{"a" 1}').message).toMatch(/: colon ':' expected after property name at/)
  })

  it(`refuses JSON nested deeper than ${MAX_JSON_DEPTH} levels naming the depth, without recursing`, () => {
    for (const depth of [MAX_JSON_DEPTH + 1, 3000, 100_000]) {
      const text = '['.repeat(depth) + ']'.repeat(depth)
      expect(refusal(text, false).message).toBe(
        `nests ${depth} levels deep; at most ${MAX_JSON_DEPTH} are read`
      )
    }
    const deepest = '{"a":'.repeat(MAX_JSON_DEPTH) + '1' + '}'.repeat(MAX_JSON_DEPTH)
    expect(jsonText(parseJsonText(deepest).value)).toBe(deepest)
  })
})

describe('lineColumn', () => {
  it('counts CRLF, CR and LF as one line break each', () => {
    expect(lineColumn('ab', 0)).toEqual({ line: 1, column: 1 })
    expect(lineColumn('a\r\nb\rc\nd', 7)).toEqual({ line: 4, column: 1 })
  })
})

describe('jsonObject', () => {
  it('parses a string holding a JSON object, numbers as written, and passes objects through', () => {
    expect(jsonObject('{"a":{"b":1.50}}')).toEqual({ a: { b: new LosslessNumber('1.50') } })
    expect(jsonObject({ k: 'v' })).toEqual({ k: 'v' })
  })

  it.each([
    ['an array', '[1,2]'],
    ['a scalar', '42'],
    ['null', 'null'],
    ['broken JSON', '{"a":'],
    ['a binary value', new Uint8Array([123, 125])],
    ['a parsed array', [1]]
  ])('is undefined for %s', (_, value) => {
    expect(jsonObject(value)).toBeUndefined()
  })

  it('refuses too deep a document naming the secret and the depth', () => {
    const deep = '{"a":' + '['.repeat(3000) + ']'.repeat(3000) + '}'
    expect(() => jsonObject(deep, 'app/deep')).toThrow(
      "Secret 'app/deep' is not parsed as JSON: it nests 3001 levels deep; at most 1000 are read."
    )
  })
})

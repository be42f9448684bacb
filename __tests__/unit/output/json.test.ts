import { describe, expect, it } from '@jest/globals'
import { jsonObject } from '../../../src/output/json.js'

describe('jsonObject', () => {
  it('parses a string holding a JSON object, and passes a parsed object through', () => {
    expect(jsonObject('{"a":{"b":1}}')).toEqual({ a: { b: 1 } })
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
})

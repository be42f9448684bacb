import { describe, expect, it } from '@jest/globals'
import { sameValue, valueDigest } from '../../../src/secrets/write.js'

describe('valueDigest', () => {
  it('tells values and their kind apart, by sha256', () => {
    expect(sameValue('abc', 'abc')).toBe(true)
    expect(sameValue('abc', 'abd')).toBe(false)
    expect(sameValue('abc', new Uint8Array(Buffer.from('abc')))).toBe(false)
    expect(sameValue(new Uint8Array([0, 255]), new Uint8Array([0, 255]))).toBe(true)
    expect(sameValue(new Uint8Array([0, 255]), new Uint8Array([0, 254]))).toBe(false)
    expect(valueDigest('abc')).toMatch(/^string:[0-9a-f]{64}$/)
  })
})

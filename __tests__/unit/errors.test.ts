import { describe, expect, it } from '@jest/globals'
import { bothSettled } from '../../src/errors.js'

const later = <T>(ms: number, value: T, fail = false): Promise<T> =>
  new Promise((resolve, reject) => setTimeout(() => (fail ? reject(value) : resolve(value)), ms))

describe('bothSettled', () => {
  it('gives both values', async () => {
    expect(await bothSettled(later(5, 'a'), later(1, 2))).toEqual(['a', 2])
  })

  it("reports the first's error even when the second failed sooner, once the first is done", async () => {
    let firstDone = false
    const first = later(20, new Error('the work'), true).finally(() => (firstDone = true))
    await expect(bothSettled(first, later(1, new Error('the load'), true))).rejects.toThrow(
      'the work'
    )
    expect(firstDone).toBe(true)
  })

  it("reports the second's error when the first succeeded", async () => {
    await expect(bothSettled(later(1, 'a'), later(5, new Error('the load'), true))).rejects.toThrow(
      'the load'
    )
  })
})

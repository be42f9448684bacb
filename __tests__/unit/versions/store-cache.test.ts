import { describe, expect, it, jest } from '@jest/globals'

// An @actions/cache without isFeatureAvailable (an older or differently bundled build).
jest.unstable_mockModule('@actions/cache', () => ({
  restoreCache: jest.fn(),
  saveCache: jest.fn()
}))
const { ActionsCacheStore } = await import('../../../src/versions/store.js')

describe('cache: actions when @actions/cache lacks isFeatureAvailable', () => {
  it('degrades to its documented warning and a first run, with no TypeError', async () => {
    const writes: string[] = []
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
      writes.push(String(chunk))
      return true
    })
    try {
      const store = new ActionsCacheStore('prefix', { RUNNER_TEMP: '/tmp' })
      await expect(store.load()).resolves.toEqual({ kind: 'none' })
      await expect(store.save({ versionIds: {} })).resolves.toBeUndefined()
    } finally {
      write.mockRestore()
    }
    expect(writes.join('')).toMatch(/::warning::The GitHub Actions cache service is not available/)
  })
})

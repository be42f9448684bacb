import { describe, expect, it } from '@jest/globals'
import { deriveRequestToken } from '../../../src/secrets/token.js'

const run = {
  GITHUB_RUN_ID: '42',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_JOB: 'deploy',
  GITHUB_ACTION: 'put'
}

describe('deriveRequestToken', () => {
  it('is stable for one step attempt and secret, and 32-64 characters long', () => {
    const token = deriveRequestToken(run, 'db', 'put')
    expect(token).toBe(deriveRequestToken({ ...run }, 'db', 'put'))
    expect(token.length).toBeGreaterThanOrEqual(32)
    expect(token.length).toBeLessThanOrEqual(64)
  })

  it('differs across attempts, steps, secrets and purposes', () => {
    const base = deriveRequestToken(run, 'db', 'put')
    expect(deriveRequestToken({ ...run, GITHUB_RUN_ATTEMPT: '2' }, 'db', 'put')).not.toBe(base)
    expect(deriveRequestToken({ ...run, GITHUB_ACTION: 'put2' }, 'db', 'put')).not.toBe(base)
    expect(deriveRequestToken(run, 'db2', 'put')).not.toBe(base)
    expect(deriveRequestToken(run, 'db', 'rotate')).not.toBe(base)
  })

  it('is unique per call outside a workflow run', () => {
    expect(deriveRequestToken({}, 'db', 'put')).not.toBe(deriveRequestToken({}, 'db', 'put'))
  })
})

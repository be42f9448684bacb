import { describe, expect, it } from '@jest/globals'
import { defaultSessionName } from '../../../src/aws/assume-role.js'
import { tokenSubject } from '../../../src/aws/oidc.js'
import { jwtFor } from '../../harness/oidc-server.js'

describe('defaultSessionName', () => {
  it('names the run and attempt', () => {
    expect(defaultSessionName({ GITHUB_RUN_ID: '123', GITHUB_RUN_ATTEMPT: '2' })).toBe(
      'GitHubActions-123-2'
    )
  })

  it('stays within the 2-64 characters STS allows', () => {
    const name = defaultSessionName({ GITHUB_RUN_ID: '9'.repeat(80), GITHUB_RUN_ATTEMPT: '1' })
    expect(name).toHaveLength(64)
    expect(defaultSessionName({ GITHUB_RUN_ID: 'a b/c', GITHUB_RUN_ATTEMPT: '1' })).toBe(
      'GitHubActions-a_b_c-1'
    )
    expect(defaultSessionName({})).toBe('GitHubActions')
  })
})

describe('tokenSubject', () => {
  it('reads the sub claim of a JWT, and nothing from what is not one', () => {
    expect(tokenSubject(jwtFor('aud', 'repo:o/r:environment:prod'))).toBe(
      'repo:o/r:environment:prod'
    )
    expect(tokenSubject('not-a-jwt')).toBeUndefined()
    expect(tokenSubject('a.%%%.c')).toBeUndefined()
  })
})

import { describe, expect, it, jest } from '@jest/globals'

const actual = await import('@actions/core')
const getIDToken = jest.fn<(audience?: string) => Promise<string>>()
jest.unstable_mockModule('@actions/core', () => ({ ...actual, getIDToken, setSecret: jest.fn() }))
const { requestIdToken } = await import('../../../src/aws/oidc.js')
const { masker } = await import('../../../src/output/mask.js')

const env = {
  ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/t',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'r'
}

describe('requestIdToken when the endpoint cannot be reached', () => {
  it('keeps the cause, on one line and masked', async () => {
    masker.add('Hunter2-Runtime-Token')
    getIDToken.mockRejectedValue(
      new Error('Not implemented\n::warning::injected Hunter2-Runtime-Token')
    )
    await expect(requestIdToken('sts.amazonaws.com', env)).rejects.toThrow(
      "Could not reach GitHub's OIDC token endpoint for audience 'sts.amazonaws.com' " +
        '(Not implemented ::warning::injected ***); re-run the job.'
    )
  })

  it('shortens a long cause', async () => {
    getIDToken.mockRejectedValue(new Error(`socket hang up ${'x'.repeat(1000)}`))
    const message = await requestIdToken('aud', env).catch((error: Error) => error.message)
    expect(message).toMatch(/\(socket hang up x{285}\.\.\.\); re-run the job\.$/)
  })
})

import { describe, expect, it } from '@jest/globals'
import type * as https from 'node:https'
import { httpHandler } from '../../../src/aws/http.js'
import { parseAwsConfig } from '../../../src/inputs/common.js'
import { inputsFrom } from '../../harness/context.js'

describe('auto-select-family-attempt-timeout', () => {
  it("takes the official action's default, 1000 ms", () => {
    expect(parseAwsConfig(inputsFrom({})).autoSelectFamilyAttemptTimeoutMs).toBe(1000)
    const given = inputsFrom({ 'auto-select-family-attempt-timeout': '2500' })
    expect(parseAwsConfig(given).autoSelectFamilyAttemptTimeoutMs).toBe(2500)
  })

  it.each(['5', '0', '-1', '1.5', 'soon', '60001'])('refuses %j, naming the input', value => {
    const inputs = inputsFrom({ 'auto-select-family-attempt-timeout': value })
    expect(() => parseAwsConfig(inputs)).toThrow(/^Input 'auto-select-family-attempt-timeout': /)
  })

  it('is applied to the agents of every AWS connection, proxied or not', async () => {
    for (const proxy of [undefined, 'http://proxy.corp:3128']) {
      const handler = httpHandler({
        requestTimeoutMs: 1000,
        proxy,
        autoSelectFamilyAttemptTimeoutMs: 2500
      })
      // The handler resolves its config lazily; its agents are what every request connects with.
      const config = (await (handler as unknown as { configProvider: Promise<unknown> })
        .configProvider) as { httpsAgent: https.Agent & { connectOpts?: object } }
      const options = { ...config.httpsAgent.options, ...config.httpsAgent.connectOpts }
      expect(options).toMatchObject({ autoSelectFamilyAttemptTimeout: 2500 })
    }
  })
})

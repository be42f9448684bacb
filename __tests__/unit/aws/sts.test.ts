import { describe, expect, it } from '@jest/globals'
import { clientSettings } from '../../../src/aws/client.js'
import { stsSettings } from '../../../src/aws/sts.js'

const config = { region: 'eu-west-1', maxAttempts: 4 }

describe('stsSettings', () => {
  it('prefers AWS_ENDPOINT_URL_STS, then endpoint-url, then AWS_ENDPOINT_URL', () => {
    const all = {
      AWS_ENDPOINT_URL_STS: 'http://sts.local:1',
      AWS_ENDPOINT_URL: 'http://any.local:3',
      AWS_ENDPOINT_URL_SECRETS_MANAGER: 'http://sm.local:4'
    }
    const given = { ...config, endpoint: 'http://input.local:2' }
    const sts = (c: typeof given | typeof config, env: NodeJS.ProcessEnv) =>
      stsSettings(clientSettings(c, [], env), env).endpoint
    expect(sts(given, all)).toBe('http://sts.local:1')
    expect(sts(given, { ...all, AWS_ENDPOINT_URL_STS: '' })).toBe('http://input.local:2')
    expect(sts(config, { ...all, AWS_ENDPOINT_URL_STS: '' })).toBe('http://any.local:3')
    // The Secrets Manager variable names Secrets Manager only.
    expect(sts(config, { AWS_ENDPOINT_URL_SECRETS_MANAGER: 'http://sm.local:4' })).toBeUndefined()
  })

  it('shares region and retries, and checks NO_PROXY against the STS host', () => {
    const env = {
      HTTPS_PROXY: 'http://proxy:3128',
      NO_PROXY: '.secretsmanager.eu-west-1.amazonaws.com'
    }
    const settings = clientSettings(config, [], env)
    expect(settings.proxy).toBeUndefined()
    const sts = stsSettings(settings, env)
    expect(sts).toMatchObject({ region: 'eu-west-1', maxAttempts: 4, proxy: 'http://proxy:3128' })
    const bypass = { ...env, NO_PROXY: 'sts.eu-west-1.amazonaws.com' }
    expect(stsSettings(clientSettings(config, [], bypass), bypass).proxy).toBeUndefined()
  })

  it('uses the http-proxy input for STS too', () => {
    const settings = clientSettings({ ...config, proxy: 'http://input-proxy:8080' }, [], {})
    expect(stsSettings(settings, {}).proxy).toBe('http://input-proxy:8080')
  })
})

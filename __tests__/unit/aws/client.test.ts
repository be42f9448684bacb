import { describe, expect, it } from '@jest/globals'
import { clientSettings, SecretsManagerClients } from '../../../src/aws/client.js'
import { bypassesProxy, proxyFor, serviceHost } from '../../../src/aws/http.js'
import { resolveRegion } from '../../../src/aws/region.js'

const ARN = 'arn:aws:secretsmanager:eu-west-2:123456789012:secret:db-AbCdEf'

describe('resolveRegion', () => {
  it('takes the input, then a secret ARN, then AWS_REGION, then AWS_DEFAULT_REGION', () => {
    const env = { AWS_REGION: 'us-west-1', AWS_DEFAULT_REGION: 'us-west-2' }
    expect(resolveRegion('ap-south-1', [ARN], env)).toBe('ap-south-1')
    expect(resolveRegion(undefined, [ARN], env)).toBe('eu-west-2')
    expect(resolveRegion(undefined, [], env)).toBe('us-west-1')
    expect(resolveRegion(undefined, [], { AWS_DEFAULT_REGION: 'us-west-2' })).toBe('us-west-2')
  })

  it('fails with a message that says where a region can come from', () => {
    expect(() => resolveRegion(undefined, [], {})).toThrow(/aws-region.*ARN.*AWS_REGION/)
  })
})

describe('clientSettings', () => {
  const aws = { maxAttempts: 4 }

  it('takes the endpoint from the input, then the service variable, then AWS_ENDPOINT_URL', () => {
    const env = {
      AWS_REGION: 'us-east-1',
      AWS_ENDPOINT_URL_SECRETS_MANAGER: 'http://sm.local:1',
      AWS_ENDPOINT_URL: 'http://all.local:2'
    }
    expect(clientSettings({ ...aws, endpoint: 'http://in.local:3' }, [], env).endpoint).toBe(
      'http://in.local:3'
    )
    expect(clientSettings(aws, [], env).endpoint).toBe('http://sm.local:1')
    expect(
      clientSettings(aws, [], { AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: 'http://all.local:2' })
        .endpoint
    ).toBe('http://all.local:2')
    expect(clientSettings(aws, [], { AWS_REGION: 'us-east-1' }).endpoint).toBeUndefined()
  })

  it('uses the proxy from the input or HTTPS_PROXY, unless NO_PROXY lists the host', () => {
    const env = { AWS_REGION: 'us-east-1', HTTPS_PROXY: 'http://proxy.corp:3128' }
    expect(clientSettings(aws, [], env).proxy).toBe('http://proxy.corp:3128')
    expect(clientSettings({ ...aws, proxy: 'http://p2:1' }, [], env).proxy).toBe('http://p2:1')
    expect(clientSettings(aws, [], { ...env, NO_PROXY: '.amazonaws.com' }).proxy).toBeUndefined()
    expect(clientSettings(aws, [], { ...env, NO_PROXY: 'example.com' }).proxy).toBe(
      'http://proxy.corp:3128'
    )
  })

  it('keeps the retry budget of the max-attempts input', () => {
    expect(clientSettings(aws, [ARN], {}).maxAttempts).toBe(4)
    expect(clientSettings(aws, [ARN], {}).region).toBe('eu-west-2')
  })
})

describe('serviceHost', () => {
  it("uses the region's partition DNS suffix, as the SDK resolves endpoints", () => {
    expect(serviceHost('secretsmanager', 'us-east-1')).toBe(
      'secretsmanager.us-east-1.amazonaws.com'
    )
    expect(serviceHost('secretsmanager', 'cn-north-1')).toBe(
      'secretsmanager.cn-north-1.amazonaws.com.cn'
    )
    expect(serviceHost('sts', 'cn-northwest-1')).toBe('sts.cn-northwest-1.amazonaws.com.cn')
    expect(serviceHost('sts', 'us-gov-west-1')).toBe('sts.us-gov-west-1.amazonaws.com')
  })

  it('matches NO_PROXY against the China endpoint host', () => {
    const env = { HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: '.amazonaws.com.cn' }
    expect(clientSettings({ maxAttempts: 1, region: 'cn-north-1' }, [], env).proxy).toBeUndefined()
    expect(clientSettings({ maxAttempts: 1, region: 'us-east-1' }, [], env).proxy).toBe(
      'http://proxy.corp:3128'
    )
  })
})

describe('SecretsManagerClients', () => {
  const settings = clientSettings({ maxAttempts: 1, region: 'us-east-1' }, [], {})
  const credentials = async () => ({ accessKeyId: 'a', secretAccessKey: 'b' })

  it('builds one client per region, when first asked for, all with the same credentials', async () => {
    const clients = new SecretsManagerClients({ ...settings, credentials }, 'us-east-1', {})
    const us = clients.forRegion()
    expect(clients.forRegion('us-east-1')).toBe(us)
    const eu = clients.forSecret(ARN)
    expect(eu).not.toBe(us)
    expect(await eu.config.region()).toBe('eu-west-2')
    expect(clients.forSecret('prod/db')).toBe(us)
    expect(await await eu.config.credentials()).toEqual(await credentials())
  })

  it('shares the default chain the first client resolved', () => {
    const clients = new SecretsManagerClients(settings, 'us-east-1', {})
    const us = clients.forRegion()
    const eu = clients.forRegion('eu-west-1')
    expect(typeof us.config.credentials).toBe('function')
    expect(eu).not.toBe(us)
  })

  it('reads names in the default region only: without one, the step fails before any call', () => {
    const clients = SecretsManagerClients.forConfig(settings, {}, {})
    expect(clients.region).toBeUndefined()
    expect(clients.regionOf(ARN)).toBe('eu-west-2')
    expect(() => clients.forSecret('prod/db')).toThrow(/aws-region.*AWS_REGION/)
    expect(SecretsManagerClients.forConfig(settings, {}, { AWS_REGION: 'ap-south-1' }).region).toBe(
      'ap-south-1'
    )
  })
})

describe('NO_PROXY', () => {
  it.each([
    ['secretsmanager.us-east-1.amazonaws.com', '.amazonaws.com', true],
    ['secretsmanager.us-east-1.amazonaws.com', 'amazonaws.com', true],
    ['secretsmanager.us-east-1.amazonaws.com', '*.amazonaws.com', true],
    ['secretsmanager.us-east-1.amazonaws.com', '*', true],
    ['127.0.0.1', 'localhost, 127.0.0.1:5000', true],
    ['notamazonaws.com', 'amazonaws.com', false],
    ['secretsmanager.us-east-1.amazonaws.com', '', false]
  ])('%s with NO_PROXY=%j bypasses: %s', (host, noProxy, expected) => {
    expect(bypassesProxy(host, noProxy)).toBe(expected)
  })

  it('reads the lower-case variables too', () => {
    expect(proxyFor('h.example', undefined, { https_proxy: 'http://p:1' })).toBe('http://p:1')
    expect(
      proxyFor('h.example', undefined, { https_proxy: 'http://p:1', no_proxy: 'other.example' })
    ).toBe('http://p:1')
    expect(
      proxyFor('h.example', undefined, { https_proxy: 'http://p:1', no_proxy: 'h.example' })
    ).toBeUndefined()
  })
})

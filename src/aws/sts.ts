import { STSClient } from '@aws-sdk/client-sts'
export { AssumeRoleCommand, AssumeRoleWithWebIdentityCommand } from '@aws-sdk/client-sts'
import type { ClientSettings } from './client.js'
import { defaultChainWithin } from './credentials-deadline.js'
import { httpHandler, proxyFor, serviceHost } from './http.js'

/**
 * The Secrets Manager settings, re-pointed at STS: AWS_ENDPOINT_URL_STS first (it names STS
 * alone), then the endpoint-url input, then AWS_ENDPOINT_URL. Region, retries, timeout and the
 * proxy input are shared; NO_PROXY is checked against the STS host.
 */
export function stsSettings(settings: ClientSettings, env: NodeJS.ProcessEnv): ClientSettings {
  const given = settings.given ?? { endpoint: settings.endpoint, proxy: settings.proxy }
  const endpoint = env.AWS_ENDPOINT_URL_STS || given.endpoint || env.AWS_ENDPOINT_URL || undefined
  const host = endpoint ? new URL(endpoint).hostname : serviceHost('sts', settings.region)
  return { ...settings, endpoint, proxy: proxyFor(host, given.proxy, env) }
}

/**
 * The one place an STS client is built. Without credentials in the settings it signs with the
 * default chain (role chaining); AssumeRoleWithWebIdentity is unsigned anyway.
 */
export function createStsClient(settings: ClientSettings, env: NodeJS.ProcessEnv): STSClient {
  const sts = stsSettings(settings, env)
  return new STSClient({
    region: sts.region,
    endpoint: sts.endpoint,
    maxAttempts: sts.maxAttempts,
    retryMode: 'standard',
    credentials: sts.credentials,
    credentialDefaultProvider: defaultChainWithin(sts.credentialsTimeoutMs),
    requestHandler: httpHandler(sts)
  })
}

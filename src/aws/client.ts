import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import type { AwsCredentialIdentityProvider } from '@smithy/types'
import type { AwsConfig } from './config.js'
import { httpHandler, proxyFor } from './http.js'
import { resolveRegion } from './region.js'

export interface ClientSettings {
  region: string
  endpoint?: string
  maxAttempts: number
  proxy?: string
  requestTimeoutMs: number
  credentials?: AwsCredentialIdentityProvider
  /** The endpoint-url and http-proxy inputs as given: clients of other services resolve theirs. */
  given?: Pick<AwsConfig, 'endpoint' | 'proxy'>
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000

/** Everything every AWS client of this run shares, resolved once. */
export function clientSettings(
  config: AwsConfig,
  secretArns: readonly string[],
  env: NodeJS.ProcessEnv
): ClientSettings {
  const region = resolveRegion(config.region, secretArns, env)
  const endpoint =
    config.endpoint || env.AWS_ENDPOINT_URL_SECRETS_MANAGER || env.AWS_ENDPOINT_URL || undefined
  const host = endpoint ? new URL(endpoint).hostname : `secretsmanager.${region}.amazonaws.com`
  return {
    region,
    endpoint,
    maxAttempts: config.maxAttempts,
    proxy: proxyFor(host, config.proxy, env),
    requestTimeoutMs: Number(env.SMA_REQUEST_TIMEOUT_MS) || DEFAULT_REQUEST_TIMEOUT_MS,
    given: { endpoint: config.endpoint, proxy: config.proxy }
  }
}

/** The one place a Secrets Manager client is built. */
export function createSecretsManagerClient(settings: ClientSettings): SecretsManagerClient {
  return new SecretsManagerClient({
    region: settings.region,
    endpoint: settings.endpoint,
    maxAttempts: settings.maxAttempts,
    retryMode: 'standard',
    credentials: settings.credentials,
    requestHandler: httpHandler(settings)
  })
}

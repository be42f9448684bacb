import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import type { AwsCredentialIdentityProvider, HttpResponse, RequestHandler } from '@smithy/types'
import { Readable } from 'node:stream'
import pLimit, { type LimitFunction } from 'p-limit'
import { ActionError } from '../errors.js'
import type { AwsConfig } from './config.js'
import { regionFromArn } from './arn.js'
import { DEFAULT_CREDENTIALS_TIMEOUT_MS, defaultChainWithin } from './credentials-deadline.js'
import { httpHandler, proxyFor, serviceHost } from './http.js'
import { defaultRegion, NO_REGION, resolveRegion } from './region.js'

export interface ClientSettings {
  region: string
  endpoint?: string
  maxAttempts: number
  proxy?: string
  requestTimeoutMs: number
  /** The default chain's deadline (without role-to-assume). */
  credentialsTimeoutMs: number
  autoSelectFamilyAttemptTimeoutMs?: number
  credentials?: AwsCredentialIdentityProvider
  /** The endpoint-url and http-proxy inputs as given: clients of other services resolve theirs. */
  given?: Pick<AwsConfig, 'endpoint' | 'proxy'>
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000

/** Calls in flight at once to one client: enough to hide latency, few enough not to be throttled. */
const CONCURRENCY = 10

/** A queue that runs at most CONCURRENCY calls at once. */
export function callLimit(): LimitFunction {
  return pLimit(CONCURRENCY)
}

/** Everything every AWS client of this run shares, resolved once, in the step's home region. */
export function clientSettings(
  config: AwsConfig,
  secretArns: readonly string[],
  env: NodeJS.ProcessEnv
): ClientSettings {
  const region = resolveRegion(config.region, secretArns, env)
  const endpoint =
    config.endpoint || env.AWS_ENDPOINT_URL_SECRETS_MANAGER || env.AWS_ENDPOINT_URL || undefined
  return inRegion(
    {
      region,
      endpoint,
      maxAttempts: config.maxAttempts,
      requestTimeoutMs: Number(env.SMA_REQUEST_TIMEOUT_MS) || DEFAULT_REQUEST_TIMEOUT_MS,
      credentialsTimeoutMs:
        Number(env.SMA_CREDENTIALS_TIMEOUT_MS) || DEFAULT_CREDENTIALS_TIMEOUT_MS,
      autoSelectFamilyAttemptTimeoutMs: config.autoSelectFamilyAttemptTimeoutMs,
      given: { endpoint: config.endpoint, proxy: config.proxy }
    },
    region,
    env
  )
}

/** The same settings for another region: NO_PROXY is checked against that region's host. */
export function inRegion(
  settings: ClientSettings,
  region: string,
  env: NodeJS.ProcessEnv
): ClientSettings {
  const host = settings.endpoint
    ? new URL(settings.endpoint).hostname
    : serviceHost('secretsmanager', region)
  return { ...settings, region, proxy: proxyFor(host, settings.given?.proxy, env) }
}

/** The one place a Secrets Manager client is built. */
export function createSecretsManagerClient(settings: ClientSettings): SecretsManagerClient {
  return new SecretsManagerClient({
    region: settings.region,
    endpoint: settings.endpoint,
    maxAttempts: settings.maxAttempts,
    retryMode: 'standard',
    credentials: settings.credentials,
    credentialDefaultProvider: defaultChainWithin(settings.credentialsTimeoutMs),
    requestHandler: httpHandler(settings)
  })
}

/**
 * A Secrets Manager client that answers every call itself, with `answer` (a JSON body): nothing
 * leaves the process, and its credentials are made up. Only for a rehearsal, while a real
 * request is out: its answer then meets the SDK's response code compiled (see the README). Every
 * setting the SDK would otherwise look up is given, so it reads no environment or config file:
 * `defaults_mode = auto` there would have it ask EC2's instance metadata for a region (red team
 * round 12), and an over-long app id would be warned of twice.
 */
export function selfAnsweringClient(answer: string): SecretsManagerClient {
  const handler: RequestHandler<unknown, HttpResponse> = {
    handle: async () => ({
      response: {
        statusCode: 200,
        headers: { 'content-type': 'application/x-amz-json-1.1' },
        body: Readable.from([Buffer.from(answer)])
      }
    })
  }
  return new SecretsManagerClient({
    region: 'us-east-1',
    endpoint: 'https://rehearsal.invalid',
    credentials: { accessKeyId: 'REHEARSAL', secretAccessKey: 'REHEARSAL' },
    requestHandler: handler,
    defaultsMode: 'legacy',
    maxAttempts: 1,
    retryMode: 'standard',
    useFipsEndpoint: false,
    useDualstackEndpoint: false,
    userAgentAppId: '',
    authSchemePreference: []
  })
}

/**
 * One Secrets Manager client per region, each built when first asked for. All share one
 * credentials provider: the assumed role, or the default chain of the first client built.
 */
export class SecretsManagerClients {
  private readonly built = new Map<string, SecretsManagerClient>()
  private credentials?: AwsCredentialIdentityProvider

  /** `region`: where secrets named without an ARN live (aws-region, then the environment). */
  constructor(
    private readonly settings: ClientSettings,
    readonly region: string | undefined,
    private readonly env: NodeJS.ProcessEnv
  ) {
    this.credentials = settings.credentials
  }

  static forConfig(
    settings: ClientSettings,
    config: Pick<AwsConfig, 'region'>,
    env: NodeJS.ProcessEnv
  ): SecretsManagerClients {
    return new SecretsManagerClients(settings, defaultRegion(config.region, env), env)
  }

  /** The client of a region; without one, of the default region. */
  forRegion(region: string | undefined = this.region): SecretsManagerClient {
    if (region === undefined) throw new ActionError(NO_REGION)
    const known = this.built.get(region)
    if (known) return known
    const settings = { ...inRegion(this.settings, region, this.env), credentials: this.credentials }
    const client = createSecretsManagerClient(settings)
    // The first client resolves the default chain; the others reuse what it resolved.
    this.credentials ??= client.config.credentials as AwsCredentialIdentityProvider
    this.built.set(region, client)
    return client
  }

  /** The region a secret id is read in: an ARN's own, else the default region. */
  regionOf(id: string): string | undefined {
    return regionFromArn(id) ?? this.region
  }

  /** The client that reads this secret id. */
  forSecret(id: string): SecretsManagerClient {
    return this.forRegion(this.regionOf(id))
  }

  /**
   * Items by the client of their id's region, in order. Every client is built first, so a
   * missing region fails the step before any call.
   */
  byRegion<T extends { id: string }>(items: readonly T[]): [SecretsManagerClient, T[]][] {
    const groups = new Map<string | undefined, T[]>()
    for (const item of items) {
      const region = this.regionOf(item.id)
      const group = groups.get(region)
      if (group) group.push(item)
      else groups.set(region, [item])
    }
    return [...groups].map(([region, group]) => [this.forRegion(region), group])
  }
}

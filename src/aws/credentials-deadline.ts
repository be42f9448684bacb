import { defaultProvider } from './credential-chain.js'
import type { AwsCredentialIdentityProvider } from '@smithy/types'
import { awsFailure, CREDENTIALS_CHAIN_FAILED, CREDENTIALS_TIMEOUT } from './errors.js'

/** How long the default chain may look for credentials before the step gives up. */
export const DEFAULT_CREDENTIALS_TIMEOUT_MS = 30_000

type ChainInit = Parameters<typeof defaultProvider>[0]

/**
 * The SDK's default credential chain with a deadline. Its container-credentials request
 * (AWS_CONTAINER_CREDENTIALS_FULL_URI or _RELATIVE_URI) only warns at its timeout and waits on
 * for an answer that may never come: without the deadline such a step runs until the job's.
 */
export function defaultChainWithin(
  timeoutMs: number
): (init: ChainInit) => AwsCredentialIdentityProvider {
  return init => withDeadline(chainFailures(defaultProvider(init)), timeoutMs)
}

/** `provider` whose failures on its way are the chain's (chainFailed). */
export function chainFailures(
  provider: AwsCredentialIdentityProvider
): AwsCredentialIdentityProvider {
  return async props => {
    try {
      return await provider(props)
    } catch (error) {
      throw chainFailed(error)
    }
  }
}

/**
 * `provider` with a deadline on each call. Once missed, missed for the step: every queued call
 * would otherwise wait a deadline of its own on the same pending request.
 */
export function withDeadline(
  provider: AwsCredentialIdentityProvider,
  timeoutMs: number
): AwsCredentialIdentityProvider {
  let missed: Error | undefined
  return async props => {
    if (missed) throw missed
    let timer: NodeJS.Timeout | undefined
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject((missed = timedOut(timeoutMs))), timeoutMs)
    })
    try {
      return await Promise.race([provider(props), late])
    } finally {
      clearTimeout(timer)
    }
  }
}

/**
 * A failure on the chain's way (an STS call of a profile's role_arn, a token file) as one of
 * the chain, so it is not read as the failure of the call that asked for credentials. The SDK's
 * own "no credentials here" errors pass as they are. Only the error's name and code are kept:
 * a message may quote what a credential_process printed. The code and retry trait stay on it,
 * so the SDK retries a reset connection as before.
 */
function chainFailed(error: unknown): unknown {
  const { name, status } = awsFailure(error)
  if (/ProviderError$/.test(name)) return error
  const { code, $retryable } = (error ?? {}) as { code?: unknown; $retryable?: unknown }
  const what = [
    IDENTIFIER.test(name) ? name : 'an error',
    typeof code === 'string' && IDENTIFIER.test(code) && code !== name ? code : undefined,
    status ? `HTTP ${status}` : undefined
  ].filter(Boolean)
  return Object.assign(
    new Error(`the default credential chain failed with ${what.join(', ')}`, { cause: error }),
    { name: CREDENTIALS_CHAIN_FAILED, code, $retryable }
  )
}

const IDENTIFIER = /^[A-Za-z][\w.-]{0,63}$/

function timedOut(timeoutMs: number): Error {
  return Object.assign(
    new Error(
      `No AWS credentials within ${timeoutMs / 1000} s: the default credential chain did not finish`
    ),
    { name: CREDENTIALS_TIMEOUT }
  )
}

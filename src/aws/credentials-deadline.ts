import { defaultProvider } from './credential-chain.js'
import type { AwsCredentialIdentityProvider } from '@smithy/types'
import { CREDENTIALS_TIMEOUT } from './errors.js'

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
  return init => withDeadline(defaultProvider(init), timeoutMs)
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

function timedOut(timeoutMs: number): Error {
  return Object.assign(
    new Error(
      `No AWS credentials within ${timeoutMs / 1000} s: the default credential chain did not finish`
    ),
    { name: CREDENTIALS_TIMEOUT }
  )
}

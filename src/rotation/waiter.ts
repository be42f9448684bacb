import { createWaiter, WaiterState, type WaiterResult } from '@smithy/util-waiter'
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { blockingPending, CURRENT, describeStages, has, type SecretStages } from './stages.js'

export interface RotationTarget {
  arn: string
  /** The version RotateSecret returned: the one the rotation function creates. */
  versionId: string
}

export type RotationOutcome =
  | { state: 'done'; secret: SecretStages }
  /** The version was seen and then lost its labels: the function gave up on it. */
  | { state: 'failed'; secret: SecretStages }
  | { state: 'timeout'; secret?: SecretStages; seen: boolean }

/** Delays between DescribeSecret polls: short first, backing off, never beyond the timeout. */
export function pollDelays(timeoutSeconds: number): { minDelay: number; maxDelay: number } {
  const minDelay = Math.min(2, timeoutSeconds / 4)
  return { minDelay, maxDelay: Math.max(minDelay, Math.min(20, timeoutSeconds / 2)) }
}

/**
 * Polls DescribeSecret with the SDK's waiter (exponential backoff with jitter) until the new
 * version holds AWSCURRENT with no AWSPENDING on any other version. AWSPENDING may stay on the
 * new current version: AWS documents that as a finished rotation.
 */
export async function waitForRotation(
  client: SecretsManagerClient,
  target: RotationTarget,
  timeoutSeconds: number
): Promise<RotationOutcome> {
  let last: SecretStages | undefined
  let seen = false
  const result: WaiterResult<SecretStages> = await createWaiter(
    { client, maxWaitTime: timeoutSeconds, ...pollDelays(timeoutSeconds) },
    target,
    async (polled, { arn, versionId }) => {
      last = await describeStages(polled, arn)
      const present = last.stages[versionId] !== undefined
      if (has(last.stages, versionId, CURRENT) && blockingPending(last.stages) === undefined) {
        return { state: WaiterState.SUCCESS }
      }
      if (seen && !present) return { state: WaiterState.FAILURE }
      seen ||= present
      return { state: WaiterState.RETRY }
    }
  )
  if (result.state === WaiterState.SUCCESS) return { state: 'done', secret: last! }
  if (result.state === WaiterState.FAILURE) return { state: 'failed', secret: last! }
  return { state: 'timeout', secret: last, seen }
}

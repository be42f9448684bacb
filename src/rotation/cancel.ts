import { log } from '../output/log.js'
import { STATE_ARN, STATE_PENDING } from '../state.js'
import type { PostContext } from './post-context.js'

/**
 * rotate's post hook, after a create (phase create, or all that did not finish): when the job
 * ended before finish, the pending version would block every later rotation. Remove its
 * AWSPENDING (AWSCURRENT never moved).
 */
export async function cancelUnfinished(context: PostContext): Promise<void> {
  const arn = context.state(STATE_ARN)
  const versionId = context.state(STATE_PENDING)
  if (!arn || !versionId) return
  try {
    await cancel(context, arn, versionId)
  } catch (error) {
    log.warning(
      `Version ${versionId} of ${arn} may still hold AWSPENDING: the next rotation stops on it ` +
        'as stale unless it runs with clear-stale-pending: true.'
    )
    throw error
  }
}

async function cancel(context: PostContext, arn: string, versionId: string): Promise<void> {
  // Loaded here: the post step of a run that left nothing to check reads none of the SDK.
  const [sm, { CURRENT, describeStages, has, PENDING, removeLabel, tidyPending, versionWith }] =
    await Promise.all([context.client(), import('./stages.js')])
  const secret = await describeStages(sm, arn)
  if (!has(secret.stages, versionId, PENDING)) {
    log.info(`Version ${versionId} of '${secret.name}' is not pending: nothing to cancel`)
    return
  }
  if (has(secret.stages, versionId, CURRENT)) {
    // Left on the current version the label blocks no rotation: a failure is only a warning.
    if ((await tidyPending(sm, secret, versionId)) === undefined) {
      log.info(`Removed a leftover AWSPENDING from the current version ${versionId}`)
    }
    return
  }
  await removeLabel(sm, arn, versionId, PENDING)
  log.warning(
    `The rotation of '${secret.name}' did not finish: removed AWSPENDING from version ` +
      `${versionId} so the next rotation is not blocked. AWSCURRENT is still ` +
      `${versionWith(secret.stages, CURRENT) ?? 'unset'}. If a step already applied the pending ` +
      'value (a database password, say), apply the AWSCURRENT value again; the pending value ' +
      'stays readable by its version id until AWS removes deprecated versions.'
  )
}

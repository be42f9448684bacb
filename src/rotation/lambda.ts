import {
  RotateSecretCommand,
  type RotateSecretRequest,
  type SecretsManagerClient
} from '@aws-sdk/client-secrets-manager'
import { describeAwsError, isAccessDenied } from '../aws/errors.js'
import { ActionError, InputError } from '../errors.js'
import type { Inputs } from '../inputs/reader.js'
import type { Emission } from '../output/emission.js'
import { deriveRequestToken } from '../secrets/token.js'
import {
  CURRENT,
  describeLabels,
  describeStages,
  copyStages,
  handleStalePending,
  stageRows,
  versionWith,
  type RotationCommon,
  type SecretStages
} from './stages.js'
import { restoreIfDeleted } from '../secrets/lifecycle.js'
import { dryRunEmission } from '../output/plan.js'
import { waitForRotation, type RotationOutcome } from './waiter.js'
import { log } from '../output/log.js'

export interface LambdaRotation {
  strategy: 'lambda'
  secretId: string
  clearStalePending: boolean
  restoreIfDeleted: boolean
  dryRun: boolean
  lambdaArn?: string
  rules?: { ScheduleExpression: string } | { AutomaticallyAfterDays: number }
  rotateImmediately: boolean
  wait: boolean
  waitTimeoutSeconds: number
}

const LAMBDA_ARN =
  /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}(:[\w$-]{1,128})?$/
// rate(N hours|days) or cron(6 fields); AWS checks the details (e.g. at least 4 hours apart).
const SCHEDULE = /^(rate\(\d{1,4} (hour|hours|day|days)\)|cron\([^()]+\))$/
/** Inputs that mean nothing to this strategy and have no default: refused, not ignored. */
const IN_WORKFLOW_ONLY = ['generator', 'fields', 'pending-version-id'] as const

export function parseLambda(inputs: Inputs, common: RotationCommon): LambdaRotation {
  inputs.forbid(IN_WORKFLOW_ONLY, 'is for rotation-strategy: in-workflow only')
  const lambdaArn = inputs.optional('rotation-lambda-arn')
  if (lambdaArn !== undefined && !LAMBDA_ARN.test(lambdaArn)) {
    throw new InputError(
      'rotation-lambda-arn',
      `'${lambdaArn}' is not a Lambda function ARN (arn:aws:lambda:<region>:<account>:function:<name>)`
    )
  }
  return {
    strategy: 'lambda',
    ...common,
    lambdaArn,
    rules: parseRules(inputs),
    rotateImmediately: inputs.bool('rotate-immediately', true),
    wait: inputs.bool('wait', true),
    waitTimeoutSeconds: inputs.int('wait-timeout-seconds', { min: 1, max: 3600 }, 300)
  }
}

function parseRules(inputs: Inputs): LambdaRotation['rules'] {
  const schedule = inputs.optional('rotation-schedule')
  const days = inputs.optional('rotation-days')
  if (schedule !== undefined && days !== undefined) {
    throw new InputError('rotation-schedule', 'give rotation-schedule or rotation-days, not both')
  }
  if (schedule !== undefined) {
    if (!SCHEDULE.test(schedule)) {
      throw new InputError(
        'rotation-schedule',
        `'${schedule}' is not a schedule expression such as rate(90 days) or cron(0 4 1 * ? *)`
      )
    }
    return { ScheduleExpression: schedule }
  }
  if (days !== undefined) {
    return { AutomaticallyAfterDays: inputs.int('rotation-days', { min: 1, max: 1000 }) }
  }
  return undefined
}

/** RotateSecret, then watch the rotation function to the end. */
export async function rotateWithLambda(
  config: LambdaRotation,
  client: SecretsManagerClient,
  env: NodeJS.ProcessEnv
): Promise<Emission> {
  const started = Date.now()
  const before = await describeStages(client, config.secretId)
  const restore = await restoreIfDeleted(client, before, {
    restore: config.restoreIfDeleted,
    dryRun: true
  })
  const lambdaArn = config.lambdaArn ?? before.rotationLambdaArn
  if (lambdaArn === undefined && before.owningService === undefined) {
    throw new ActionError(
      `Secret '${before.name}' has no rotation function configured: give rotation-lambda-arn, ` +
        'or use rotation-strategy: in-workflow.'
    )
  }
  if (restore && !config.dryRun) {
    await restoreIfDeleted(client, before, { restore: true, dryRun: false })
  }
  const stagesBefore = copyStages(before.stages)
  const staleNote = await handleStalePending(client, before, {
    clear: config.clearStalePending,
    dryRun: config.dryRun
  })
  const previous = versionWith(before.stages, CURRENT)
  if (config.dryRun) return planned(config, before, lambdaArn, restore, staleNote)

  const versionId = await startRotation(client, before, config, lambdaArn, env)
  const finished = config.rotateImmediately && config.wait
  const outcome = finished
    ? await waitForRotation(client, { arn: before.arn, versionId }, config.waitTimeoutSeconds)
    : undefined
  if (outcome && outcome.state !== 'done') {
    throw new ActionError(failureMessage(outcome, before.name, versionId, config, lambdaArn))
  }
  const after = outcome?.secret ?? (await describeStages(client, before.arn))
  const rotated = outcome !== undefined
  const heading = rotated
    ? `Rotated '${before.name}' with its rotation function`
    : config.rotateImmediately
      ? `Started rotation of '${before.name}' (version ${versionId}), not waiting for it`
      : `Set the rotation of '${before.name}'; it rotates at its next scheduled time`
  log.info(heading)
  return {
    outputs: {
      arn: before.arn,
      'version-id': versionWith(after.stages, CURRENT) ?? '',
      'previous-version-id': rotated ? (previous ?? '') : '',
      'pending-version-id': !rotated && config.rotateImmediately ? versionId : '',
      rotated: String(rotated)
    },
    summary: {
      heading,
      header: ['Version id', 'Stages before', 'Stages after'],
      rows: stageRows(stagesBefore, after.stages),
      notes: [
        ...(staleNote ? [staleNote] : []),
        `Rotation function: ${lambdaArn ?? `managed by ${before.owningService}`}. ` +
          `New version: ${versionId}. Took ${seconds(Date.now() - started)}.`
      ]
    }
  }
}

function planned(
  config: LambdaRotation,
  secret: SecretStages,
  lambdaArn: string | undefined,
  restore: boolean,
  staleNote: string | undefined
): Emission {
  const current = versionWith(secret.stages, CURRENT)
  const moves = config.rotateImmediately
    ? [
        'AWSPENDING to a new version (by the rotation function)',
        ...(config.wait ? [`AWSCURRENT from ${current ?? '(none)'} to the new version`] : [])
      ]
    : []
  const plan = {
    mode: 'rotate',
    'dry-run': true,
    secret: secret.name,
    action: config.rotateImmediately ? 'rotate' : 'set rotation',
    strategy: 'lambda',
    restore,
    'rotation-function': lambdaArn ?? `managed by ${secret.owningService}`,
    ...(config.rules && { 'rotation-rules': config.rules }),
    'stages-would-move': moves,
    ...(staleNote && { 'stale-pending': staleNote })
  }
  return dryRunEmission(`rotate (dry run): ${secret.name}`, plan, {
    arn: secret.arn,
    'version-id': current ?? '',
    'previous-version-id': '',
    'pending-version-id': '',
    rotated: 'false'
  })
}

async function startRotation(
  client: SecretsManagerClient,
  secret: SecretStages,
  config: LambdaRotation,
  lambdaArn: string | undefined,
  env: NodeJS.ProcessEnv
): Promise<string> {
  const request: RotateSecretRequest = {
    SecretId: secret.arn,
    ClientRequestToken: deriveRequestToken(env, secret.arn, 'rotate-lambda'),
    RotationLambdaARN: lambdaArn,
    RotationRules: config.rules,
    RotateImmediately: config.rotateImmediately
  }
  try {
    const out = await client.send(new RotateSecretCommand(request))
    log.debug(`RotateSecret '${secret.name}': version ${out.VersionId}`)
    return out.VersionId ?? (request.ClientRequestToken as string)
  } catch (error) {
    const hint = isAccessDenied(error)
      ? ` RotateSecret also needs lambda:InvokeFunction on ${lambdaArn ?? 'the rotation function'}.`
      : ''
    throw new ActionError(`${describeAwsError(error, 'RotateSecret', secret.name)}${hint}`)
  }
}

function failureMessage(
  outcome: Exclude<RotationOutcome, { state: 'done' }>,
  name: string,
  versionId: string,
  config: LambdaRotation,
  lambdaArn: string | undefined
): string {
  const stages = outcome.secret ? describeLabels(outcome.secret.stages) : 'unknown'
  const what =
    outcome.state === 'failed'
      ? `Rotation of '${name}' failed: version ${versionId} lost its AWSPENDING label without becoming AWSCURRENT.`
      : outcome.seen
        ? `Rotation of '${name}' did not finish within ${config.waitTimeoutSeconds} s: version ${versionId} is still pending.`
        : `Rotation of '${name}' did not start within ${config.waitTimeoutSeconds} s: the function never created version ${versionId}.`
  const pending =
    outcome.state === 'timeout'
      ? ' The AWSPENDING label is left for the function (it may still be running, and Secrets Manager retries a failed rotation); a later run reports it as stale, and clear-stale-pending: true removes it.'
      : ''
  return `${what} Stages now: ${stages}. See the rotation function's CloudWatch logs (${logGroup(lambdaArn)}).${pending}`
}

function logGroup(lambdaArn: string | undefined): string {
  const parts = lambdaArn?.split(':')
  if (!parts || parts.length < 7) return 'log group /aws/lambda/<function name>'
  return `log group /aws/lambda/${parts[6]} in ${parts[3]}`
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}

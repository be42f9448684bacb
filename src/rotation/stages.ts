import {
  DescribeSecretCommand,
  paginateListSecretVersionIds,
  UpdateSecretVersionStageCommand,
  type SecretsManagerClient
} from '@aws-sdk/client-secrets-manager'
import { isoDate } from '../aws/answers.js'
import { describeAwsError } from '../aws/errors.js'
import { ActionError } from '../errors.js'
import { log } from '../output/log.js'

export const CURRENT = 'AWSCURRENT'
export const PENDING = 'AWSPENDING'
export const PREVIOUS = 'AWSPREVIOUS'

/** Version id to its staging labels; versions without labels (deprecated) are left out. */
export type Stages = Record<string, string[]>

/** What DescribeSecret tells about a secret's versions and rotation set-up (never a value). */
export interface SecretStages {
  arn: string
  name: string
  stages: Stages
  rotationLambdaArn?: string
  /** Set for secrets managed by another service (e.g. RDS), which rotate without a Lambda. */
  owningService?: string
  /** Set while the secret is scheduled for deletion: the date it is deleted on. */
  deletedDate?: Date
}

/** The inputs both rotation strategies take. */
export interface RotationCommon {
  secretId: string
  clearStalePending: boolean
  restoreIfDeleted: boolean
  dryRun: boolean
}

export async function describeStages(
  client: SecretsManagerClient,
  secretId: string
): Promise<SecretStages> {
  const out = await client
    .send(new DescribeSecretCommand({ SecretId: secretId }))
    .catch(error => failed(error, 'DescribeSecret', secretId))
  return {
    arn: out.ARN ?? secretId,
    name: out.Name ?? secretId,
    stages: labelled(out.VersionIdsToStages ?? {}),
    rotationLambdaArn: out.RotationLambdaARN || undefined,
    owningService: out.OwningService || undefined,
    deletedDate: out.DeletedDate
  }
}

// AWS leaves deprecated versions out; moto lists them with no labels.
function labelled(stages: Record<string, string[]>): Stages {
  return Object.fromEntries(Object.entries(stages).filter(([, labels]) => labels.length > 0))
}

export function versionWith(stages: Stages, label: string): string | undefined {
  return Object.entries(stages).find(([, labels]) => labels.includes(label))?.[0]
}

export function has(stages: Stages, versionId: string, label: string): boolean {
  return stages[versionId]?.includes(label) ?? false
}

/**
 * AWSPENDING that blocks a rotation: on a version that is not AWSCURRENT. (After a successful
 * rotation AWS may leave AWSPENDING on the current version; that blocks nothing.)
 */
export function blockingPending(stages: Stages): string | undefined {
  const pending = versionWith(stages, PENDING)
  return pending !== undefined && !has(stages, pending, CURRENT) ? pending : undefined
}

/** `id: LABEL, LABEL; id: LABEL` for messages; '(no labelled versions)' when empty. */
export function describeLabels(stages: Stages): string {
  const parts = Object.entries(stages).map(([id, labels]) => `${id}: ${labels.join(', ')}`)
  return parts.length > 0 ? parts.join('; ') : '(no labelled versions)'
}

/** When each version was created, for the age of a stale AWSPENDING. */
export async function creationDates(
  client: SecretsManagerClient,
  arn: string
): Promise<Map<string, Date>> {
  const dates = new Map<string, Date>()
  try {
    for await (const page of paginateListSecretVersionIds({ client }, { SecretId: arn })) {
      for (const version of page.Versions ?? []) {
        if (version.VersionId && version.CreatedDate) {
          dates.set(version.VersionId, version.CreatedDate)
        }
      }
    }
  } catch (error) {
    // The age only makes the message better; the stages already say what is wrong.
    log.debug(`ListSecretVersionIds: ${describeAwsError(error, 'ListSecretVersionIds', arn)}`)
  }
  return dates
}

export function formatAge(ms: number): string {
  const minutes = Math.floor(ms / 60_000)
  if (minutes < 1) return 'less than a minute'
  if (minutes < 120) return `${minutes} minute${minutes === 1 ? '' : 's'}`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return `${hours} hours`
  return `${Math.floor(hours / 24)} days`
}

export interface StaleCheck {
  /** The version this run creates: its own AWSPENDING is not stale. */
  ownVersion?: string
  clear: boolean
  /** A dry run says what clearing would remove, and removes nothing. */
  dryRun?: boolean
}

/**
 * A blocking AWSPENDING left by an earlier rotation: an error naming the version and its age,
 * or, with clear-stale-pending, removed. Returns a note for the summary when it removed one.
 */
export async function handleStalePending(
  client: SecretsManagerClient,
  secret: SecretStages,
  check: StaleCheck
): Promise<string | undefined> {
  const stale = blockingPending(secret.stages)
  if (stale === undefined || stale === check.ownVersion) return undefined
  const created = (await creationDates(client, secret.arn)).get(stale)
  const since = isoDate(created)
  const age =
    since && created ? ` since ${since} (${formatAge(Date.now() - created.getTime())})` : ''
  const what = `version ${stale} of '${secret.name}' has held AWSPENDING${age}`
  if (!check.clear) {
    throw new ActionError(
      `A stale rotation blocks this one: ${what}, left by an earlier rotation that did not ` +
        `finish (or one still running). Stages: ${describeLabels(secret.stages)}. Set ` +
        `clear-stale-pending: true to remove that label first, or remove it yourself with ` +
        `UpdateSecretVersionStage.`
    )
  }
  if (check.dryRun) return `Would remove a stale AWSPENDING: ${what}.`
  await removeLabel(client, secret.arn, stale, PENDING)
  dropLabel(secret.stages, stale, PENDING)
  const note = `Removed a stale AWSPENDING: ${what}.`
  log.warning(note)
  return note
}

export function dropLabel(stages: Stages, versionId: string, label: string): void {
  const left = (stages[versionId] ?? []).filter(other => other !== label)
  if (left.length > 0) stages[versionId] = left
  else delete stages[versionId]
}

export async function removeLabel(
  client: SecretsManagerClient,
  arn: string,
  versionId: string,
  label: string
): Promise<void> {
  const command = new UpdateSecretVersionStageCommand({
    SecretId: arn,
    VersionStage: label,
    RemoveFromVersionId: versionId
  })
  await moveStage(client, command, arn, stages => !has(stages, versionId, label))
}

/**
 * A stage move whose answer was lost may have happened: the SDK's retry is then refused, since
 * the label is no longer where the request says. Success is judged by where the label now is.
 */
async function moveStage(
  client: SecretsManagerClient,
  command: UpdateSecretVersionStageCommand,
  secret: string,
  done: (stages: Stages) => boolean
): Promise<void> {
  try {
    await client.send(command)
  } catch (error) {
    const after = await readBack(client, command.input.SecretId ?? secret)
    if (after && done(after.stages)) {
      log.debug(`UpdateSecretVersionStage on '${secret}' had taken effect before it failed`)
      return
    }
    const message = describeAwsError(error, 'UpdateSecretVersionStage', secret)
    if (after === undefined) throw new UnconfirmedMove(message)
    throw new ActionError(message)
  }
}

/** A stage move that failed, whose effect could not be read back: it may have happened. */
class UnconfirmedMove extends ActionError {}

/** The stages after a failed move, or undefined: two reads, as the first may fail with the move. */
async function readBack(
  client: SecretsManagerClient,
  secretId: string
): Promise<SecretStages | undefined> {
  for (let look = 0; look < 2; look++) {
    const stages = await describeStages(client, secretId).catch(() => undefined)
    if (stages) return stages
  }
  return undefined
}

/**
 * Makes the version AWSCURRENT in one atomic move (AWS puts AWSPREVIOUS on the version it
 * leaves), then removes its AWSPENDING. The secret always has a readable AWSCURRENT. Only the
 * move can fail the step: once it is made, the rotation has taken effect (see tidyPending).
 * Returns a warning's note when AWSPENDING stayed.
 */
export async function promote(
  client: SecretsManagerClient,
  secret: SecretStages,
  versionId: string
): Promise<string | undefined> {
  const current = versionWith(secret.stages, CURRENT)
  if (current !== versionId) {
    const command = new UpdateSecretVersionStageCommand({
      SecretId: secret.arn,
      VersionStage: CURRENT,
      MoveToVersionId: versionId,
      RemoveFromVersionId: current
    })
    await moveCurrent(client, command, secret, versionId)
  }
  return has(secret.stages, versionId, PENDING) ? tidyPending(client, secret, versionId) : undefined
}

/**
 * The AWSCURRENT move. When it failed and its effect could not be read back, the error says
 * AWSCURRENT may have moved, so that nobody undoes outside AWS a rotation that happened.
 */
async function moveCurrent(
  client: SecretsManagerClient,
  command: UpdateSecretVersionStageCommand,
  secret: SecretStages,
  versionId: string
): Promise<void> {
  try {
    await moveStage(client, command, secret.name, stages => has(stages, versionId, CURRENT))
  } catch (error) {
    if (!(error instanceof UnconfirmedMove)) throw error
    throw new ActionError(
      `AWSCURRENT of '${secret.name}' may have moved to version ${versionId}: ${error.message}, ` +
        'and the stages could not be read back. Check which version is AWSCURRENT before you ' +
        'undo anything outside AWS.'
    )
  }
}

/**
 * Removes AWSPENDING from the version that is now AWSCURRENT. A failure is a warning, not an
 * error: there the label blocks no rotation, and failing the step would tell the workflow the
 * rotation did not happen (so it would restore the old value outside AWS) when it did.
 */
export async function tidyPending(
  client: SecretsManagerClient,
  secret: SecretStages,
  versionId: string
): Promise<string | undefined> {
  try {
    await removeLabel(client, secret.arn, versionId, PENDING)
    return undefined
  } catch (error) {
    // A removal whose answer was lost, and could not be checked, may have happened.
    const outcome = error instanceof UnconfirmedMove ? 'may not have been' : 'could not be'
    const note =
      `Version ${versionId} of '${secret.name}' is AWSCURRENT, but its AWSPENDING ${outcome} ` +
      `removed (${(error as Error).message}). It blocks no rotation there; the next create ` +
      'moves it.'
    log.warning(note)
    return note
  }
}

/** The stages once the version is AWSCURRENT, as promote leaves them (AWSPENDING gone unless kept). */
export function promotedStages(stages: Stages, versionId: string, keepPending: boolean): Stages {
  const next = copyStages(stages)
  const previous = versionWith(stages, CURRENT)
  if (previous !== undefined && previous !== versionId) {
    for (const id of Object.keys(next)) dropLabel(next, id, PREVIOUS)
    dropLabel(next, previous, CURRENT)
    next[previous] = [...(next[previous] ?? []), PREVIOUS]
  }
  const others = (next[versionId] ?? []).filter(
    label => label !== CURRENT && (keepPending || label !== PENDING)
  )
  next[versionId] = [CURRENT, ...others]
  return next
}

function failed(error: unknown, operation: string, secret: string): never {
  throw new ActionError(describeAwsError(error, operation, secret))
}

export function copyStages(stages: Stages): Stages {
  return Object.fromEntries(Object.entries(stages).map(([id, labels]) => [id, [...labels]]))
}

/** Rows of the summary: every version labelled before or after, with its labels then and now. */
export function stageRows(before: Stages, after: Stages): string[][] {
  const ids = [...new Set([...Object.keys(before), ...Object.keys(after)])]
  const show = (labels: string[] | undefined) => (labels?.length ? labels.join(', ') : '-')
  return ids.map(id => [id, show(before[id]), show(after[id])])
}

import * as core from '../actions-core.js'
import { PutSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { describeAwsError } from '../aws/errors.js'
import { ActionError, InputError } from '../errors.js'
import type { Inputs } from '../inputs/reader.js'
import type { Emission, SecretTarget } from '../output/emission.js'
import { toEnvName } from '../output/env-names.js'
import { masker } from '../output/mask.js'
import {
  generatePassword,
  parseFields,
  parseGenerator,
  resolveFields,
  type FieldSpec,
  type GeneratorOptions
} from '../secrets/fields.js'
import { getSecretValue } from '../secrets/read.js'
import { AwsCallError } from '../secrets/write.js'
import { deriveRequestToken } from '../secrets/token.js'
import {
  copyStages,
  CURRENT,
  describeLabels,
  describeStages,
  dropLabel,
  handleStalePending,
  has,
  PENDING,
  PREVIOUS,
  promote,
  promotedStages,
  removeLabel,
  stageRows,
  tidyPending,
  versionWith,
  type RotationCommon,
  type SecretStages,
  type Stages
} from './stages.js'
import { restoreIfDeleted } from '../secrets/lifecycle.js'
import { STATE_ARN, STATE_PENDING } from '../state.js'
import { dryRunEmission } from '../output/plan.js'
import { duplicateKeyAt, jsonObject, jsonText } from '../output/json.js'
import { log } from '../output/log.js'

export type Phase = 'create' | 'finish' | 'all'
export type ValueSource =
  | { kind: 'generator'; options: GeneratorOptions }
  | { kind: 'fields'; fields: Map<string, FieldSpec> }

export interface InWorkflowRotation {
  strategy: 'in-workflow'
  secretId: string
  clearStalePending: boolean
  restoreIfDeleted: boolean
  dryRun: boolean
  phase: Phase
  /** create and all: how the new value is made. */
  source?: ValueSource
  /** finish: the version to make current; else the one holding AWSPENDING. */
  pendingVersionId?: string
  cancelUnfinished: boolean
}

const PHASES = ['create', 'finish', 'all'] as const
const VERSION_ID = /^[\w-]{32,64}$/
/** Inputs that mean nothing to this strategy and have no default: refused, not ignored. */
const LAMBDA_ONLY = ['rotation-lambda-arn', 'rotation-schedule', 'rotation-days'] as const

export function parseInWorkflow(inputs: Inputs, common: RotationCommon): InWorkflowRotation {
  inputs.forbid(LAMBDA_ONLY, 'is for rotation-strategy: lambda only')
  const phase = inputs.oneOf('phase', PHASES, 'all')
  const config: InWorkflowRotation = {
    strategy: 'in-workflow',
    ...common,
    phase,
    cancelUnfinished: inputs.bool('cancel-unfinished', true)
  }
  const pendingVersionId = inputs.optional('pending-version-id')
  if (phase !== 'finish') {
    if (pendingVersionId !== undefined) {
      throw new InputError('pending-version-id', 'is for phase: finish only')
    }
    return { ...config, source: parseSource(inputs, phase) }
  }
  inputs.forbid(
    ['generator', 'fields'],
    'is for phase: create or all; phase: finish only moves labels'
  )
  if (pendingVersionId !== undefined && !VERSION_ID.test(pendingVersionId)) {
    throw new InputError(
      'pending-version-id',
      `'${pendingVersionId}' is not a version id (32-64 characters)`
    )
  }
  return { ...config, pendingVersionId }
}

function parseSource(inputs: Inputs, phase: Phase): ValueSource {
  const generator = inputs.optional('generator')
  const fields = inputs.optional('fields')
  if (generator !== undefined && fields !== undefined) {
    throw new InputError('generator', 'give generator or fields, not both')
  }
  if (generator !== undefined) return { kind: 'generator', options: parseGenerator(generator) }
  if (fields === undefined) {
    throw new InputError(
      'generator',
      `phase: ${phase} needs generator (a plain string secret) or fields (a JSON secret)`
    )
  }
  const parsed = parseFields(inputs.raw('fields'))
  const names = new Map<string, string>()
  for (const field of parsed.keys()) {
    const name = pendingEnvName(field)
    if (names.has(name)) {
      throw new InputError(
        'fields',
        `fields '${names.get(name)}' and '${field}' both export ${name}`
      )
    }
    names.set(name, field)
  }
  return { kind: 'fields', fields: parsed }
}

/** What phase: create emits, values aside: emit's refusals are checked before the write. */
export function plannedInWorkflow(config: InWorkflowRotation): Emission {
  if (config.phase !== 'create') return {}
  const outputs = ['arn', 'version-id', 'pending-version-id', 'rotated']
  return {
    secrets: pendingTargets('', config.source as ValueSource, config.secretId),
    outputs: Object.fromEntries(outputs.map(name => [name, '']))
  }
}

/** Env var (and, with export-outputs, output) of one rotated field. */
export function pendingEnvName(field: string): string {
  return `PENDING_${toEnvName(field, 'uppercase').replace(/^_/, '')}`
}

export async function rotateInWorkflow(
  config: InWorkflowRotation,
  client: SecretsManagerClient,
  env: NodeJS.ProcessEnv
): Promise<Emission> {
  const started = Date.now()
  const before = await describeStages(client, config.secretId)
  const restore = await restoreIfDeleted(client, before, {
    restore: config.restoreIfDeleted,
    dryRun: true
  })
  if (restore && !config.dryRun) {
    await restoreIfDeleted(client, before, { restore: true, dryRun: false })
  }
  const stagesBefore = copyStages(before.stages)
  if (config.phase === 'finish') {
    return finishPhase(client, before, config.pendingVersionId, started, config.dryRun, restore)
  }
  const previous = versionWith(before.stages, CURRENT)
  // createPending updates before.stages to what AWS now holds.
  const created = await createPending(client, before, config, env)
  if (created.planned) return planned(config, before, created, restore)
  if (config.phase === 'create') {
    return createdEmission(config, created, stagesBefore, before, started)
  }
  let kept: string | undefined
  try {
    kept = await promote(client, before, created.versionId)
  } catch (error) {
    // AWSCURRENT did not move: the new version must not stay pending.
    await cancelPending(client, before.arn, created.versionId)
    throw error
  }
  const { after, notes } = await afterPromotion(client, before, created.versionId, kept)
  if (config.cancelUnfinished && !has(after.stages, created.versionId, PENDING)) disarmCancel()
  log.info(`Rotated '${before.name}': version ${created.versionId} is AWSCURRENT`)
  if (created.staleNote) notes.unshift(created.staleNote)
  return finishedEmission(after, stagesBefore, created.versionId, previous, true, started, notes)
}

/**
 * The stages once the version is AWSCURRENT, as AWS reports them, and the summary's notes
 * (`kept`: promote's, when AWSPENDING stayed). The rotation has taken effect, so when the
 * stages cannot be read back the step still succeeds, with them as promote left them and a
 * warning.
 */
async function afterPromotion(
  client: SecretsManagerClient,
  secret: SecretStages,
  versionId: string,
  kept: string | undefined
): Promise<{ after: SecretStages; notes: string[] }> {
  const notes = kept === undefined ? [] : [kept]
  try {
    return { after: await describeStages(client, secret.arn), notes }
  } catch (error) {
    const unread =
      `Version ${versionId} of '${secret.name}' is AWSCURRENT; its stages could not be read ` +
      `back (${(error as Error).message}), so they are shown as this step left them.`
    log.warning(unread)
    const stages = promotedStages(secret.stages, versionId, kept !== undefined)
    return { after: { ...secret, stages }, notes: [...notes, unread] }
  }
}

interface Created {
  versionId: string
  value: string
  staleNote?: string
  /** A dry run stops before the value is made: whether it would reuse or write the version. */
  planned?: 'reuse' | 'write'
}

/** Stage a new value as AWSPENDING only; AWSCURRENT is untouched. */
async function createPending(
  client: SecretsManagerClient,
  secret: SecretStages,
  config: InWorkflowRotation,
  env: NodeJS.ProcessEnv
): Promise<Created> {
  // The token is the new version id: a retried write of this step attempt is the same version.
  const versionId = deriveRequestToken(env, secret.arn, 'rotate-in-workflow')
  const staleNote = await handleStalePending(client, secret, {
    ownVersion: versionId,
    clear: config.clearStalePending,
    dryRun: config.dryRun
  })
  if (config.cancelUnfinished && !config.dryRun) armCancel(secret.arn, versionId)
  if (has(secret.stages, versionId, PENDING)) {
    if (config.dryRun) return { versionId, value: '', staleNote, planned: 'reuse' }
    log.info(`Version ${versionId} of '${secret.name}' is already pending: using it`)
    return { versionId, value: await readVersion(client, secret, versionId), staleNote }
  }
  if (secret.stages[versionId] !== undefined) {
    throw new ActionError(
      `Version ${versionId} of '${secret.name}' was already written by this step attempt ` +
        `(stages: ${describeLabels(secret.stages)}): re-run the job to rotate again.`
    )
  }
  if (config.dryRun) return { versionId, value: '', staleNote, planned: 'write' }
  const value = await newValue(client, secret, config.source as ValueSource)
  try {
    const out = await client.send(
      new PutSecretValueCommand({
        SecretId: secret.arn,
        ClientRequestToken: versionId,
        SecretString: value,
        VersionStages: [PENDING]
      })
    )
    // A label is on one version at a time; the first version of a secret also gets AWSCURRENT.
    for (const label of out.VersionStages ?? [PENDING]) {
      for (const other of Object.keys(secret.stages)) dropLabel(secret.stages, other, label)
    }
    secret.stages[versionId] = out.VersionStages ?? [PENDING]
  } catch (error) {
    // A write whose answer was lost may still have landed: never leave it pending.
    await cancelPending(client, secret.arn, versionId)
    throw new AwsCallError(
      'PutSecretValue',
      secret.name,
      error,
      'Rotate a secret from one job (or matrix leg) at a time.'
    )
  }
  log.info(`Stored version ${versionId} of '${secret.name}' as AWSPENDING`)
  return { versionId, value, staleNote }
}

/**
 * Saved at once, not through the Emission: if anything after the write fails (emit refusing an
 * env var included), the post step still finds the pending version and cancels it.
 */
function armCancel(arn: string, versionId: string): void {
  core.saveState(STATE_ARN, arn)
  core.saveState(STATE_PENDING, versionId)
}

/** Nothing is left pending: the post step need not look (nor read the SDK, nor assume a role). */
function disarmCancel(): void {
  core.saveState(STATE_PENDING, '')
}

async function newValue(
  client: SecretsManagerClient,
  secret: SecretStages,
  source: ValueSource
): Promise<string> {
  const current = await readCurrent(client, secret)
  const currentJson = current === undefined ? undefined : jsonObject(current, secret.name)
  try {
    if (source.kind === 'generator') {
      if (currentJson !== undefined) {
        throw new ActionError(
          `AWSCURRENT of '${secret.name}' is a JSON object: rotate its fields with the ` +
            'fields input, not generator.'
        )
      }
      return await generatePassword(client, source.options)
    }
    if (current !== undefined && currentJson === undefined) {
      throw new ActionError(
        `AWSCURRENT of '${secret.name}' is not a JSON object: rotate a plain string secret ` +
          'with the generator input, not fields.'
      )
    }
    const duplicate = current === undefined ? undefined : duplicateKeyAt(current)
    if (duplicate !== undefined) {
      throw new ActionError(
        `AWSCURRENT of '${secret.name}' has a duplicate key at line ${duplicate.line}, column ` +
          `${duplicate.column}: the new version would keep only its last value. Remove the ` +
          'duplicate first.'
      )
    }
    const values = await resolveFields(client, source.fields)
    const value = jsonText({ ...currentJson, ...values })
    masker.add(value)
    return value
  } catch (error) {
    if (error instanceof ActionError) throw error
    throw new ActionError(describeAwsError(error, 'GetRandomPassword'))
  }
}

/** The current value, masked on arrival; undefined when the secret has no AWSCURRENT yet. */
async function readCurrent(
  client: SecretsManagerClient,
  secret: SecretStages
): Promise<string | undefined> {
  if (versionWith(secret.stages, CURRENT) === undefined) return undefined
  // moto: an unstaged read can return a version AWSCURRENT has left; name the stage.
  const read = await getSecretValue(client, secret.arn, { versionStage: CURRENT }).catch(error => {
    throw new ActionError(describeAwsError(error, 'GetSecretValue', secret.name))
  })
  if (typeof read.data !== 'string') {
    throw new ActionError(
      `'${secret.name}' holds a binary value: in-workflow rotation makes string values only.`
    )
  }
  return read.data
}

async function readVersion(
  client: SecretsManagerClient,
  secret: SecretStages,
  versionId: string
): Promise<string> {
  const read = await getSecretValue(client, secret.arn, { versionId }).catch(error => {
    throw new ActionError(describeAwsError(error, 'GetSecretValue', secret.name))
  })
  if (typeof read.data !== 'string' || read.data === '') {
    throw new ActionError(
      `Version ${versionId} of '${secret.name}' holds no string value: not making it current.`
    )
  }
  return read.data
}

async function finishPhase(
  client: SecretsManagerClient,
  secret: SecretStages,
  given: string | undefined,
  started: number,
  dryRun: boolean,
  restore: boolean
): Promise<Emission> {
  const before = copyStages(secret.stages)
  const target = given ?? versionWith(secret.stages, PENDING)
  if (target === undefined) {
    throw new ActionError(
      `No version of '${secret.name}' holds AWSPENDING: nothing to finish. Run phase: create ` +
        `first (stages: ${describeLabels(secret.stages)}).`
    )
  }
  const previous = versionWith(secret.stages, CURRENT)
  if (previous === target) {
    // Already finished (a re-run, or AWS left AWSPENDING on the current version): no change.
    if (dryRun) return finishPlan(secret, target, [], restore)
    const kept = has(secret.stages, target, PENDING)
      ? await tidyPending(client, secret, target)
      : undefined
    log.info(`Version ${target} of '${secret.name}' is already AWSCURRENT: nothing to do`)
    const { after, notes } = await afterPromotion(client, secret, target, kept)
    return finishedEmission(
      after,
      before,
      target,
      versionWith(after.stages, PREVIOUS),
      false,
      started,
      notes
    )
  }
  if (!has(secret.stages, target, PENDING)) {
    throw new ActionError(
      `Version ${target} of '${secret.name}' is not pending (stages: ` +
        `${describeLabels(secret.stages)}): it was cancelled (the post step of a create whose ` +
        'job failed removes AWSPENDING) or never created. Run phase: create again.'
    )
  }
  // A deleted secret's versions cannot be read until it is restored.
  if (!(dryRun && restore)) await readVersion(client, secret, target)
  if (dryRun) {
    return finishPlan(
      secret,
      target,
      [`AWSCURRENT from ${previous ?? '(none)'} to ${target}`],
      restore
    )
  }
  const kept = await promote(client, secret, target)
  const { after, notes } = await afterPromotion(client, secret, target, kept)
  log.info(`Rotated '${secret.name}': version ${target} is AWSCURRENT`)
  return finishedEmission(after, before, target, previous, true, started, notes)
}

function planned(
  config: InWorkflowRotation,
  secret: SecretStages,
  created: Created,
  restore: boolean
): Emission {
  const current = versionWith(secret.stages, CURRENT)
  const moves = [
    ...(created.planned === 'write' ? [`AWSPENDING to the new version ${created.versionId}`] : []),
    ...(config.phase === 'all'
      ? [`AWSCURRENT from ${current ?? '(none)'} to ${created.versionId}`]
      : [])
  ]
  const source = config.source as ValueSource
  return rotationPlan(secret, current, {
    action: created.planned === 'write' ? 'new version' : 'reuse pending version',
    phase: config.phase,
    restore,
    'version-id': created.versionId,
    ...(source.kind === 'fields'
      ? {
          'fields-generated': [...source.fields].filter(([, s]) => 'generator' in s).map(([n]) => n)
        }
      : { generated: 'a new value (generator)' }),
    'stages-would-move': moves,
    ...(created.staleNote && { 'stale-pending': created.staleNote })
  })
}

function finishPlan(
  secret: SecretStages,
  target: string,
  moves: string[],
  restore: boolean
): Emission {
  return rotationPlan(secret, versionWith(secret.stages, CURRENT), {
    action: moves.length ? 'finish' : 'unchanged (already finished)',
    phase: 'finish',
    restore,
    'version-id': target,
    'stages-would-move': moves
  })
}

function rotationPlan(
  secret: SecretStages,
  current: string | undefined,
  details: Record<string, unknown>
): Emission {
  const plan = {
    mode: 'rotate',
    'dry-run': true,
    secret: secret.name,
    strategy: 'in-workflow',
    ...details
  }
  return dryRunEmission(`rotate (dry run): ${secret.name}`, plan, {
    arn: secret.arn,
    'version-id': current ?? '',
    'previous-version-id': '',
    rotated: 'false'
  })
}

function finishedEmission(
  after: SecretStages,
  before: Stages,
  versionId: string,
  previous: string | undefined,
  rotated: boolean,
  started: number,
  notes: string[] = []
): Emission {
  return {
    outputs: {
      arn: after.arn,
      'version-id': versionId,
      'previous-version-id': previous ?? '',
      rotated: String(rotated)
    },
    summary: {
      heading: rotated
        ? `Rotated '${after.name}' in the workflow`
        : `Rotation of '${after.name}' was already finished`,
      header: ['Version id', 'Stages before', 'Stages after'],
      rows: stageRows(before, after.stages),
      notes: [...notes, `AWSCURRENT: ${versionId}. Took ${seconds(Date.now() - started)}.`]
    }
  }
}

function createdEmission(
  config: InWorkflowRotation,
  created: Created,
  before: Stages,
  after: SecretStages,
  started: number
): Emission {
  const cancel = config.cancelUnfinished
    ? 'If the job ends before then, the post step of this step removes AWSPENDING.'
    : 'cancel-unfinished is off: if the job ends before then, AWSPENDING stays.'
  return {
    secrets: pendingTargets(created.value, config.source as ValueSource, after.name),
    outputs: {
      arn: after.arn,
      'version-id': versionWith(after.stages, CURRENT) ?? '',
      'pending-version-id': created.versionId,
      rotated: 'false'
    },
    summary: {
      heading: `Created pending version of '${after.name}'`,
      header: ['Version id', 'Stages before', 'Stages after'],
      rows: stageRows(before, after.stages),
      notes: [
        ...(created.staleNote ? [created.staleNote] : []),
        `Pending version: ${created.versionId}. Apply and test it, then run phase: finish. ` +
          `${cancel} Took ${seconds(Date.now() - started)}.`
      ]
    }
  }
}

/**
 * pending-value (always an output) is the whole new value: the new JSON for fields. With
 * export-env / export-outputs, PENDING_VALUE (plain secrets) or PENDING_<FIELD> for each field
 * in fields (JSON secrets) too.
 */
function pendingTargets(value: string, source: ValueSource, secret: string): SecretTarget[] {
  const targets: SecretTarget[] = [
    { name: 'pending-value', value, source: secret, channels: ['output'] }
  ]
  if (source.kind === 'generator') {
    return [...targets, { name: 'PENDING_VALUE', value, source: secret, channels: ['env'] }]
  }
  const json = jsonObject(value) ?? {}
  for (const field of source.fields.keys()) {
    const leaf = json[field]
    targets.push({
      name: pendingEnvName(field),
      value: typeof leaf === 'string' ? leaf : jsonText(leaf ?? null),
      source: secret,
      channels: ['env', 'output']
    })
  }
  return targets
}

/** Best effort: removes AWSPENDING from a version this step created; the post step retries. */
async function cancelPending(
  client: SecretsManagerClient,
  arn: string,
  versionId: string
): Promise<void> {
  try {
    const secret = await describeStages(client, arn)
    if (has(secret.stages, versionId, PENDING) && !has(secret.stages, versionId, CURRENT)) {
      await removeLabel(client, arn, versionId, PENDING)
      log.info(`Removed AWSPENDING from version ${versionId}: the rotation did not finish`)
    }
  } catch (error) {
    log.warning(
      `Could not remove AWSPENDING from version ${versionId}: ${(error as Error).message}`
    )
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}

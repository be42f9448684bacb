import type { ReplicaRegionType, SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { ActionError } from '../errors.js'
import type { Emission, SecretTarget } from '../output/emission.js'
import { toEnvName } from '../output/env-names.js'
import { masker } from '../output/mask.js'
import {
  generatedFieldNames,
  parseFields,
  resolveFields,
  type FieldSpec
} from '../secrets/fields.js'
import type { SecretValue } from '../secrets/read.js'
import { deriveRequestToken } from '../secrets/token.js'
import {
  createSecret,
  putValue,
  readStage,
  type CreateOptions,
  type WrittenVersion
} from '../secrets/write.js'
import { isArn, parseSecretId } from '../secrets/ids.js'
import { parseCreateOptions } from '../secrets/write-inputs.js'
import type { ModeHandler } from './types.js'
import { duplicateKeyAt, jsonObject, jsonText } from '../output/json.js'
import {
  describeSecret,
  missingReplicas,
  parseDryRun,
  parseReplicaRegions,
  parseRestoreIfDeleted,
  refuseOwnRegion,
  replicateMissing,
  restoreIfDeleted,
  type SecretDescription
} from '../secrets/lifecycle.js'
import { dryRunEmission } from '../output/plan.js'
import { log } from '../output/log.js'

export const UPDATE_POLICIES = ['IfNotExists', 'AlwaysUpdate', 'MergeMissing'] as const
export type UpdatePolicy = (typeof UPDATE_POLICIES)[number]

export interface PushConfig {
  secretId: string
  fields: Map<string, FieldSpec>
  policy: UpdatePolicy
  create: CreateOptions
  /** Field values become step outputs named as the fields (export-outputs: true). */
  exportOutputs: boolean
  /** Field values become env vars named FIELD_NAME uppercased (export-env: true). */
  exportEnv: boolean
  restoreIfDeleted: boolean
  dryRun: boolean
  replicas: ReplicaRegionType[]
}

/** How the secret got its value, in the words of the handler's SecretPushed condition. */
type Reason = 'Created' | 'Updated' | 'Merged' | 'UpToDate' | 'Exists' | 'CreatedElsewhere'

interface Pushed {
  version: WrittenVersion
  /** The stored JSON object after this run; undefined when the secret is not a JSON object. */
  stored?: Record<string, unknown>
  generated: string[]
  reason: Reason
}

const OUTPUTS = [
  'arn',
  'name',
  'version-id',
  'changed',
  'created',
  'field-count',
  'generated-fields',
  'last-sync-time',
  'replication-status',
  'plan'
]

export const pushGeneratedMode: ModeHandler<PushConfig> = {
  exportDefaults: { env: false, outputs: false },

  parse(inputs) {
    const secretId = parseSecretId(inputs, 'push-generated')
    const fields = parseFields(inputs.required('fields', 'in push-generated mode'))
    const policy = inputs.oneOf('update-policy', UPDATE_POLICIES, 'IfNotExists')
    return {
      secretId,
      fields,
      policy,
      create: parseCreateOptions(inputs),
      exportOutputs: inputs.bool('export-outputs', false),
      exportEnv: inputs.bool('export-env', false),
      restoreIfDeleted: parseRestoreIfDeleted(inputs),
      dryRun: parseDryRun(inputs),
      replicas: parseReplicaRegions(inputs)
    }
  },

  secretArns: config => (isArn(config.secretId) ? [config.secretId] : []),

  plannedTargets: config => ({
    secrets: fieldTargets(config, [...config.fields.keys()], config.secretId, () => ''),
    outputs: Object.fromEntries(OUTPUTS.map(name => [name, '']))
  }),

  async run(config, { clients, env }) {
    refuseOwnRegion(config.replicas, clients.regionOf(config.secretId))
    const client = clients.forSecret(config.secretId)
    for (const spec of config.fields.values()) if ('value' in spec) masker.add(spec.value)
    const token = deriveRequestToken(env, config.secretId, 'push-generated')
    const decision = await decide(client, config, config.dryRun)
    if (config.dryRun) return planned(config, decision)
    const pushed = await push(client, config, token, decision)
    const replication = await replicate(client, config, pushed.version.arn)
    return emission(config, pushed, new Date().toISOString(), replication)
  }
}

/** What the run does, decided from reads alone; a dry run stops here and reports it. */
type PushDecision =
  | { action: 'create'; restore: false; secret?: undefined }
  | { action: 'restore'; secret: SecretDescription; restore: true }
  | {
      action: 'keep' | 'write'
      secret: SecretDescription
      current: SecretValue
      update: Update
      restore: false
    }

/** What the update policy makes of an existing value: the fields to write, or none. */
interface Update {
  stored?: Record<string, unknown>
  /** Fields to resolve and write; undefined: write nothing. */
  names?: string[]
  merge: boolean
  reason: Reason
}

async function decide(
  client: SecretsManagerClient,
  config: PushConfig,
  dryRun: boolean
): Promise<PushDecision> {
  const secret = await describeSecret(client, config.secretId)
  if (
    secret !== undefined &&
    (await restoreIfDeleted(client, secret, { restore: config.restoreIfDeleted, dryRun: true }))
  ) {
    // The value of a deleted secret cannot be read: the policy decides once it is restored.
    if (dryRun) return { action: 'restore', secret, restore: true }
    await restoreIfDeleted(client, secret, { restore: true, dryRun: false })
  }
  const current = secret && (await readStage(client, config.secretId))
  if (current) {
    const update = decideUpdate(config, current, 'Exists')
    return { action: update.names ? 'write' : 'keep', secret, current, update, restore: false }
  }
  if (isArn(config.secretId)) {
    throw new ActionError(
      `Secret '${config.secretId}' not found: push-generated creates a missing secret by name, ` +
        'not by ARN. Give secret-id as a name, and check the region.'
    )
  }
  return { action: 'create', restore: false }
}

async function push(
  client: SecretsManagerClient,
  config: PushConfig,
  token: string,
  decision: PushDecision
): Promise<Pushed> {
  if (decision.action === 'keep' || decision.action === 'write') {
    return update(client, config, token, decision.current, decision.update)
  }
  const values = await resolveFields(client, config.fields)
  const request = { secretId: config.secretId, data: body(values), token }
  const created = await createSecret(client, request, {
    ...config.create,
    replicas: config.replicas
  })
  const generated = generatedFieldNames(config.fields)
  if (created) return { version: created, stored: values, generated, reason: 'Created' }
  // The name is taken: another run created it first (our values are dropped), or it has no value.
  const winner = await readStage(client, config.secretId)
  if (winner) {
    return update(client, config, token, winner, decideUpdate(config, winner, 'CreatedElsewhere'))
  }
  const version = await putValue(client, request)
  return { version, stored: values, generated, reason: 'Updated' }
}

function decideUpdate(
  config: PushConfig,
  current: SecretValue,
  untouched: 'Exists' | 'CreatedElsewhere'
): Update {
  const stored = jsonObject(current.data, current.name)
  switch (config.policy) {
    case 'IfNotExists':
      if (stored === undefined) log.warning(`Secret '${current.name}' is not a JSON object`)
      return { stored, merge: false, reason: untouched }
    case 'AlwaysUpdate':
      return { stored, names: [...config.fields.keys()], merge: false, reason: 'Updated' }
    case 'MergeMissing': {
      if (stored === undefined) {
        throw new ActionError(
          `Secret '${current.name}' does not hold a JSON object: MergeMissing can only add fields ` +
            'to one. Use update-policy: AlwaysUpdate to replace its value.'
        )
      }
      const missing = [...config.fields.keys()].filter(name => !Object.hasOwn(stored, name))
      if (missing.length === 0) return { stored, merge: true, reason: 'UpToDate' }
      refuseDuplicateKey(current)
      return { stored, names: missing, merge: true, reason: 'Merged' }
    }
  }
}

/** A merge writes the stored JSON again: a duplicate key would silently lose all but its last value. */
function refuseDuplicateKey(current: SecretValue): void {
  const at = duplicateKeyAt(typeof current.data === 'string' ? current.data : '')
  if (at === undefined) return
  const { line, column } = at
  throw new ActionError(
    `Secret '${current.name}' has a duplicate key at line ${line}, column ${column}: MergeMissing ` +
      'would keep only its last value. Remove the duplicate, or use update-policy: AlwaysUpdate ' +
      'to replace the value.'
  )
}

async function update(
  client: SecretsManagerClient,
  config: PushConfig,
  token: string,
  current: SecretValue,
  plan: Update
): Promise<Pushed> {
  const { stored, names, merge, reason } = plan
  if (names === undefined) return { version: current, stored, generated: [], reason }
  const added = await resolveFields(client, config.fields, merge ? names : undefined)
  const values = merge ? { ...stored, ...added } : added
  const version = await putValue(client, { secretId: config.secretId, data: body(values), token })
  const generated = names.filter(name => 'generator' in (config.fields.get(name) as FieldSpec))
  return { version, stored: values, generated, reason }
}

function body(values: Record<string, unknown>): string {
  const text = jsonText(values)
  masker.add(text)
  return text
}

/** replica-regions: what CreateSecret did not add (or an existing secret lacks) is added. */
async function replicate(
  client: SecretsManagerClient,
  config: PushConfig,
  arn: string
): Promise<Record<string, string> | undefined> {
  if (config.replicas.length === 0) return undefined
  const secret = await describeSecret(client, arn)
  return secret ? replicateMissing(client, secret, config.replicas) : {}
}

function planned(config: PushConfig, decision: PushDecision): Emission {
  const existing = decision.action === 'restore' ? decision.secret : undefined
  const names =
    decision.action === 'create'
      ? [...config.fields.keys()]
      : decision.action === 'write'
        ? (decision.update.names ?? [])
        : []
  const generated = names.filter(name => 'generator' in (config.fields.get(name) as FieldSpec))
  const action =
    decision.action === 'create'
      ? 'create'
      : decision.action === 'write'
        ? 'new-version'
        : decision.action === 'keep'
          ? 'unchanged'
          : 'restore, then apply update-policy'
  const current =
    decision.action === 'keep' || decision.action === 'write' ? decision.current : undefined
  const plan = {
    mode: 'push-generated',
    'dry-run': true,
    secret: current?.name ?? existing?.name ?? config.secretId,
    action,
    restore: decision.restore,
    'update-policy': config.policy,
    'fields-written': names,
    'fields-generated': generated,
    'replicate-to': missingReplicas(config.replicas, decision.secret?.replicas ?? {}).map(
      r => r.Region
    )
  }
  return dryRunEmission(`push-generated (dry run): ${plan.secret}`, plan, {
    arn: current?.arn ?? existing?.arn ?? '',
    name: plan.secret,
    'version-id': current?.versionId ?? '',
    changed: 'false',
    created: 'false',
    'generated-fields': JSON.stringify(generated)
  })
}

function emission(
  config: PushConfig,
  pushed: Pushed,
  syncTime: string,
  replication?: Record<string, string>
): Emission {
  const { version, stored, generated, reason } = pushed
  const changed = !['UpToDate', 'Exists', 'CreatedElsewhere'].includes(reason)
  const fieldCount = stored ? Object.keys(stored).length : 0
  return {
    secrets: exported(config, stored, version.name),
    outputs: {
      arn: version.arn,
      name: version.name,
      'version-id': version.versionId,
      changed: String(changed),
      created: String(reason === 'Created'),
      'field-count': String(fieldCount),
      'generated-fields': JSON.stringify(generated),
      'last-sync-time': syncTime,
      ...(replication && { 'replication-status': JSON.stringify(replication) })
    },
    summary: {
      heading: `push-generated: ${version.name}`,
      header: ['Condition', 'Status', 'Reason', 'Message'],
      rows: [
        generatedCondition(generated),
        ['SecretPushed', 'True', reason, pushedMessage(reason, config.policy)]
      ],
      notes: [
        `Secret path: ${version.name} · fields: ${fieldCount} · version: ${version.versionId} · ` +
          `policy: ${config.policy} · last sync: ${syncTime}`
      ]
    }
  }
}

function generatedCondition(generated: string[]): string[] {
  return generated.length > 0
    ? [
        'SecretsGenerated',
        'True',
        'Generated',
        `Generated ${count(generated)}: ${generated.join(', ')}`
      ]
    : ['SecretsGenerated', 'False', 'NothingGenerated', 'No field needed a new value']
}

function count(fields: string[]): string {
  return `${fields.length} field${fields.length === 1 ? '' : 's'}`
}

function pushedMessage(reason: Reason, policy: UpdatePolicy): string {
  switch (reason) {
    case 'Created':
      return 'Created the secret'
    case 'Updated':
      return 'Wrote a new version'
    case 'Merged':
      return 'Added the missing fields in a new version'
    case 'UpToDate':
      return 'Every field is present: nothing written'
    case 'Exists':
      return `The secret exists: ${policy} leaves it untouched`
    case 'CreatedElsewhere':
      return `Another run created the secret first: ${policy} leaves it untouched`
  }
}

/** Each field's stored value, for later steps (only with export-outputs or export-env). */
function exported(
  config: PushConfig,
  stored: Record<string, unknown> | undefined,
  secretName: string
): SecretTarget[] {
  if (!config.exportOutputs && !config.exportEnv) return []
  const present = [...config.fields.keys()].filter(name => {
    const has = stored !== undefined && Object.hasOwn(stored, name)
    if (!has) log.warning(`Field '${name}' is not in secret '${secretName}': not exported`)
    return has
  })
  return fieldTargets(config, present, secretName, name => {
    const leaf = (stored as Record<string, unknown>)[name]
    return typeof leaf === 'string' ? leaf : jsonText(leaf)
  })
}

/** A field is the step output of its name and the env var of its name uppercased. */
function fieldTargets(
  config: PushConfig,
  names: string[],
  source: string,
  valueOf: (name: string) => string
): SecretTarget[] {
  return names.flatMap(name => [
    ...(config.exportOutputs
      ? [{ name, value: valueOf(name), source, channels: ['output' as const] }]
      : []),
    ...(config.exportEnv
      ? [
          {
            name: toEnvName(name, 'uppercase'),
            value: valueOf(name),
            source,
            channels: ['env' as const]
          }
        ]
      : [])
  ])
}

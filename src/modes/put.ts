import type { ReplicaRegionType, SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { ActionError, InputError } from '../errors.js'
import type { Emission } from '../output/emission.js'
import { masker } from '../output/mask.js'
import { parseNewValue, type NewValue } from '../secrets/new-value.js'
import { deriveRequestToken } from '../secrets/token.js'
import {
  addStages,
  AwsCallError,
  createSecret,
  putValue,
  versionHolding,
  type CreateOptions,
  type WriteRequest,
  type WrittenVersion
} from '../secrets/write.js'
import { isArn, parseSecretId } from '../secrets/ids.js'
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
import { parseCreateOptions, parseRequestToken, parseStages } from '../secrets/write-inputs.js'
import type { ModeHandler } from './types.js'

export interface PutConfig {
  secretId: string
  value: NewValue
  createIfMissing: boolean
  create: CreateOptions
  skipUnchanged: boolean
  /** Given by the user; else derived from the run when the handler runs. */
  token?: string
  stages: string[]
  restoreIfDeleted: boolean
  dryRun: boolean
  replicas: ReplicaRegionType[]
}

/** What the run does, decided from reads alone; a dry run stops here and reports it. */
type PutDecision =
  | { action: 'create' }
  | { action: 'new-version'; secret: SecretDescription; restore: boolean }
  | { action: 'unchanged'; secret: SecretDescription; held: WrittenVersion; restore: false }

interface PutResult extends WrittenVersion {
  changed: boolean
  created: boolean
}

export const putMode: ModeHandler<PutConfig> = {
  exportDefaults: { env: false, outputs: false },

  parse(inputs) {
    const secretId = parseSecretId(inputs, 'put')
    const createIfMissing = inputs.bool('create-if-missing', false)
    if (createIfMissing && isArn(secretId)) {
      throw new InputError(
        'secret-id',
        'create-if-missing needs a secret name: the ARN of a new secret is not known before it exists'
      )
    }
    return {
      secretId,
      value: parseNewValue(inputs),
      createIfMissing,
      create: parseCreateOptions(inputs),
      skipUnchanged: inputs.bool('skip-unchanged', true),
      token: parseRequestToken(inputs),
      stages: parseStages(inputs),
      restoreIfDeleted: parseRestoreIfDeleted(inputs),
      dryRun: parseDryRun(inputs),
      replicas: parseReplicaRegions(inputs)
    }
  },

  secretArns: config => (isArn(config.secretId) ? [config.secretId] : []),

  async run(config, { clients, env }) {
    refuseOwnRegion(config.replicas, clients.regionOf(config.secretId))
    const client = clients.forSecret(config.secretId)
    // Values computed by earlier steps are not masked by the runner: mask before any call.
    // (secret-json is masked compact: each line of an indented form would mask '{' and '}'.)
    masker.add(config.value.data)
    const request: WriteRequest = {
      secretId: config.secretId,
      data: config.value.data,
      token: config.token ?? deriveRequestToken(env, config.secretId, 'put'),
      stages: config.stages
    }
    const decision = await decide(client, config, request)
    if (config.dryRun) return planned(config, decision)
    const result = await put(client, config, request, decision)
    const replication = await replicate(client, config, result, decision)
    return emission(config, result, replication)
  }
}

async function decide(
  client: SecretsManagerClient,
  config: PutConfig,
  request: WriteRequest
): Promise<PutDecision> {
  const secret = await describeSecret(client, config.secretId)
  if (secret === undefined) {
    if (!config.createIfMissing) throw notFound(config.secretId)
    return { action: 'create' }
  }
  const restore = await restoreIfDeleted(client, secret, {
    restore: config.restoreIfDeleted,
    dryRun: true
  })
  if (config.skipUnchanged && !restore) {
    const held = await versionHolding(client, config.secretId, request.data, config.stages)
    if (held) return { action: 'unchanged', secret, held, restore }
  }
  return { action: 'new-version', secret, restore }
}

function notFound(secretId: string): ActionError {
  return new ActionError(
    `Secret '${secretId}' not found (PutSecretValue): check the name and the region, ` +
      'or set create-if-missing: true to create it.'
  )
}

async function put(
  client: SecretsManagerClient,
  config: PutConfig,
  request: WriteRequest,
  decision: PutDecision
): Promise<PutResult> {
  if (decision.action === 'unchanged') return { ...decision.held, changed: false, created: false }
  if (decision.action === 'new-version' && decision.restore) {
    await restoreIfDeleted(client, decision.secret, { restore: true, dryRun: false })
  }
  if (decision.action === 'create') return create(client, config, request)
  try {
    return { ...(await putValue(client, request)), changed: true, created: false }
  } catch (error) {
    // Deleted by someone else since DescribeSecret answered.
    if (!(error instanceof AwsCallError && error.notFound)) throw error
    if (!config.createIfMissing) throw notFound(config.secretId)
  }
  return create(client, config, request)
}

async function create(
  client: SecretsManagerClient,
  config: PutConfig,
  request: WriteRequest
): Promise<PutResult> {
  const created = await createSecret(client, request, {
    ...config.create,
    replicas: config.replicas
  })
  if (created === undefined) {
    // Someone else created it in between: write our value as its new version.
    return { ...(await putValue(client, request)), changed: true, created: false }
  }
  await addStages(client, created.arn, created.versionId, config.stages)
  return { ...created, changed: true, created: true }
}

/** replica-regions: a new secret got them with CreateSecret; an existing one gets what it lacks. */
async function replicate(
  client: SecretsManagerClient,
  config: PutConfig,
  result: PutResult,
  decision: PutDecision
): Promise<Record<string, string> | undefined> {
  if (config.replicas.length === 0) return undefined
  const secret = decision.action === 'create' ? undefined : decision.secret
  const now = secret ?? (await describeSecret(client, result.arn))
  if (now === undefined) return {}
  // CreateSecret added the replicas unless another writer created the secret first.
  return replicateMissing(client, now, config.replicas)
}

function planned(config: PutConfig, decision: PutDecision): Emission {
  const secret = decision.action === 'create' ? undefined : decision.secret
  const plan = {
    mode: 'put',
    'dry-run': true,
    secret: secret?.name ?? config.secretId,
    action: decision.action,
    restore: decision.action === 'new-version' && decision.restore,
    stages: decision.action === 'unchanged' ? [] : config.stages,
    'replicate-to': missingReplicas(config.replicas, secret?.replicas ?? {}).map(r => r.Region)
  }
  return dryRunEmission(`put (dry run): ${plan.secret}`, plan, {
    arn: secret?.arn ?? '',
    name: secret?.name ?? config.secretId,
    'version-id': decision.action === 'unchanged' ? decision.held.versionId : '',
    changed: 'false',
    created: 'false',
    ...(config.replicas.length > 0 && {
      'replication-status': JSON.stringify(secret?.replicas ?? {})
    })
  })
}

function emission(
  config: PutConfig,
  result: PutResult,
  replication: Record<string, string> | undefined
): Emission {
  const { arn, name, versionId, changed, created } = result
  const what = created ? 'Created' : changed ? 'Wrote a new version of' : 'Unchanged:'
  return {
    outputs: {
      arn,
      name,
      'version-id': versionId,
      changed: String(changed),
      created: String(created),
      ...(replication && { 'replication-status': JSON.stringify(replication) })
    },
    summary: {
      heading: `${what} secret ${name}`,
      header: ['Secret', 'Version id', 'Stages', 'Changed', 'Created', 'From'],
      rows: [
        [
          name,
          versionId,
          config.stages.join(', '),
          String(changed),
          String(created),
          config.value.source
        ]
      ],
      notes: changed
        ? []
        : ['The stored value already equals the new value: nothing was written (skip-unchanged).']
    }
  }
}

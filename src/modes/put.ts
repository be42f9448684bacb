import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
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
}

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
      stages: parseStages(inputs)
    }
  },

  secretArns: config => (isArn(config.secretId) ? [config.secretId] : []),

  async run(config, { clients, env }) {
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
    const result = await put(client, config, request)
    return emission(config, result)
  }
}

async function put(
  client: SecretsManagerClient,
  config: PutConfig,
  request: WriteRequest
): Promise<PutResult> {
  if (config.skipUnchanged) {
    const held = await versionHolding(client, config.secretId, request.data, config.stages)
    if (held) return { ...held, changed: false, created: false }
  }
  try {
    return { ...(await putValue(client, request)), changed: true, created: false }
  } catch (error) {
    if (!(error instanceof AwsCallError && error.notFound)) throw error
    if (!config.createIfMissing) {
      throw new ActionError(
        `Secret '${config.secretId}' not found (PutSecretValue): check the name and the region, ` +
          'or set create-if-missing: true to create it.'
      )
    }
  }
  const created = await createSecret(client, request, config.create)
  if (created === undefined) {
    // Someone else created it in between: write our value as its new version.
    return { ...(await putValue(client, request)), changed: true, created: false }
  }
  await addStages(client, created.arn, created.versionId, config.stages)
  return { ...created, changed: true, created: true }
}

function emission(config: PutConfig, result: PutResult): Emission {
  const { arn, name, versionId, changed, created } = result
  const what = created ? 'Created' : changed ? 'Wrote a new version of' : 'Unchanged:'
  return {
    outputs: {
      arn,
      name,
      'version-id': versionId,
      changed: String(changed),
      created: String(created)
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

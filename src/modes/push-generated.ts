import * as core from '../actions-core.js'
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { ActionError, InputError } from '../errors.js'
import type { Inputs } from '../inputs/reader.js'
import type { Emission, SecretTarget } from '../output/emission.js'
import { refusedEnvNameReason, toEnvName } from '../output/env-names.js'
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
import { jsonObject } from '../output/json.js'

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
  'last-sync-time'
]
const OUTPUT_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/

export const pushGeneratedMode: ModeHandler<PushConfig> = {
  exportDefaults: { env: false, outputs: false },

  parse(inputs) {
    const secretId = parseSecretId(inputs, 'push-generated')
    const fields = parseFields(inputs.required('fields', 'in push-generated mode'))
    const policy = inputs.oneOf('update-policy', UPDATE_POLICIES, 'IfNotExists')
    const exports = parseExports(inputs, fields)
    return { secretId, fields, policy, create: parseCreateOptions(inputs), ...exports }
  },

  secretArns: config => (isArn(config.secretId) ? [config.secretId] : []),

  async run(config, { client, env }) {
    for (const spec of config.fields.values()) if ('value' in spec) masker.add(spec.value)
    const token = deriveRequestToken(env, config.secretId, 'push-generated')
    const pushed = await push(client, config, token)
    return emission(config, pushed, new Date().toISOString())
  }
}

/** Export names are checked now: a refusal after the write would fail a step that wrote. */
function parseExports(
  inputs: Inputs,
  fields: Map<string, FieldSpec>
): Pick<PushConfig, 'exportOutputs' | 'exportEnv'> {
  const exportOutputs = inputs.bool('export-outputs', false)
  const exportEnv = inputs.bool('export-env', false)
  const envNames = new Map<string, string>()
  for (const name of fields.keys()) {
    if (exportOutputs && (!OUTPUT_NAME.test(name) || OUTPUTS.includes(name))) {
      throw new InputError(
        'fields',
        `field '${name}' cannot be a step output with export-outputs: true (` +
          (OUTPUTS.includes(name) ? 'the mode has an output of that name)' : 'not a valid name)')
      )
    }
    if (!exportEnv) continue
    const envName = toEnvName(name, 'uppercase')
    const reason = refusedEnvNameReason(envName)
    if (reason) throw new InputError('fields', `field '${name}' cannot be an env var: ${reason}`)
    const other = envNames.get(envName)
    if (other !== undefined) {
      throw new InputError(
        'fields',
        `fields '${other}' and '${name}' would both be env var ${envName}`
      )
    }
    envNames.set(envName, name)
  }
  return { exportOutputs, exportEnv }
}

async function push(
  client: SecretsManagerClient,
  config: PushConfig,
  token: string
): Promise<Pushed> {
  const current = await readStage(client, config.secretId)
  if (current) return update(client, config, token, current, 'Exists')
  if (isArn(config.secretId)) {
    throw new ActionError(
      `Secret '${config.secretId}' not found: push-generated creates a missing secret by name, ` +
        'not by ARN. Give secret-id as a name, and check the region.'
    )
  }
  const values = await resolveFields(client, config.fields)
  const request = { secretId: config.secretId, data: body(values), token }
  const created = await createSecret(client, request, config.create)
  const generated = generatedFieldNames(config.fields)
  if (created) return { version: created, stored: values, generated, reason: 'Created' }
  // The name is taken: another run created it first (our values are dropped), or it has no value.
  const winner = await readStage(client, config.secretId)
  if (winner) return update(client, config, token, winner, 'CreatedElsewhere')
  const version = await putValue(client, request)
  return { version, stored: values, generated, reason: 'Updated' }
}

async function update(
  client: SecretsManagerClient,
  config: PushConfig,
  token: string,
  current: SecretValue,
  untouched: 'Exists' | 'CreatedElsewhere'
): Promise<Pushed> {
  const stored = jsonObject(current.data)
  const keep: Pushed = { version: current, stored, generated: [], reason: untouched }
  const write = async (values: Record<string, unknown>, names: string[], reason: Reason) => {
    const version = await putValue(client, { secretId: config.secretId, data: body(values), token })
    const generated = names.filter(name => 'generator' in (config.fields.get(name) as FieldSpec))
    return { version, stored: values, generated, reason }
  }
  switch (config.policy) {
    case 'IfNotExists':
      if (stored === undefined) core.warning(`Secret '${current.name}' is not a JSON object`)
      return keep
    case 'AlwaysUpdate': {
      const names = [...config.fields.keys()]
      return write(await resolveFields(client, config.fields), names, 'Updated')
    }
    case 'MergeMissing': {
      if (stored === undefined) {
        throw new ActionError(
          `Secret '${current.name}' does not hold a JSON object: MergeMissing can only add fields ` +
            'to one. Use update-policy: AlwaysUpdate to replace its value.'
        )
      }
      const missing = [...config.fields.keys()].filter(name => !Object.hasOwn(stored, name))
      if (missing.length === 0) return { ...keep, reason: 'UpToDate' }
      const added = await resolveFields(client, config.fields, missing)
      return write({ ...stored, ...added }, missing, 'Merged')
    }
  }
}

function body(values: Record<string, unknown>): string {
  const text = JSON.stringify(values)
  masker.add(text)
  return text
}

function emission(config: PushConfig, pushed: Pushed, syncTime: string): Emission {
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
      'last-sync-time': syncTime
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
  const targets: SecretTarget[] = []
  for (const name of config.fields.keys()) {
    if (stored === undefined || !Object.hasOwn(stored, name)) {
      core.warning(`Field '${name}' is not in secret '${secretName}': not exported`)
      continue
    }
    const leaf = stored[name]
    const value = typeof leaf === 'string' ? leaf : JSON.stringify(leaf)
    if (config.exportOutputs)
      targets.push({ name, value, source: secretName, channels: ['output'] })
    if (config.exportEnv) {
      targets.push({
        name: toEnvName(name, 'uppercase'),
        value,
        source: secretName,
        channels: ['env']
      })
    }
  }
  return targets
}

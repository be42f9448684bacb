import * as core from '../actions-core.js'
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import pLimit from 'p-limit'
import { describeAwsError, isAccessDenied } from '../aws/errors.js'
import { ActionError, InputError } from '../errors.js'
import type { Inputs } from '../inputs/reader.js'
import type { SecretTarget } from '../output/emission.js'
import { flattenJsonToEnv, toEnvName, type NameTransformation } from '../output/env-names.js'
import { envPrefixFor, idNames, parseSecretIds, type SecretRequest } from '../secrets/ids.js'
import {
  BATCH_SIZE,
  batchGetSecretValues,
  getSecretValue,
  listSecretsByPrefix,
  type ReadFailure,
  type SecretValue,
  type VersionSelector
} from '../secrets/read.js'
import type { ModeHandler } from './types.js'
import { jsonObject } from '../output/json.js'

export interface FetchConfig {
  requests: SecretRequest[]
  parseJson: boolean
  transformation: NameTransformation
  version: VersionSelector
}

const TRANSFORMATIONS = ['uppercase', 'lowercase', 'none'] as const

/** Calls in flight at once: enough to hide latency, few enough not to be throttled. */
export const CONCURRENCY = 10

export function parseVersion(inputs: Inputs): VersionSelector {
  const versionId = inputs.optional('version-id')
  const versionStage = inputs.optional('version-stage')
  if (versionId && versionStage) {
    throw new InputError('version-id', 'give version-id or version-stage, not both')
  }
  if (versionId !== undefined && !/^[\w-]{32,64}$/.test(versionId)) {
    throw new InputError('version-id', `'${versionId}' is not a version id (32-64 characters)`)
  }
  if (versionStage !== undefined && !/^[\w+=,.@-]{1,256}$/.test(versionStage)) {
    throw new InputError('version-stage', `'${versionStage}' is not a version stage label`)
  }
  return { versionId, versionStage }
}

export const fetchMode: ModeHandler<FetchConfig> = {
  exportDefaults: { env: true, outputs: false },

  parse(inputs) {
    const transformation = inputs.oneOf('name-transformation', TRANSFORMATIONS, 'uppercase')
    const requests = parseSecretIds(inputs.raw('secret-ids'), 'secret-ids', transformation)
    if (requests.length === 0) {
      throw new InputError('secret-ids', 'is required in fetch mode: list one secret per line')
    }
    return {
      requests,
      parseJson: inputs.bool('parse-json-secrets', false),
      transformation,
      version: parseVersion(inputs)
    }
  },

  secretArns: config => config.requests.filter(r => r.kind === 'arn').map(r => r.id),

  async run(config, { client }) {
    const fetched = await fetchAll(client, config.requests, config.version)
    const delivered = fetched.map(item => ({
      ...item,
      targets: targetsFor(item.request, item.value, config)
    }))
    const versionIds = Object.fromEntries(fetched.map(({ value }) => [value.name, value.versionId]))
    const count = Object.keys(versionIds).length
    return {
      secrets: delivered.flatMap(item => item.targets),
      outputs: { count: String(count), 'version-ids': JSON.stringify(versionIds) },
      summary: {
        heading: `Fetched ${count} secret${count === 1 ? '' : 's'}`,
        header: ['Secret', 'Version id', 'Names'],
        rows: delivered.map(({ value, targets }) => [
          value.name,
          value.versionId,
          targets
            .filter(target => target.channels === undefined)
            .map(target => target.name)
            .join(', ')
        ])
      }
    }
  }
}

export interface Fetched {
  request: SecretRequest
  value: SecretValue
}

/** All or nothing: every requested secret is read, or the error names each that failed. */
export async function fetchAll(
  client: SecretsManagerClient,
  requests: SecretRequest[],
  version: VersionSelector
): Promise<Fetched[]> {
  const reader = new Reader(client, version)
  const batches = await Promise.all(requests.map(request => reader.resolve(request)))
  if (reader.failures.length > 0) {
    const details = reader.failures.map(
      f => f.reason ?? describeAwsError(f.error, f.operation, f.id)
    )
    throw new ActionError(
      `Nothing was exported: ${reader.failures.length} secret(s) could not be read: ${details.join(' ')}`
    )
  }
  return batches.flat()
}

class Reader {
  readonly failures: ReadFailure[] = []
  private readonly limit = pLimit(CONCURRENCY)
  private batchDenied = false

  constructor(
    private readonly client: SecretsManagerClient,
    private readonly version: VersionSelector
  ) {}

  async resolve(request: SecretRequest): Promise<Fetched[]> {
    if (request.kind !== 'prefix') {
      const values = await this.read([request.id])
      return values.map(value => ({ request, value }))
    }
    const reads: Promise<SecretValue[]>[] = []
    let listed = false
    try {
      // Start reading each page's secrets while the next page is listed.
      for await (const page of listSecretsByPrefix(this.client, request.id)) {
        for (let i = 0; i < page.length; i += BATCH_SIZE) {
          reads.push(this.read(page.slice(i, i + BATCH_SIZE).map(secret => secret.arn)))
        }
      }
      listed = true
    } catch (error) {
      this.failures.push({ id: `${request.id}*`, error, operation: 'ListSecrets' })
    }
    const values = (await Promise.all(reads)).flat()
    if (listed && reads.length === 0) this.failPrefix(request, 'no secret matches it')
    // As the official action: an alias names one secret, so its wildcard must match exactly one.
    if (request.alias && values.length > 1) {
      this.failPrefix(
        request,
        `${values.length} secrets match it, but alias '${request.alias}' names one`
      )
    }
    return values.map(value => ({ request, value }))
  }

  private failPrefix(request: SecretRequest, problem: string): void {
    const id = `${request.id}*`
    this.failures.push({
      id,
      error: undefined,
      operation: 'ListSecrets',
      reason: `'${id}': ${problem}.`
    })
  }

  /** Up to 20 ids: one BatchGetSecretValue, unless a version is chosen or batch reads are denied. */
  private async read(ids: string[]): Promise<SecretValue[]> {
    const chosenVersion = this.version.versionId || this.version.versionStage
    if (chosenVersion || this.batchDenied) return this.readEach(ids)
    try {
      const { values, failures } = await this.limit(() => batchGetSecretValues(this.client, ids))
      this.failures.push(...failures)
      const missing = ids.filter(id => !values.some(value => idNames(id, value)))
      const unexplained = missing.filter(id => !failures.some(failure => failure.id === id))
      return [...values, ...(unexplained.length ? await this.readEach(unexplained) : [])]
    } catch (error) {
      if (isAccessDenied(error)) {
        this.denyBatch()
        return this.readEach(ids)
      }
      this.failures.push(...ids.map(id => ({ id, error, operation: 'BatchGetSecretValue' })))
      return []
    }
  }

  private denyBatch(): void {
    if (this.batchDenied) return
    this.batchDenied = true
    core.warning(
      'secretsmanager:BatchGetSecretValue is denied; reading secrets one by one with ' +
        'GetSecretValue instead (slower). Allow BatchGetSecretValue for faster fetches.'
    )
  }

  private async readEach(ids: string[]): Promise<SecretValue[]> {
    const results = await Promise.all(
      ids.map(id =>
        this.limit(() => getSecretValue(this.client, id, this.version)).catch(error => {
          this.failures.push({ id, error, operation: 'GetSecretValue' })
          return undefined
        })
      )
    )
    return results.filter(value => value !== undefined)
  }
}

/** Env var, output and file for one secret, named as the official action names them. */
export function targetsFor(
  request: SecretRequest,
  value: SecretValue,
  config: Pick<FetchConfig, 'parseJson' | 'transformation'>
): SecretTarget[] {
  const json = config.parseJson ? jsonObject(value.data) : undefined
  const prefix = envPrefixFor(request, value.name, config.transformation, json !== undefined)
  const fileName = prefix || toEnvName(value.name, config.transformation)
  if (json === undefined) {
    return [{ name: prefix, value: value.data, source: value.name, file: fileName }]
  }
  const keys = flattenJsonToEnv(prefix, json, config.transformation)
  return [
    ...keys.map(key => ({ name: key.name, value: key.value, source: value.name })),
    { name: fileName, value: value.data, source: value.name, file: fileName, channels: ['file'] }
  ]
}

import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { callLimit, type SecretsManagerClients } from '../aws/client.js'
import { describeAwsError, isAccessDenied, isNotFound } from '../aws/errors.js'
import { watchFirstRequest } from '../aws/request-sent.js'
import { ActionError, bothSettled, InputError } from '../errors.js'
import type { Emission, SecretTarget } from '../output/emission.js'
import { toEnvName, type NameTransformation } from '../output/env-names.js'
import type * as jsonEnv from '../output/json-env.js'
import {
  envPrefixFor,
  idNames,
  parseSecretIds,
  requestLabel,
  type SecretRequest
} from '../secrets/ids.js'
import {
  BATCH_SIZE,
  batchGetSecretValues,
  explainMissingVersion,
  getSecretValue,
  listSelected,
  type ListedSecret,
  type ReadFailure,
  type SecretValue,
  parseVersion,
  rehearseBatchRead,
  type VersionSelector
} from '../secrets/read.js'
import type { ModeHandler } from './types.js'
import { log } from '../output/log.js'

export interface FetchConfig {
  requests: SecretRequest[]
  parseJson: boolean
  transformation: NameTransformation
  version: VersionSelector
  /** 'warn': a secret not found, or a wildcard or tag matching nothing, is skipped with a warning. */
  onMissing: OnMissing
  /** Name wildcard and tag matches after what follows the prefix (or the name's last '/'). */
  stripPrefix: boolean
}

const TRANSFORMATIONS = ['uppercase', 'lowercase', 'none'] as const
const ON_MISSING = ['fail', 'warn'] as const
type OnMissing = (typeof ON_MISSING)[number]

export const fetchMode: ModeHandler<FetchConfig> = {
  exportDefaults: { env: true, outputs: false },
  writesOutputDir: true,

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
      version: parseVersion(inputs),
      onMissing: inputs.oneOf('on-missing', ON_MISSING, 'fail'),
      stripPrefix: inputs.bool('strip-prefix', false)
    }
  },

  secretArns: config => config.requests.filter(r => r.kind === 'arn').map(r => r.id),

  async run(config, { clients }) {
    // A watcher of its own, not main's: main's settles with this run, which waits on the parser.
    const { running, sent } = watchFirstRequest(() =>
      fetchAll(clients, config.requests, config.version, config.onMissing)
    )
    const [fetched, json] = await bothSettled(
      running,
      config.parseJson ? sent.then(loadJsonEnv) : Promise.resolve(undefined)
    )
    return emissionOf(fetched, config, json)
  },

  async rehearsal(config) {
    const [json] = await Promise.all([
      config.parseJson ? loadJsonEnv() : undefined,
      // Apart: a failed read rehearsal still leaves the shaping and emit's checks to rehearse.
      rehearseBatchRead(MADE_UP).catch(() => {})
    ])
    return emissionOf([{ request: config.requests[0], value: MADE_UP }], config, json)
  }
}

/** A value no secret has: the rehearsal's answer. */
const MADE_UP = {
  arn: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:rehearsal-AbCdEf',
  name: 'rehearsal',
  versionId: '00000000-0000-0000-0000-000000000000',
  data: '{"key":"value"}'
} satisfies SecretValue

/** Each secret as its targets (exported once), with the count, version ids and summary. */
function emissionOf(fetched: Fetched[], config: FetchConfig, json?: JsonEnv): Emission {
  const delivered = exportedOnce(
    fetched.map(item => ({
      ...item,
      targets: targetsFor(item.request, item.value, config, json)
    }))
  )
  const versionIds = versionIdsOf(delivered.map(({ value }) => value))
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

/**
 * JSON parsing (lossless-json: about a third of a plain fetch's own code) loads only if asked,
 * while the first request is out.
 */
type JsonEnv = typeof jsonEnv
const loadJsonEnv = (): Promise<JsonEnv> => import('../output/json-env.js')

export interface Fetched {
  request: SecretRequest
  value: SecretValue
}

type Delivered = Fetched & { targets: SecretTarget[] }

/**
 * As the official action's set of secret ids: a secret several lines select under the same
 * name is exported once. The same secret under two names (an alias and its own name) is
 * exported under both; two different secrets giving one name are left for emit to refuse.
 */
export function exportedOnce(items: Delivered[]): Delivered[] {
  const seen = new Set<string>()
  const out: Delivered[] = []
  for (const item of items) {
    const key = (target: SecretTarget) =>
      `${item.value.arn || item.value.name}\n${target.name}\n${target.channels?.join() ?? ''}`
    const targets = item.targets.filter(target => !seen.has(key(target)))
    for (const target of targets) seen.add(key(target))
    if (targets.length > 0 || item.targets.length === 0) out.push({ ...item, targets })
  }
  return out
}

/** Version id of each secret by name; a second secret of that name (another region) by ARN. */
function versionIdsOf(values: SecretValue[]): Record<string, string> {
  const ids: Record<string, string> = {}
  const arnOf = new Map<string, string>()
  for (const { name, arn, versionId } of values) {
    const owner = arnOf.get(name)
    if (owner === undefined) arnOf.set(name, arn)
    if (owner === undefined || owner === arn) ids[name] = versionId
    else ids[arn] = versionId
  }
  return ids
}

type Failure = ReadFailure & { missing?: boolean }

/**
 * All or nothing: every requested secret is read, or the error names each that failed. With
 * onMissing 'warn', secrets that do not exist and selections that match nothing are skipped,
 * one warning each. Each ARN is read in its region, everything else in the default region.
 */
export async function fetchAll(
  clients: SecretsManagerClients,
  requests: SecretRequest[],
  version: VersionSelector,
  onMissing: OnMissing = 'fail'
): Promise<Fetched[]> {
  const { fetched, failures } = await readAll(clients, requests, version)
  const skipped = onMissing === 'warn' ? failures.filter(isMissing) : []
  const fatal = failures.filter(failure => !skipped.includes(failure))
  if (fatal.length > 0) {
    const details = fatal.map(f => f.reason ?? describeAwsError(f.error, f.operation, f.id))
    throw new ActionError(
      `Nothing was exported: ${fatal.length} secret(s) could not be read: ${details.join(' ')}`
    )
  }
  for (const failure of skipped) {
    log.warning(`Skipped '${failure.id}' (on-missing: warn): ${missingReason(failure)}`)
  }
  return fetched
}

/** Every requested secret read, each ARN in its region; what failed is returned, not thrown. */
export async function readAll(
  clients: SecretsManagerClients,
  requests: SecretRequest[],
  version: VersionSelector
): Promise<{ fetched: Fetched[]; failures: Failure[] }> {
  // Only an ARN names a region: names, wildcards and tag lines are in the default one.
  const readers = clients
    .byRegion(requests)
    .map(([client, group]) => [new Reader(client, version), group] as const)
  const results = await Promise.all(readers.map(([reader, group]) => reader.resolveAll(group)))
  return { fetched: results.flat(), failures: readers.flatMap(([reader]) => reader.failures) }
}

function isMissing(failure: Failure): boolean {
  return failure.missing === true || (failure.reason === undefined && isNotFound(failure.error))
}

function missingReason(failure: Failure): string {
  return failure.missing ? 'no secret matches it.' : 'no such secret (not found in its region).'
}

class Reader {
  readonly failures: Failure[] = []
  private readonly limit = callLimit()
  private batchDenied = false
  /** One read per secret, by every id it is known under (name, ARN, id as requested). */
  private readonly reads = new Map<string, Promise<SecretValue | undefined>>()

  constructor(
    private readonly client: SecretsManagerClient,
    private readonly version: VersionSelector
  ) {}

  /** Names and ARNs are scheduled first, so a wildcard's match already read is not read again. */
  async resolveAll(requests: SecretRequest[]): Promise<Fetched[]> {
    const listed = (request: SecretRequest) => request.kind === 'prefix' || request.kind === 'tag'
    this.schedule(requests.filter(request => !listed(request)).map(request => request.id))
    const results = await Promise.all(
      requests.map(async request => {
        if (listed(request)) return this.resolveListed(request)
        const value = await this.reads.get(request.id)
        return value ? [{ request, value }] : []
      })
    )
    return results.flat()
  }

  private async resolveListed(request: SecretRequest): Promise<Fetched[]> {
    const reads: Promise<SecretValue | undefined>[] = []
    let listed = false
    try {
      // Start reading each page's secrets while the next page is listed.
      for await (const page of listSelected(this.client, request)) {
        reads.push(...this.scheduleListed(page))
      }
      listed = true
    } catch (error) {
      this.failures.push({ id: requestLabel(request), error, operation: 'ListSecrets' })
    }
    const values = (await Promise.all(reads)).filter(value => value !== undefined)
    if (listed && reads.length === 0) this.failListed(request, 'no secret matches it', true)
    // As the official action: an alias names one secret, so its wildcard must match exactly one.
    if (request.alias && values.length > 1) {
      this.failListed(
        request,
        `${values.length} secrets match it, but alias '${request.alias}' names one`
      )
    }
    return values.map(value => ({ request, value }))
  }

  private scheduleListed(page: ListedSecret[]): Promise<SecretValue | undefined>[] {
    const known = (secret: ListedSecret) =>
      this.reads.get(secret.arn) ?? this.reads.get(secret.name)
    this.schedule(page.filter(secret => known(secret) === undefined).map(secret => secret.arn))
    return page.map(secret => {
      // The answer must name the secret as listed: its name becomes the env var's.
      const read = (known(secret) as Promise<SecretValue | undefined>).then(value =>
        value === undefined || value.name === secret.name ? value : this.unanswered(secret.name)
      )
      this.reads.set(secret.name, read)
      return read
    })
  }

  /** Ids not yet read, in batches of 20. */
  private schedule(ids: string[]): void {
    const fresh = [...new Set(ids)].filter(id => !this.reads.has(id))
    for (let i = 0; i < fresh.length; i += BATCH_SIZE) {
      const batch = fresh.slice(i, i + BATCH_SIZE)
      const values = this.read(batch)
      for (const id of batch) {
        this.reads.set(
          id,
          values.then(found => found.find(value => idNames(id, value)) ?? this.unanswered(id))
        )
      }
    }
  }

  /** All or nothing: an id read without a failure must have come back, by its name or ARN. */
  private unanswered(id: string): undefined {
    if (!this.failures.some(failure => failure.id === id)) {
      this.failures.push({
        id,
        error: undefined,
        operation: 'GetSecretValue',
        reason: `'${id}': AWS's answer did not hold it under its name and ARN.`
      })
    }
    return undefined
  }

  private failListed(request: SecretRequest, problem: string, missing = false): void {
    const id = requestLabel(request)
    this.failures.push({
      id,
      error: undefined,
      operation: 'ListSecrets',
      reason: `'${id}': ${problem}.`,
      missing
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
    log.warning(
      'secretsmanager:BatchGetSecretValue is denied; reading secrets one by one with ' +
        'GetSecretValue instead (slower). Allow BatchGetSecretValue for faster fetches.'
    )
  }

  private async readEach(ids: string[]): Promise<SecretValue[]> {
    const results = await Promise.all(
      ids.map(id =>
        this.limit(() => getSecretValue(this.client, id, this.version)).catch(async error => {
          const explained = await explainMissingVersion(this.client, id, this.version, error)
          this.failures.push({ id, error: explained, operation: 'GetSecretValue' })
          return undefined
        })
      )
    )
    return results.filter(value => value !== undefined)
  }
}

/**
 * Env var, output and file for one secret, named as the official action names them. A JSON
 * secret is split into one env var per leaf when `parser` (parse-json-secrets) is given.
 */
export function targetsFor(
  request: SecretRequest,
  value: SecretValue,
  config: Pick<FetchConfig, 'transformation'> & { stripPrefix?: boolean },
  parser?: JsonEnv
): SecretTarget[] {
  const json = parser?.jsonObject(value.data, value.name)
  const prefix = envPrefixFor(
    request,
    value.name,
    config.transformation,
    json !== undefined,
    config.stripPrefix
  )
  const fileName = prefix || toEnvName(value.name, config.transformation)
  if (json === undefined || parser === undefined) {
    return [{ name: prefix, value: value.data, source: value.name, file: fileName }]
  }
  const keys = parser.flattenJsonToEnv(prefix, json, config.transformation)
  return [
    ...keys.map(key => ({ name: key.name, value: key.value, source: value.name })),
    { name: fileName, value: value.data, source: value.name, file: fileName, channels: ['file'] }
  ]
}

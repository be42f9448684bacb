import {
  BatchGetSecretValueCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  paginateListSecrets,
  type Filter,
  type ListSecretsCommandInput,
  type ListSecretsCommandOutput,
  type SecretListEntry,
  type SecretsManagerClient
} from '@aws-sdk/client-secrets-manager'
import { selfAnsweringClient } from '../aws/client.js'
import { isNotFound } from '../aws/errors.js'
import { ActionError, InputError } from '../errors.js'
import type { Inputs } from '../inputs/reader.js'
import { type Masker, masker, scratchMasker, type SecretData } from '../output/mask.js'
import type { SecretRequest } from './ids.js'
import { log } from '../output/log.js'

export interface SecretValue {
  arn: string
  name: string
  versionId: string
  data: SecretData
}

export interface ReadFailure {
  id: string
  error: unknown
  operation: string
  /** A message already written for the user, used instead of describing `error`. */
  reason?: string
}

export interface VersionSelector {
  versionId?: string
  versionStage?: string
}

/** version-id or version-stage, for the modes that read values (fetch, lookup-jsonpath, render). */
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

/** BatchGetSecretValue takes at most 20 ids a call. */
export const BATCH_SIZE = 20

/**
 * Every secret value enters the process through here, and is masked on arrival. The SDK does not
 * check the types in an answer: one without a string or binary value, a name and an ARN is a
 * broken endpoint or proxy, not an empty secret, and is refused (undefined). A value of another
 * type is masked all the same, as text.
 */
function received(entry: unknown, registry: Masker = masker): SecretValue | undefined {
  if (!isRecord(entry)) return undefined
  const { SecretBinary, SecretString, Name, ARN, VersionId } = entry
  const data =
    SecretBinary instanceof Uint8Array
      ? SecretBinary
      : typeof SecretString === 'string'
        ? SecretString
        : undefined
  if (data !== undefined) registry.add(data)
  for (const other of [SecretBinary, SecretString]) {
    if (['number', 'bigint', 'boolean'].includes(typeof other)) registry.add(String(other))
  }
  if (data === undefined || !isName(Name) || !isName(ARN)) return undefined
  return { arn: ARN, name: Name, versionId: typeof VersionId === 'string' ? VersionId : '', data }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isName(value: unknown): value is string {
  return typeof value === 'string' && value !== ''
}

/** A list in an answer: absent is empty; anything but a list is not a Secrets Manager answer. */
function listIn(answer: object, field: string, operation: string): unknown[] {
  const list = (answer as Record<string, unknown>)[field]
  if (list === undefined) return []
  if (!Array.isArray(list)) {
    throw new ActionError(
      `${operation} failed: the endpoint answered with something that is not a Secrets Manager ` +
        `response (its ${field} is no list; not shown).`
    )
  }
  return list
}

export async function getSecretValue(
  client: SecretsManagerClient,
  id: string,
  version: VersionSelector = {}
): Promise<SecretValue> {
  const response = await client.send(
    new GetSecretValueCommand({
      SecretId: id,
      VersionId: version.versionId,
      VersionStage: version.versionStage
    })
  )
  const value = received(response)
  if (value) return value
  throw new ActionError(`GetSecretValue of '${id}' answered without a value, name or ARN.`)
}

/**
 * A read of a chosen version-stage or version-id that was not found: the secret may exist
 * without that stage or version. Asks DescribeSecret and names what is missing (an ActionError);
 * any other error, or one DescribeSecret cannot explain, is given back as it was.
 */
export async function explainMissingVersion(
  client: SecretsManagerClient,
  id: string,
  version: VersionSelector,
  error: unknown
): Promise<unknown> {
  const chosen = version.versionId !== undefined || version.versionStage !== undefined
  if (!chosen || !isNotFound(error)) return error
  let described
  try {
    described = await client.send(new DescribeSecretCommand({ SecretId: id }))
  } catch {
    return error
  }
  const versions = described.VersionIdsToStages ?? {}
  const name = described.Name ?? id
  if (version.versionStage !== undefined) {
    const stages = [...new Set(Object.values(versions).flat())].sort()
    return new ActionError(
      `Secret '${name}' exists, but no version has the stage '${version.versionStage}' ` +
        `(version-stage; its stages: ${stages.join(', ') || 'none'}).`
    )
  }
  return new ActionError(
    `Secret '${name}' exists, but has no version '${version.versionId}' (version-id; it has ` +
      `${Object.keys(versions).length} version(s), deprecated ones may have been removed).`
  )
}

/**
 * Values for up to 20 ids in one call; ids AWS could not read come back as failures. An entry
 * without a value is left out: its id is then unanswered, for the caller to read on its own.
 */
export async function batchGetSecretValues(
  client: SecretsManagerClient,
  ids: string[],
  registry: Masker = masker
): Promise<{ values: SecretValue[]; failures: ReadFailure[] }> {
  const response = await client.send(new BatchGetSecretValueCommand({ SecretIdList: ids }))
  const operation = 'BatchGetSecretValue'
  const values = listIn(response, 'SecretValues', operation)
    .map(entry => received(entry, registry))
    .filter(value => value !== undefined)
  const failures = listIn(response, 'Errors', operation)
    .filter(isRecord)
    .map(error => ({
      id: String(error.SecretId ?? ''),
      error: { name: String(error.ErrorCode ?? 'Error'), message: String(error.Message ?? '') },
      // BatchGetSecretValue checks GetSecretValue on each secret: that is what a denial here lacks.
      operation: 'GetSecretValue'
    }))
  return { values, failures }
}

/**
 * A BatchGetSecretValue of `value` (a made-up secret) through a client that answers itself, read
 * as a real answer is, its forms registered with a scratch masker that tells no one. Run while
 * the real request is out: the SDK's response code and ours are compiled when the answer comes.
 */
export async function rehearseBatchRead(value: SecretValue & { data: string }): Promise<void> {
  const entry = {
    ARN: value.arn,
    Name: value.name,
    VersionId: value.versionId,
    SecretString: value.data,
    VersionStages: ['AWSCURRENT'],
    CreatedDate: 0
  }
  const client = selfAnsweringClient(JSON.stringify({ SecretValues: [entry], Errors: [] }))
  try {
    await batchGetSecretValues(client, [value.name], scratchMasker())
  } finally {
    client.destroy()
  }
}

export interface ListedSecret {
  arn: string
  name: string
  /** Version id to stages, as ListSecrets reports it. */
  versions: Record<string, string[]>
  /** The whole entry: settings and dates, never a value. */
  entry: SecretListEntry
}

/**
 * Names starting with the prefix, page by page as ListSecrets returns them; secrets scheduled
 * for deletion only when asked for.
 */
function listSecretsByPrefix(
  client: SecretsManagerClient,
  prefix: string,
  includePlannedDeletion = false
): AsyncGenerator<ListedSecret[]> {
  // The name filter also matches words inside names on AWS; keep true prefixes only.
  return listSecrets(
    client,
    [{ Key: 'name', Values: [prefix] }],
    `'${prefix}*'`,
    secret => Boolean(secret.Name?.startsWith(prefix)),
    includePlannedDeletion
  )
}

/**
 * Secrets carrying the tag: the key with exactly this value, or with any value when none is
 * given. ListSecrets' tag-key and tag-value filters match by prefix and each on its own (a
 * secret tagged team=web and x=pay matches both), so the exact pair is checked here.
 */
function listSecretsByTag(
  client: SecretsManagerClient,
  tag: { key: string; value?: string },
  includePlannedDeletion = false
): AsyncGenerator<ListedSecret[]> {
  const filters: Filter[] = [{ Key: 'tag-key', Values: [tag.key] }]
  if (tag.value) filters.push({ Key: 'tag-value', Values: [tag.value] })
  const label = `tag '${tag.key}${tag.value === undefined ? '' : `=${tag.value}`}'`
  return listSecrets(
    client,
    filters,
    label,
    secret =>
      (secret.Tags ?? []).some(
        ({ Key, Value }) =>
          Key === tag.key && (tag.value === undefined || (Value ?? '') === tag.value)
      ),
    includePlannedDeletion
  )
}

/** AWS holds at most 500,000 secrets a region: 100 a page, more pages is an endpoint looping. */
export const MAX_LIST_PAGES = 5000

/**
 * ListSecrets page by page, ending on a repeated NextToken (an endpoint that answers every page
 * with the same token would otherwise keep a step listing forever) and after MAX_LIST_PAGES.
 */
export async function* listSecretPages(
  client: SecretsManagerClient,
  input: ListSecretsCommandInput,
  label?: string
): AsyncGenerator<Omit<ListSecretsCommandOutput, 'SecretList'> & { SecretList: NamedEntry[] }> {
  const operation = label ? `ListSecrets for ${label}` : 'ListSecrets'
  const pages = paginateListSecrets({ client, pageSize: 100, stopOnSameToken: true }, input)
  let count = 0
  for await (const page of pages) {
    if (++count > MAX_LIST_PAGES) {
      throw new ActionError(
        `ListSecrets returned more than ${MAX_LIST_PAGES} pages (the endpoint keeps answering ` +
          'with a next page): stopped listing.'
      )
    }
    const entries = listIn(page, 'SecretList', operation)
    if (!entries.every(named)) {
      throw new ActionError(`${operation} answered an entry without a name or ARN.`)
    }
    yield { ...page, SecretList: entries }
  }
}

async function* listSecrets(
  client: SecretsManagerClient,
  filters: Filter[],
  label: string,
  keep: (secret: SecretListEntry) => boolean,
  includePlannedDeletion = false
): AsyncGenerator<ListedSecret[]> {
  const pages = listSecretPages(
    client,
    { Filters: filters, IncludePlannedDeletion: includePlannedDeletion },
    label
  )
  for await (const page of pages) {
    const secrets = page.SecretList.filter(keep).map(secret => ({
      arn: secret.ARN,
      name: secret.Name,
      versions: secret.SecretVersionsToStages ?? {},
      entry: secret
    }))
    log.debug(`ListSecrets ${label}: ${secrets.length} matching on this page`)
    yield secrets
  }
}

type NamedEntry = SecretListEntry & { ARN: string; Name: string }

function named(entry: unknown): entry is NamedEntry {
  return isRecord(entry) && isName(entry.ARN) && isName(entry.Name)
}

/** The secrets a wildcard or tag line selects, page by page. */
export function listSelected(
  client: SecretsManagerClient,
  request: Pick<SecretRequest, 'id' | 'kind' | 'tag'>,
  includePlannedDeletion = false
): AsyncGenerator<ListedSecret[]> {
  return request.kind === 'tag' && request.tag
    ? listSecretsByTag(client, request.tag, includePlannedDeletion)
    : listSecretsByPrefix(client, request.id, includePlannedDeletion)
}

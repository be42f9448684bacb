/**
 * The AWSCURRENT version id of each requested secret, read without reading any value:
 * ListSecrets (SecretVersionsToStages) wherever it can answer, DescribeSecret only where it must.
 */
import { DescribeSecretCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { callLimit, type SecretsManagerClients } from '../aws/client.js'
import { describeAwsError, isAccessDenied, isNotFound } from '../aws/errors.js'
import { ActionError } from '../errors.js'
import { SECRET_NAME_CHARS, secretNameFromArn } from '../aws/arn.js'
import { idNames, requestLabel, type SecretRequest } from '../secrets/ids.js'
import { listSecretPages, listSelected } from '../secrets/read.js'
import { log } from '../output/log.js'
import { metadataOf, type SecretMetadata } from './metadata.js'

export interface SecretVersion {
  name: string
  arn: string
  /** '' when the secret has no AWSCURRENT version (created without a value). */
  versionId: string
  /** What the same ListSecrets or DescribeSecret answer said about the secret. */
  metadata?: SecretMetadata
}

export interface CurrentVersions {
  /** Each secret found, once, whichever requests matched it. */
  secrets: SecretVersion[]
  /** Requests that match no existing secret (not found, or scheduled for deletion). */
  missing: SecretRequest[]
}

/** A ListSecrets filter takes at most 10 values; values are alternatives. */
export const NAME_FILTER_VALUES = 10
// What ListSecrets accepts as a filter value (a leading '!' would mean "not"); anything else
// goes to DescribeSecret alone.
const FILTERABLE = new RegExp(`^(?!!)[${SECRET_NAME_CHARS}]{1,512}$`)

export function currentVersionId(versionsToStages: Record<string, string[]> | undefined): string {
  const entry = Object.entries(versionsToStages ?? {}).find(([, stages]) =>
    stages.includes('AWSCURRENT')
  )
  return entry?.[0] ?? ''
}

/**
 * Fails with one error naming every request AWS refused (other than "not found"). Each ARN is
 * looked up in its own region, everything else in the default region.
 */
export async function readCurrentVersions(
  clients: SecretsManagerClients,
  requests: SecretRequest[]
): Promise<CurrentVersions> {
  const readers = clients
    .byRegion(requests)
    .map(([client, group]) => [new VersionReader(client), group] as const)
  const results = await Promise.all(readers.map(([reader, group]) => reader.all(group)))
  const failures = readers.flatMap(([reader]) => reader.failures)
  if (failures.length > 0) {
    throw new ActionError(
      `Could not read the version ids of ${failures.length} secret(s): ` + failures.join(' ')
    )
  }
  const found = new Map<string, SecretVersion>()
  const missing: SecretRequest[] = []
  for (const { request, secrets } of results.flat()) {
    if (secrets.length === 0) missing.push(request)
    for (const secret of secrets) found.set(secret.name, secret)
  }
  const order = (request: SecretRequest) => requests.indexOf(request)
  return { secrets: [...found.values()], missing: missing.sort((a, b) => order(a) - order(b)) }
}

interface Resolved {
  request: SecretRequest
  secrets: SecretVersion[]
}

class VersionReader {
  readonly failures: string[] = []
  private readonly limit = callLimit()
  private listDenied = false

  constructor(private readonly client: SecretsManagerClient) {}

  async all(requests: SecretRequest[]): Promise<Resolved[]> {
    const selections = requests.filter(
      request => request.kind === 'prefix' || request.kind === 'tag'
    )
    const exact = requests.filter(request => !selections.includes(request))
    const filterable = exact.filter(request => FILTERABLE.test(lookupName(request)))
    const direct = exact.filter(request => !filterable.includes(request))
    const results = await Promise.all([
      ...selections.map(request => this.selected(request)),
      ...batches(filterable).map(batch => this.listed(batch)),
      ...direct.map(request => this.described(request))
    ])
    return results.flat()
  }

  /** What a wildcard or a tag line selects. */
  async selected(request: SecretRequest): Promise<Resolved> {
    const secrets: SecretVersion[] = []
    try {
      await this.limit(async () => {
        for await (const page of listSelected(this.client, request)) {
          for (const { name, arn, versions, entry } of page) {
            const metadata = metadataOf(entry)
            secrets.push({ name, arn, versionId: currentVersionId(versions), metadata })
          }
        }
      })
    } catch (error) {
      this.failures.push(describeAwsError(error, 'ListSecrets', requestLabel(request)))
    }
    return { request, secrets }
  }

  /**
   * Up to 10 names or ARNs in one ListSecrets filter. The filter matches by prefix, so listing
   * stops once every request is answered, or once it has cost as many pages as describing the
   * rest would cost calls; DescribeSecret then answers what is left.
   */
  async listed(requests: SecretRequest[]): Promise<Resolved[]> {
    const answered = new Map<SecretRequest, SecretVersion>()
    const open = () => requests.filter(request => !answered.has(request))
    if (!this.listDenied) {
      try {
        await this.limit(() => this.listInto(requests, answered, open))
      } catch (error) {
        if (!isAccessDenied(error)) {
          const names = requests.map(request => request.id).join("', '")
          this.failures.push(describeAwsError(error, 'ListSecrets', names))
          return []
        }
        this.denyList()
      }
    }
    const described = await Promise.all(open().map(request => this.described(request)))
    const listed = [...answered].map(([request, secret]) => ({ request, secrets: [secret] }))
    return [...listed, ...described]
  }

  private async listInto(
    requests: SecretRequest[],
    answered: Map<SecretRequest, SecretVersion>,
    open: () => SecretRequest[]
  ): Promise<void> {
    const names = [...new Set(requests.map(lookupName))]
    const pages = listSecretPages(
      this.client,
      { Filters: [{ Key: 'name', Values: names }], IncludePlannedDeletion: false },
      'names'
    )
    let count = 0
    for await (const page of pages) {
      count++
      for (const entry of page.SecretList) {
        const secret = {
          name: entry.Name,
          arn: entry.ARN,
          versionId: currentVersionId(entry.SecretVersionsToStages),
          metadata: metadataOf(entry)
        }
        for (const request of open()) if (idNames(request.id, secret)) answered.set(request, secret)
      }
      const left = open().length
      log.debug(`ListSecrets by name, page ${count}: ${left} of ${requests.length} left`)
      if (left === 0 || count >= left) return
    }
  }

  async described(request: SecretRequest): Promise<Resolved> {
    try {
      const secret = await this.limit(() =>
        this.client.send(new DescribeSecretCommand({ SecretId: request.id }))
      )
      if (secret.DeletedDate !== undefined) {
        log.debug(`'${request.id}' is scheduled for deletion`)
        return { request, secrets: [] }
      }
      const versionId = currentVersionId(secret.VersionIdsToStages)
      const found = { name: secret.Name ?? '', arn: secret.ARN ?? '', versionId }
      return { request, secrets: [{ ...found, metadata: metadataOf(secret) }] }
    } catch (error) {
      if (!isNotFound(error))
        this.failures.push(describeAwsError(error, 'DescribeSecret', request.id))
      return { request, secrets: [] }
    }
  }

  private denyList(): void {
    if (this.listDenied) return
    this.listDenied = true
    log.warning(
      'secretsmanager:ListSecrets is denied: reading version ids with DescribeSecret, one call ' +
        'per secret. Allow ListSecrets for fewer calls (wildcards need it).'
    )
  }
}

/** The name to filter ListSecrets by: the name, or an ARN's name without its random suffix. */
function lookupName(request: SecretRequest): string {
  return request.kind === 'arn' ? secretNameFromArn(request.id) : request.id
}

function batches(requests: SecretRequest[]): SecretRequest[][] {
  const out: SecretRequest[][] = []
  for (let i = 0; i < requests.length; i += NAME_FILTER_VALUES) {
    out.push(requests.slice(i, i + NAME_FILTER_VALUES))
  }
  return out
}

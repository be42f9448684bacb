import {
  BatchGetSecretValueCommand,
  GetSecretValueCommand,
  paginateListSecrets,
  type SecretsManagerClient,
  type SecretValueEntry
} from '@aws-sdk/client-secrets-manager'
import * as core from '../actions-core.js'
import { masker, type SecretData } from '../output/mask.js'

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

/** BatchGetSecretValue takes at most 20 ids a call. */
export const BATCH_SIZE = 20

/** Every secret value enters the process through here, and is masked on arrival. */
function received(entry: SecretValueEntry): SecretValue {
  const data: SecretData = entry.SecretBinary ?? entry.SecretString ?? ''
  masker.add(data)
  return {
    arn: entry.ARN ?? '',
    name: entry.Name ?? '',
    versionId: entry.VersionId ?? '',
    data
  }
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
  return received(response)
}

/** Values for up to 20 ids in one call; ids AWS could not read come back as failures. */
export async function batchGetSecretValues(
  client: SecretsManagerClient,
  ids: string[]
): Promise<{ values: SecretValue[]; failures: ReadFailure[] }> {
  const response = await client.send(new BatchGetSecretValueCommand({ SecretIdList: ids }))
  const values = (response.SecretValues ?? []).map(received)
  const failures = (response.Errors ?? []).map(error => ({
    id: error.SecretId ?? '',
    error: { name: error.ErrorCode ?? 'Error', message: error.Message ?? '' },
    // BatchGetSecretValue checks GetSecretValue on each secret: that is what a denial here lacks.
    operation: 'GetSecretValue'
  }))
  return { values, failures }
}

export interface ListedSecret {
  arn: string
  name: string
  /** Version id to stages, as ListSecrets reports it. */
  versions: Record<string, string[]>
}

/** Names starting with the prefix, page by page as ListSecrets returns them. */
export async function* listSecretsByPrefix(
  client: SecretsManagerClient,
  prefix: string
): AsyncGenerator<ListedSecret[]> {
  const pages = paginateListSecrets(
    { client, pageSize: 100 },
    { Filters: [{ Key: 'name', Values: [prefix] }], IncludePlannedDeletion: false }
  )
  for await (const page of pages) {
    // The name filter also matches words inside names on AWS; keep true prefixes only.
    const secrets = (page.SecretList ?? [])
      .filter(secret => secret.Name?.startsWith(prefix))
      .map(secret => ({
        arn: secret.ARN ?? '',
        name: secret.Name ?? '',
        versions: secret.SecretVersionsToStages ?? {}
      }))
    core.debug(`ListSecrets '${prefix}*': ${secrets.length} matching on this page`)
    yield secrets
  }
}

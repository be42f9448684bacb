import * as core from '../actions-core.js'
import {
  CreateSecretCommand,
  PutSecretValueCommand,
  UpdateSecretVersionStageCommand,
  type SecretsManagerClient,
  type Tag
} from '@aws-sdk/client-secrets-manager'
import { createHash } from 'node:crypto'
import { awsFailure, describeAwsError, isAccessDenied, isNotFound } from '../aws/errors.js'
import { ActionError } from '../errors.js'
import type { SecretData } from '../output/mask.js'
import { getSecretValue, type SecretValue } from './read.js'

export const AWSCURRENT = 'AWSCURRENT'

/** Where a write went (or, for a write that was skipped, the version that already held it). */
export interface WrittenVersion {
  arn: string
  name: string
  versionId: string
}

/** Applied only when a secret is created; an existing secret's settings are left alone. */
export interface CreateOptions {
  kmsKeyId?: string
  description?: string
  tags: Tag[]
}

/** A failed AWS call, explained for the user; `awsError` keeps the SDK error for branching. */
export class AwsCallError extends ActionError {
  constructor(
    readonly operation: string,
    readonly secretId: string,
    readonly awsError: unknown
  ) {
    super(describeWriteError(awsError, operation, secretId))
    this.name = 'ActionError'
  }

  get notFound(): boolean {
    return isNotFound(this.awsError)
  }
}

function describeWriteError(error: unknown, operation: string, secretId: string): string {
  const { name } = awsFailure(error)
  if (isAccessDenied(error)) {
    const kms =
      operation === 'GetSecretValue'
        ? 'kms:Decrypt on its KMS key'
        : 'kms:GenerateDataKey and kms:Decrypt on its KMS key when that is a customer managed key'
    return (
      `Access denied to secretsmanager:${operation} for '${secretId}': the credentials need ` +
      `secretsmanager:${operation} on this secret, and ${kms}.`
    )
  }
  // PutSecretValue refuses an existing secret only when the token already names a version.
  if (operation === 'PutSecretValue' && name === 'ResourceExistsException') {
    return (
      `PutSecretValue for '${secretId}' refused: a version with this ClientRequestToken already ` +
      'holds another value, so this step already wrote this secret in this run attempt (matrix ' +
      'jobs share one GITHUB_JOB). Give each write its own client-request-token.'
    )
  }
  if (name === 'EncryptionFailure' || name === 'KMSInvalidStateException') {
    return (
      `${operation} for '${secretId}' could not encrypt the value (${name}): check kms-key-id, ` +
      'that the key is enabled, and kms:GenerateDataKey on it.'
    )
  }
  return describeAwsError(error, operation, secretId)
}

async function call<T>(operation: string, secretId: string, send: () => Promise<T>): Promise<T> {
  try {
    return await send()
  } catch (error) {
    throw new AwsCallError(operation, secretId, error)
  }
}

/** The kind and sha256 of a value: equal digests mean the same bytes, stored the same way. */
export function valueDigest(data: SecretData): string {
  const kind = typeof data === 'string' ? 'string' : 'binary'
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
  return `${kind}:${createHash('sha256').update(bytes).digest('hex')}`
}

export function sameValue(a: SecretData, b: SecretData): boolean {
  return valueDigest(a) === valueDigest(b)
}

function payload(data: SecretData): { SecretString: string } | { SecretBinary: Uint8Array } {
  return typeof data === 'string' ? { SecretString: data } : { SecretBinary: data }
}

function written(out: { ARN?: string; Name?: string; VersionId?: string }): WrittenVersion {
  return { arn: out.ARN ?? '', name: out.Name ?? '', versionId: out.VersionId ?? '' }
}

/**
 * The value a stage labels, masked on arrival; undefined when the secret does not exist or no
 * version has the stage. The stage is always named: moto's unstaged default can lag behind.
 */
export async function readStage(
  client: SecretsManagerClient,
  secretId: string,
  stage = AWSCURRENT
): Promise<SecretValue | undefined> {
  try {
    return await getSecretValue(client, secretId, { versionStage: stage })
  } catch (error) {
    if (isNotFound(error)) return undefined
    throw new AwsCallError('GetSecretValue', secretId, error)
  }
}

/**
 * Whether every stage already labels exactly this value: the version that does, else undefined.
 * When the value cannot be read, says so and answers undefined: writing is then the safe side.
 */
export async function versionHolding(
  client: SecretsManagerClient,
  secretId: string,
  data: SecretData,
  stages: string[]
): Promise<SecretValue | undefined> {
  try {
    const current = await Promise.all(stages.map(stage => readStage(client, secretId, stage)))
    const held = current.every(value => value !== undefined && sameValue(value.data, data))
    return held ? current[0] : undefined
  } catch (error) {
    const cause = error instanceof AwsCallError ? error.awsError : error
    const { name } = awsFailure(cause)
    if (!isAccessDenied(cause) && name !== 'DecryptionFailure') throw error
    core.warning(
      `skip-unchanged: cannot read '${secretId}' to compare (${name}); writing without ` +
        'comparing. Allow secretsmanager:GetSecretValue and kms:Decrypt, or set skip-unchanged: false.'
    )
    return undefined
  }
}

export interface WriteRequest {
  secretId: string
  data: SecretData
  /** ClientRequestToken: the id of the new version; the same token never writes twice. */
  token: string
  stages?: string[]
}

/** PutSecretValue. A retry with the same token and value is answered with the same version. */
export async function putValue(
  client: SecretsManagerClient,
  request: WriteRequest
): Promise<WrittenVersion> {
  const { secretId, data, token, stages } = request
  const out = await call('PutSecretValue', secretId, () =>
    client.send(
      new PutSecretValueCommand({
        SecretId: secretId,
        ClientRequestToken: token,
        VersionStages: stages,
        ...payload(data)
      })
    )
  )
  core.debug(`PutSecretValue '${secretId}': version ${out.VersionId}`)
  return written(out)
}

/**
 * CreateSecret with its first version (always AWSCURRENT); undefined when a secret of that name
 * exists already (another writer was first, or it exists without a value).
 */
export async function createSecret(
  client: SecretsManagerClient,
  request: WriteRequest,
  options: CreateOptions
): Promise<WrittenVersion | undefined> {
  const { secretId, data, token } = request
  try {
    const out = await client.send(
      new CreateSecretCommand({
        Name: secretId,
        ClientRequestToken: token,
        KmsKeyId: options.kmsKeyId,
        Description: options.description,
        Tags: options.tags.length > 0 ? options.tags : undefined,
        ...payload(data)
      })
    )
    core.debug(`CreateSecret '${secretId}': version ${out.VersionId}`)
    return written(out)
  } catch (error) {
    if (awsFailure(error).name === 'ResourceExistsException') {
      core.debug(`CreateSecret '${secretId}': it exists already`)
      return undefined
    }
    throw new AwsCallError('CreateSecret', secretId, error)
  }
}

/** Adds stage labels to a version of a new secret (CreateSecret labels only AWSCURRENT). */
export async function addStages(
  client: SecretsManagerClient,
  secretId: string,
  versionId: string,
  stages: string[]
): Promise<void> {
  for (const stage of stages.filter(stage => stage !== AWSCURRENT)) {
    await call('UpdateSecretVersionStage', secretId, () =>
      client.send(
        new UpdateSecretVersionStageCommand({
          SecretId: secretId,
          VersionStage: stage,
          MoveToVersionId: versionId
        })
      )
    )
  }
}

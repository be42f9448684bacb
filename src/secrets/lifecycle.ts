/**
 * A secret's life around its values: scheduled deletion, restore, replicas, deletion.
 * Every call here is by name or ARN and reads or changes settings, never a value.
 */
import {
  DeleteSecretCommand,
  DescribeSecretCommand,
  RemoveRegionsFromReplicationCommand,
  ReplicateSecretToRegionsCommand,
  RestoreSecretCommand,
  type DescribeSecretResponse,
  type ReplicaRegionType,
  type SecretsManagerClient
} from '@aws-sdk/client-secrets-manager'
import { describeAwsError, isNotFound } from '../aws/errors.js'
import { REGION_NAME } from '../aws/region.js'
import { ActionError, InputError } from '../errors.js'
import type { Inputs } from '../inputs/reader.js'
import { log } from '../output/log.js'
import { isoDate, replicationStatus } from '../aws/answers.js'

export interface SecretDescription {
  arn: string
  name: string
  /** Set while the secret is scheduled for deletion: the date it is deleted on. */
  deletedDate?: Date
  /** Region of each replica to its replication status. */
  replicas: Record<string, string>
}

/** DescribeSecret; undefined when no such secret exists. */
export async function describeSecret(
  client: SecretsManagerClient,
  secretId: string
): Promise<SecretDescription | undefined> {
  let out: DescribeSecretResponse
  try {
    out = await client.send(new DescribeSecretCommand({ SecretId: secretId }))
  } catch (error) {
    if (isNotFound(error)) return undefined
    throw new ActionError(describeAwsError(error, 'DescribeSecret', secretId))
  }
  return described(out, secretId)
}

function described(out: DescribeSecretResponse, secretId: string): SecretDescription {
  return {
    arn: out.ARN ?? secretId,
    name: out.Name ?? secretId,
    deletedDate: out.DeletedDate,
    replicas: replicationStatus(out.ReplicationStatus)
  }
}

// ---------- writes on a secret scheduled for deletion ----------

export function parseRestoreIfDeleted(inputs: Inputs): boolean {
  return inputs.bool('restore-if-deleted', false)
}

export function parseDryRun(inputs: Inputs): boolean {
  return inputs.bool('dry-run', false)
}

/**
 * A write to a secret scheduled for deletion fails on AWS with an opaque error: refuse it
 * clearly, or restore the secret first (restore-if-deleted). The decision is read from
 * DescribeSecret's DeletedDate. Returns whether the secret is (or, in a dry run, would be)
 * restored.
 */
export async function restoreIfDeleted(
  client: SecretsManagerClient,
  secret: { arn: string; name: string; deletedDate?: Date },
  options: { restore: boolean; dryRun: boolean }
): Promise<boolean> {
  if (secret.deletedDate === undefined) return false
  if (!options.restore) {
    throw new ActionError(
      `Secret '${secret.name}' is scheduled for deletion on ` +
        `${isoDate(secret.deletedDate) ?? 'an unknown date'}: nothing was written. Set restore-if-deleted: ` +
        'true to restore it and write, or give another secret-id.'
    )
  }
  if (options.dryRun) return true
  try {
    await client.send(new RestoreSecretCommand({ SecretId: secret.arn }))
  } catch (error) {
    throw new ActionError(describeAwsError(error, 'RestoreSecret', secret.name))
  }
  log.info(`Restored '${secret.name}', which was scheduled for deletion (restore-if-deleted)`)
  return true
}

// ---------- replication ----------

const KMS_KEY = /^[\x21-\x7e]{1,2048}$/

/** replica-regions: one region a line, or REGION=KMS_KEY_ID. */
export function parseReplicaRegions(inputs: Inputs): ReplicaRegionType[] {
  const replicas: ReplicaRegionType[] = []
  for (const line of inputs.lines('replica-regions')) {
    const eq = line.indexOf('=')
    const region = (eq < 0 ? line : line.slice(0, eq)).trim()
    const kmsKeyId = eq < 0 ? undefined : line.slice(eq + 1).trim()
    if (!REGION_NAME.test(region)) {
      throw new InputError('replica-regions', `'${region}' is not a region name such as eu-west-1`)
    }
    if (kmsKeyId !== undefined && !KMS_KEY.test(kmsKeyId)) {
      throw new InputError('replica-regions', `the KMS key of ${region} is not a key id or ARN`)
    }
    if (replicas.some(r => r.Region === region)) {
      throw new InputError('replica-regions', `${region} is given twice`)
    }
    replicas.push(kmsKeyId ? { Region: region, KmsKeyId: kmsKeyId } : { Region: region })
  }
  return replicas
}

/**
 * Refuses a replica in the secret's own region before anything is written: AWS would refuse
 * the replication only after the new value was stored.
 */
export function refuseOwnRegion(replicas: ReplicaRegionType[], region: string | undefined): void {
  if (region !== undefined && replicas.some(replica => replica.Region === region)) {
    throw new InputError('replica-regions', `${region} is the secret's own region`)
  }
}

/** The wanted replicas a secret lacks; a replica it has and that is not listed is kept. */
export function missingReplicas(
  wanted: ReplicaRegionType[],
  existing: Record<string, string>
): ReplicaRegionType[] {
  return wanted.filter(replica => !Object.hasOwn(existing, replica.Region ?? ''))
}

/** ReplicateSecretToRegions for the regions the secret lacks; returns each region's status. */
export async function replicateMissing(
  client: SecretsManagerClient,
  secret: SecretDescription,
  wanted: ReplicaRegionType[]
): Promise<Record<string, string>> {
  const missing = missingReplicas(wanted, secret.replicas)
  if (missing.length === 0) return secret.replicas
  try {
    const out = await client.send(
      new ReplicateSecretToRegionsCommand({
        SecretId: secret.arn,
        AddReplicaRegions: missing,
        ForceOverwriteReplicaSecret: false
      })
    )
    log.info(`Replicating '${secret.name}' to ${missing.map(r => r.Region).join(', ')}`)
    return { ...secret.replicas, ...replicationStatus(out.ReplicationStatus) }
  } catch (error) {
    throw new ActionError(describeAwsError(error, 'ReplicateSecretToRegions', secret.name))
  }
}

// ---------- deletion ----------

export type Deletion = { force: true } | { force: false; recoveryWindowDays: number }

/** RemoveRegionsFromReplication: AWS refuses to delete a primary secret that has replicas. */
export async function removeReplicas(
  client: SecretsManagerClient,
  secret: SecretDescription
): Promise<void> {
  const regions = Object.keys(secret.replicas)
  if (regions.length === 0) return
  try {
    await client.send(
      new RemoveRegionsFromReplicationCommand({
        SecretId: secret.arn,
        RemoveReplicaRegions: regions
      })
    )
  } catch (error) {
    throw new ActionError(describeAwsError(error, 'RemoveRegionsFromReplication', secret.name))
  }
  log.info(`Removed the replicas of '${secret.name}' in ${regions.join(', ')} before deleting it`)
}

/** DeleteSecret; undefined when the secret was gone already. Returns the deletion date. */
export async function deleteSecret(
  client: SecretsManagerClient,
  secret: SecretDescription,
  deletion: Deletion
): Promise<Date | undefined> {
  try {
    const out = await client.send(
      new DeleteSecretCommand(
        deletion.force
          ? { SecretId: secret.arn, ForceDeleteWithoutRecovery: true }
          : { SecretId: secret.arn, RecoveryWindowInDays: deletion.recoveryWindowDays }
      )
    )
    return deletion.force ? new Date() : (out.DeletionDate ?? new Date())
  } catch (error) {
    if (isNotFound(error)) return undefined
    throw new ActionError(describeAwsError(error, 'DeleteSecret', secret.name))
  }
}

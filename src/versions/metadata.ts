/**
 * What ListSecrets (or DescribeSecret, where it answered instead) says about a secret besides
 * its versions, as the Concourse resource hands it out: settings and dates, never a value.
 */
import type { DescribeSecretResponse, SecretListEntry } from '@aws-sdk/client-secrets-manager'
import { replicationStatus } from '../secrets/lifecycle.js'

export interface SecretMetadata {
  arn: string
  description?: string
  tags: Record<string, string>
  kmsKeyId?: string
  rotationEnabled: boolean
  rotationLambdaArn?: string
  rotationRules?: Record<string, unknown>
  lastRotatedDate?: string
  nextRotationDate?: string
  lastChangedDate?: string
  createdDate?: string
  owningService?: string
  primaryRegion?: string
  /** Only DescribeSecret names the replicas; ListSecrets does not. */
  replicationRegions?: Record<string, string>
}

export function metadataOf(entry: SecretListEntry | DescribeSecretResponse): SecretMetadata {
  // An answer's date can be out of a Date's range (a finite epoch far off): left out, not thrown.
  const date = (value: Date | undefined) =>
    value && !Number.isNaN(value.getTime()) ? value.toISOString() : undefined
  const replicas = 'ReplicationStatus' in entry ? entry.ReplicationStatus : undefined
  const metadata: SecretMetadata = {
    arn: entry.ARN ?? '',
    description: entry.Description,
    tags: Object.fromEntries((entry.Tags ?? []).map(tag => [tag.Key ?? '', tag.Value ?? ''])),
    kmsKeyId: entry.KmsKeyId,
    rotationEnabled: entry.RotationEnabled ?? false,
    rotationLambdaArn: entry.RotationLambdaARN || undefined,
    rotationRules: entry.RotationRules as Record<string, unknown> | undefined,
    lastRotatedDate: date(entry.LastRotatedDate),
    nextRotationDate: date(entry.NextRotationDate),
    lastChangedDate: date(entry.LastChangedDate),
    createdDate: date(entry.CreatedDate),
    owningService: entry.OwningService || undefined,
    primaryRegion: entry.PrimaryRegion || undefined,
    replicationRegions: replicas && replicationStatus(replicas)
  }
  // Absent settings are left out rather than written as null.
  return Object.fromEntries(
    Object.entries(metadata).filter(([, value]) => value !== undefined)
  ) as unknown as SecretMetadata
}

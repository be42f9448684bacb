/**
 * What ListSecrets (or DescribeSecret, where it answered instead) says about a secret besides
 * its versions, as the Concourse resource hands it out: settings and dates, never a value.
 */
import type { DescribeSecretResponse, SecretListEntry } from '@aws-sdk/client-secrets-manager'
import { isoDate, replicationStatus } from '../aws/answers.js'

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
  const replicas = 'ReplicationStatus' in entry ? entry.ReplicationStatus : undefined
  const metadata: SecretMetadata = {
    arn: entry.ARN ?? '',
    description: entry.Description,
    tags: Object.fromEntries((entry.Tags ?? []).map(tag => [tag.Key ?? '', tag.Value ?? ''])),
    kmsKeyId: entry.KmsKeyId,
    rotationEnabled: entry.RotationEnabled ?? false,
    rotationLambdaArn: entry.RotationLambdaARN || undefined,
    rotationRules: entry.RotationRules as Record<string, unknown> | undefined,
    lastRotatedDate: isoDate(entry.LastRotatedDate),
    nextRotationDate: isoDate(entry.NextRotationDate),
    lastChangedDate: isoDate(entry.LastChangedDate),
    createdDate: isoDate(entry.CreatedDate),
    owningService: entry.OwningService || undefined,
    primaryRegion: entry.PrimaryRegion || undefined,
    replicationRegions: replicas && replicationStatus(replicas)
  }
  // Absent settings are left out rather than written as null.
  return Object.fromEntries(
    Object.entries(metadata).filter(([, value]) => value !== undefined)
  ) as unknown as SecretMetadata
}

import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { Inputs } from '../../../src/inputs/reader.js'
import { InputError } from '../../../src/errors.js'
import { missingReplicas, parseReplicaRegions } from '../../../src/secrets/lifecycle.js'
import { metadataOf } from '../../../src/versions/metadata.js'

const regions = (text: string) =>
  parseReplicaRegions(new Inputs(name => (name === 'replica-regions' ? text : '')))

describe('parseReplicaRegions', () => {
  it('reads regions and REGION=KMS_KEY_ID lines', () => {
    expect(regions('eu-west-1\n\n  ap-south-1 = alias/k \n')).toEqual([
      { Region: 'eu-west-1' },
      { Region: 'ap-south-1', KmsKeyId: 'alias/k' }
    ])
    expect(regions('')).toEqual([])
  })

  it('never throws anything but a one-line InputError naming replica-regions', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), text => {
        try {
          const parsed = regions(text)
          for (const replica of parsed)
            expect(replica.Region).toMatch(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/)
        } catch (error) {
          expect(error).toBeInstanceOf(InputError)
          expect((error as InputError).input).toBe('replica-regions')
          expect((error as Error).message).not.toMatch(/\n/)
        }
      })
    )
  })
})

describe('missingReplicas', () => {
  it('keeps the wanted regions a secret lacks; never asks to remove one', () => {
    const wanted = [{ Region: 'eu-west-1' }, { Region: 'us-west-2', KmsKeyId: 'k' }]
    expect(missingReplicas(wanted, { 'eu-west-1': 'InSync', 'eu-north-1': 'InSync' })).toEqual([
      { Region: 'us-west-2', KmsKeyId: 'k' }
    ])
    expect(missingReplicas(wanted, { 'eu-west-1': 'InSync', 'us-west-2': 'Failed' })).toEqual([])
  })
})

describe('metadataOf', () => {
  it('maps a ListSecrets entry to settings and dates, leaving out what is absent', () => {
    const date = new Date('2026-01-02T03:04:05Z')
    expect(
      metadataOf({
        ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf',
        Name: 'db',
        Tags: [{ Key: 'team', Value: 'x' }],
        RotationEnabled: true,
        RotationRules: { AutomaticallyAfterDays: 30 },
        LastRotatedDate: date,
        PrimaryRegion: 'us-east-1',
        SecretVersionsToStages: { v1: ['AWSCURRENT'] }
      })
    ).toEqual({
      arn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf',
      tags: { team: 'x' },
      rotationEnabled: true,
      rotationRules: { AutomaticallyAfterDays: 30 },
      lastRotatedDate: '2026-01-02T03:04:05.000Z',
      primaryRegion: 'us-east-1'
    })
  })

  it('names replicas from a DescribeSecret answer', () => {
    expect(
      metadataOf({ ARN: 'a', ReplicationStatus: [{ Region: 'eu-west-1', Status: 'InSync' }] })
        .replicationRegions
    ).toEqual({ 'eu-west-1': 'InSync' })
  })
})

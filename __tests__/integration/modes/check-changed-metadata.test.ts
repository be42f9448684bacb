import { describe, expect, it } from '@jest/globals'
import { CreateSecretCommand } from '@aws-sdk/client-secrets-manager'
import { checkChangedMode } from '../../../src/modes/check-changed.js'
import { contextFor, inputsFrom } from '../../harness/context.js'
import { useCapturedStdout, useMoto } from '../../harness/jest-moto.js'
import { seedSecrets } from '../../harness/moto.js'
import { startProxy, type FaultFn } from '../../harness/proxy.js'

const moto = useMoto()
useCapturedStdout()

async function check(secretIds: string, fault?: FaultFn) {
  const proxy = await startProxy({ target: moto.endpoint, fault })
  try {
    const config = checkChangedMode.parse(inputsFrom({ 'secret-ids': secretIds, cache: 'none' }))
    const emission = await checkChangedMode.run(config, contextFor(proxy.endpoint))
    return { emission, calls: proxy.calls() }
  } finally {
    await proxy.stop()
  }
}

describe('check-changed metadata', () => {
  it('maps each secret to what ListSecrets returned, at no extra call, never a value', async () => {
    const created = await moto.client.send(
      new CreateSecretCommand({
        Name: 'meta/db',
        SecretString: 'meta-secret-value-1',
        Description: 'the database',
        KmsKeyId: 'alias/meta',
        Tags: [{ Key: 'team', Value: 'payments' }]
      })
    )
    await seedSecrets(moto.client, [{ name: 'meta/api', value: 'meta-secret-value-2' }])
    const { emission, calls } = await check('meta/*')
    expect(calls).toEqual({ ListSecrets: 1 })
    const metadata = JSON.parse(emission.outputs?.metadata ?? '') as Record<
      string,
      Record<string, unknown>
    >
    expect(Object.keys(metadata)).toEqual(['meta/api', 'meta/db'])
    expect(metadata['meta/db']).toMatchObject({
      arn: created.ARN,
      description: 'the database',
      kmsKeyId: 'alias/meta',
      tags: { team: 'payments' },
      rotationEnabled: false
    })
    expect(Date.parse(metadata['meta/db'].lastChangedDate as string)).toBeGreaterThan(0)
    expect(emission.outputs?.metadata).not.toContain('meta-secret-value')
    expect(emission.plainFiles).toEqual([
      { file: 'metadata.json', text: `${JSON.stringify(metadata, null, 2)}\n` }
    ])
  })

  it('names replicas where DescribeSecret answered (ListSecrets denied)', async () => {
    await moto.client.send(
      new CreateSecretCommand({
        Name: 'meta/replicated',
        SecretString: 'v',
        AddReplicaRegions: [{ Region: 'eu-west-1' }]
      })
    )
    const denyList: FaultFn = req =>
      req.operation === 'ListSecrets' ? { kind: 'denied' } : undefined
    const { emission, calls } = await check('meta/replicated', denyList)
    expect(calls.DescribeSecret).toBe(1)
    const metadata = JSON.parse(emission.outputs?.metadata ?? '') as Record<
      string,
      Record<string, unknown>
    >
    expect(metadata['meta/replicated'].replicationRegions).toEqual({
      'eu-west-1': expect.any(String)
    })
  })
})

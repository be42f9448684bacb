// restore-if-deleted, replica-regions and dry-run in the write modes, against moto.
import { describe, expect, it } from '@jest/globals'
import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  ListSecretVersionIdsCommand,
  PutSecretValueCommand
} from '@aws-sdk/client-secrets-manager'
import { deleteMode } from '../../../src/modes/delete.js'
import { pushGeneratedMode } from '../../../src/modes/push-generated.js'
import { putMode } from '../../../src/modes/put.js'
import { rotateMode } from '../../../src/modes/rotate.js'
import type { ModeHandler } from '../../../src/modes/types.js'
import { contextFor, inputsFrom } from '../../harness/context.js'
import { useCapturedStdout, useMoto } from '../../harness/jest-moto.js'
import { seedSecrets } from '../../harness/moto.js'
import { startProxy } from '../../harness/proxy.js'

const moto = useMoto()
const stdout = useCapturedStdout()

const RUN = { GITHUB_RUN_ID: '901', GITHUB_RUN_ATTEMPT: '1', GITHUB_JOB: 'j', GITHUB_ACTION: 's' }

/** Every Secrets Manager operation that changes something; a dry run makes none of them. */
const WRITE_OPERATIONS = [
  'PutSecretValue',
  'CreateSecret',
  'UpdateSecret',
  'UpdateSecretVersionStage',
  'RotateSecret',
  'CancelRotateSecret',
  'DeleteSecret',
  'RestoreSecret',
  'TagResource',
  'UntagResource',
  'ReplicateSecretToRegions',
  'RemoveRegionsFromReplication',
  'StopReplicationToReplica',
  'PutResourcePolicy'
]

async function run<C>(
  mode: ModeHandler<C>,
  inputs: Record<string, string>,
  endpoint = moto.endpoint
) {
  return mode.run(mode.parse(inputsFrom(inputs)), contextFor(endpoint, RUN))
}

async function counted<T>(fn: (endpoint: string) => Promise<T>) {
  const proxy = await startProxy({ target: moto.endpoint })
  try {
    const result = await fn(proxy.endpoint)
    return { result, calls: proxy.calls() }
  } finally {
    await proxy.stop()
  }
}

const writesIn = (calls: Record<string, number>) =>
  Object.keys(calls).filter(operation => WRITE_OPERATIONS.includes(operation))

const describe_ = (id: string) => moto.client.send(new DescribeSecretCommand({ SecretId: id }))
const current = async (id: string) =>
  (await moto.client.send(new GetSecretValueCommand({ SecretId: id, VersionStage: 'AWSCURRENT' })))
    .SecretString
const versions = async (id: string) =>
  (await moto.client.send(new ListSecretVersionIdsCommand({ SecretId: id }))).Versions?.length ?? 0

async function scheduleDeletion(id: string) {
  await moto.client.send(new DeleteSecretCommand({ SecretId: id, RecoveryWindowInDays: 7 }))
  return (await describe_(id)).DeletedDate as Date
}

const GEN_FIELDS = 'username:\n  value: app\npassword:\n  generator:\n    passwordLength: 20'

describe('writes on a secret scheduled for deletion', () => {
  // moto lets PutSecretValue write to a deleted secret (AWS refuses): the refusal must come from
  // DescribeSecret's DeletedDate, so these tests fail if the mode relied on the write failing.
  it.each([
    ['put', putMode, { 'secret-string': 'new-value-1' }],
    ['push-generated', pushGeneratedMode, { fields: GEN_FIELDS, 'update-policy': 'AlwaysUpdate' }],
    ['rotate', rotateMode, { 'rotation-strategy': 'in-workflow', generator: 'passwordLength: 20' }]
  ] as const)('%s refuses, naming the date and restore-if-deleted', async (_, mode, inputs) => {
    await seedSecrets(moto.client, [{ name: 'pr/9', value: '{"username":"app"}' }])
    const date = await scheduleDeletion('pr/9')
    const { result, calls } = await counted(endpoint =>
      run(mode as ModeHandler<unknown>, { 'secret-id': 'pr/9', ...inputs }, endpoint).catch(
        (error: Error) => error
      )
    )
    expect(result).toBeInstanceOf(Error)
    expect((result as Error).message).toContain(
      `'pr/9' is scheduled for deletion on ${date.toISOString()}`
    )
    expect((result as Error).message).toContain('restore-if-deleted: true')
    expect(writesIn(calls)).toEqual([])
    expect(await versions('pr/9')).toBe(1)
  })

  it.each([
    ['put', putMode, { 'secret-string': 'new-value-1' }],
    ['push-generated', pushGeneratedMode, { fields: GEN_FIELDS, 'update-policy': 'AlwaysUpdate' }],
    [
      'rotate',
      rotateMode,
      {
        'rotation-strategy': 'in-workflow',
        fields: 'password:\n  generator:\n    passwordLength: 20'
      }
    ]
  ] as const)('%s with restore-if-deleted restores, then writes', async (_, mode, inputs) => {
    await seedSecrets(moto.client, [{ name: 'pr/10', value: '{"username":"app"}' }])
    await scheduleDeletion('pr/10')
    const { calls } = await counted(endpoint =>
      run(
        mode as ModeHandler<unknown>,
        { 'secret-id': 'pr/10', 'restore-if-deleted': 'true', ...inputs },
        endpoint
      )
    )
    expect(calls.RestoreSecret).toBe(1)
    expect((await describe_('pr/10')).DeletedDate).toBeUndefined()
    expect(await current('pr/10')).not.toBe('{"username":"app"}')
    expect(stdout.text()).toContain("Restored 'pr/10'")
  })
})

describe('replica-regions', () => {
  it('put creates the secret with its replicas and outputs their status', async () => {
    const bodies: string[] = []
    const proxy = await startProxy({
      target: moto.endpoint,
      fault: req => void (req.operation === 'CreateSecret' && bodies.push(req.body))
    })
    try {
      const result = await run(
        putMode,
        {
          'secret-id': 'rep/new',
          'secret-string': 'replicated-value-1',
          'create-if-missing': 'true',
          'replica-regions': 'eu-west-1\nap-south-1=alias/replica-key'
        },
        proxy.endpoint
      )
      const status = JSON.parse(result.outputs?.['replication-status'] ?? '') as Record<
        string,
        string
      >
      expect(Object.keys(status).sort()).toEqual(['ap-south-1', 'eu-west-1'])
      expect(proxy.calls().ReplicateSecretToRegions).toBeUndefined()
    } finally {
      await proxy.stop()
    }
    // moto stores no replica KMS key: the request itself carries it.
    expect(JSON.parse(bodies[0]).AddReplicaRegions).toEqual([
      { Region: 'eu-west-1' },
      { Region: 'ap-south-1', KmsKeyId: 'alias/replica-key' }
    ])
    const regions = (await describe_('rep/new')).ReplicationStatus?.map(r => r.Region).sort()
    expect(regions).toEqual(['ap-south-1', 'eu-west-1'])
  })

  it('an existing secret gets only the regions it lacks, and keeps the others', async () => {
    await moto.client.send(
      new CreateSecretCommand({
        Name: 'rep/old',
        SecretString: '{"username":"app"}',
        AddReplicaRegions: [{ Region: 'eu-central-1' }]
      })
    )
    const { result, calls } = await counted(endpoint =>
      run(
        pushGeneratedMode,
        {
          'secret-id': 'rep/old',
          fields: GEN_FIELDS,
          'update-policy': 'MergeMissing',
          'replica-regions': 'eu-west-1'
        },
        endpoint
      )
    )
    expect(calls.ReplicateSecretToRegions).toBe(1)
    expect(calls.RemoveRegionsFromReplication).toBeUndefined()
    const status = JSON.parse(result.outputs?.['replication-status'] ?? '') as Record<
      string,
      string
    >
    expect(Object.keys(status).sort()).toEqual(['eu-central-1', 'eu-west-1'])
    const regions = (await describe_('rep/old')).ReplicationStatus?.map(r => r.Region).sort()
    expect(regions).toEqual(['eu-central-1', 'eu-west-1'])

    // Again: nothing lacks, no replication call.
    const again = await counted(endpoint =>
      run(
        putMode,
        { 'secret-id': 'rep/old', 'secret-string': 'x-value', 'replica-regions': 'eu-west-1' },
        endpoint
      )
    )
    expect(again.calls.ReplicateSecretToRegions).toBeUndefined()
  })

  it.each([
    ['not-a-region', /'not-a-region' is not a region name/],
    ['eu-west-1\neu-west-1', /eu-west-1 is given twice/],
    ['eu-west-1=bad key', /the KMS key of eu-west-1/]
  ])('refuses replica-regions %j before any call', (regions, error) => {
    expect(() =>
      putMode.parse(
        inputsFrom({ 'secret-id': 'x', 'secret-string': 'v', 'replica-regions': regions })
      )
    ).toThrow(error)
  })
})

describe('dry-run makes only read calls', () => {
  it('put: create, new version and unchanged are planned, never performed', async () => {
    const create = await counted(endpoint =>
      run(
        putMode,
        {
          'secret-id': 'dry/put',
          'secret-string': 'dry-value-1',
          'create-if-missing': 'true',
          'replica-regions': 'eu-west-1',
          'dry-run': 'true'
        },
        endpoint
      )
    )
    expect(writesIn(create.calls)).toEqual([])
    expect(JSON.parse(create.result.outputs?.plan ?? '')).toMatchObject({
      action: 'create',
      'replicate-to': ['eu-west-1']
    })
    await expect(describe_('dry/put')).rejects.toMatchObject({ name: 'ResourceNotFoundException' })

    await seedSecrets(moto.client, [{ name: 'dry/put', value: 'dry-value-1' }])
    const same = await counted(endpoint =>
      run(
        putMode,
        { 'secret-id': 'dry/put', 'secret-string': 'dry-value-1', 'dry-run': 'true' },
        endpoint
      )
    )
    expect(writesIn(same.calls)).toEqual([])
    expect(JSON.parse(same.result.outputs?.plan ?? '')).toMatchObject({ action: 'unchanged' })

    const other = await counted(endpoint =>
      run(
        putMode,
        { 'secret-id': 'dry/put', 'secret-string': 'dry-value-2', 'dry-run': 'true' },
        endpoint
      )
    )
    expect(writesIn(other.calls)).toEqual([])
    const plan = JSON.parse(other.result.outputs?.plan ?? '') as Record<string, unknown>
    expect(plan).toMatchObject({ action: 'new-version', stages: ['AWSCURRENT'] })
    expect(JSON.stringify(other.result)).not.toContain('dry-value-2')
    expect(await versions('dry/put')).toBe(1)
  })

  it('put: a dry run fails for the same reasons as a real run', async () => {
    await expect(
      run(putMode, { 'secret-id': 'dry/missing', 'secret-string': 'v', 'dry-run': 'true' })
    ).rejects.toThrow(/not found.*create-if-missing/)
    await seedSecrets(moto.client, [{ name: 'dry/deleted', value: 'v' }])
    await scheduleDeletion('dry/deleted')
    await expect(
      run(putMode, { 'secret-id': 'dry/deleted', 'secret-string': 'v2', 'dry-run': 'true' })
    ).rejects.toThrow(/scheduled for deletion/)
    const restore = await counted(endpoint =>
      run(
        putMode,
        {
          'secret-id': 'dry/deleted',
          'secret-string': 'v2',
          'dry-run': 'true',
          'restore-if-deleted': 'true'
        },
        endpoint
      )
    )
    expect(writesIn(restore.calls)).toEqual([])
    expect(JSON.parse(restore.result.outputs?.plan ?? '')).toMatchObject({
      action: 'new-version',
      restore: true
    })
    expect((await describe_('dry/deleted')).DeletedDate).toBeDefined()
  })

  it('push-generated: the fields that would be generated, and no password asked for', async () => {
    const created = await counted(endpoint =>
      run(
        pushGeneratedMode,
        { 'secret-id': 'dry/gen', fields: GEN_FIELDS, 'dry-run': 'true' },
        endpoint
      )
    )
    expect(writesIn(created.calls)).toEqual([])
    expect(created.calls.GetRandomPassword).toBeUndefined()
    expect(JSON.parse(created.result.outputs?.plan ?? '')).toMatchObject({
      action: 'create',
      'fields-written': ['username', 'password'],
      'fields-generated': ['password']
    })
    await seedSecrets(moto.client, [{ name: 'dry/gen', value: '{"username":"app"}' }])
    const merged = await counted(endpoint =>
      run(
        pushGeneratedMode,
        {
          'secret-id': 'dry/gen',
          fields: GEN_FIELDS,
          'update-policy': 'MergeMissing',
          'dry-run': 'true'
        },
        endpoint
      )
    )
    expect(writesIn(merged.calls)).toEqual([])
    expect(JSON.parse(merged.result.outputs?.plan ?? '')).toMatchObject({
      action: 'new-version',
      'fields-generated': ['password']
    })
    expect(merged.result.secrets ?? []).toEqual([])
    const kept = await run(pushGeneratedMode, {
      'secret-id': 'dry/gen',
      fields: GEN_FIELDS,
      'dry-run': 'true'
    })
    expect(JSON.parse(kept.outputs?.plan ?? '')).toMatchObject({ action: 'unchanged' })
    expect(await versions('dry/gen')).toBe(1)
  })

  it('rotate in-workflow: the stages that would move; the version is not written', async () => {
    const [seeded] = await seedSecrets(moto.client, [{ name: 'dry/rot', value: 'old-rot-value' }])
    for (const phase of ['all', 'create']) {
      const { result, calls } = await counted(endpoint =>
        run(
          rotateMode,
          {
            'secret-id': 'dry/rot',
            'rotation-strategy': 'in-workflow',
            phase,
            generator: 'passwordLength: 20',
            'dry-run': 'true'
          },
          endpoint
        )
      )
      expect(writesIn(calls)).toEqual([])
      expect(calls.GetRandomPassword).toBeUndefined()
      const plan = JSON.parse(result.outputs?.plan ?? '') as { 'stages-would-move': string[] }
      expect(plan['stages-would-move'][0]).toMatch(/^AWSPENDING to the new version/)
      expect(plan['stages-would-move']).toHaveLength(phase === 'all' ? 2 : 1)
      expect(result.state ?? {}).toEqual({})
    }
    expect(await versions('dry/rot')).toBe(1)
    expect(await current('dry/rot')).toBe('old-rot-value')

    // finish: the pending version would become current.
    const pending = 'b'.repeat(32)
    await moto.client.send(
      new PutSecretValueCommand({
        SecretId: 'dry/rot',
        ClientRequestToken: pending,
        SecretString: 'pending-rot-value',
        VersionStages: ['AWSPENDING']
      })
    )
    const finish = await counted(endpoint =>
      run(
        rotateMode,
        {
          'secret-id': 'dry/rot',
          'rotation-strategy': 'in-workflow',
          phase: 'finish',
          'dry-run': 'true'
        },
        endpoint
      )
    )
    expect(writesIn(finish.calls)).toEqual([])
    expect(JSON.parse(finish.result.outputs?.plan ?? '')).toMatchObject({
      action: 'finish',
      'stages-would-move': [`AWSCURRENT from ${seeded.versionId} to ${pending}`]
    })
  })

  it('rotate: a stale AWSPENDING fails a dry run as it fails a real one; clearing is only planned', async () => {
    await seedSecrets(moto.client, [{ name: 'dry/stale', value: 'v1' }])
    const stale = 'c'.repeat(32)
    await moto.client.send(
      new PutSecretValueCommand({
        SecretId: 'dry/stale',
        ClientRequestToken: stale,
        SecretString: 'v2',
        VersionStages: ['AWSPENDING']
      })
    )
    const inputs = {
      'secret-id': 'dry/stale',
      'rotation-strategy': 'in-workflow',
      generator: 'passwordLength: 20',
      'dry-run': 'true'
    }
    await expect(run(rotateMode, inputs)).rejects.toThrow(/A stale rotation blocks this one/)
    const { result, calls } = await counted(endpoint =>
      run(rotateMode, { ...inputs, 'clear-stale-pending': 'true' }, endpoint)
    )
    expect(writesIn(calls)).toEqual([])
    expect(JSON.parse(result.outputs?.plan ?? '')['stale-pending']).toMatch(
      /^Would remove a stale AWSPENDING/
    )
    const stages = (await describe_('dry/stale')).VersionIdsToStages ?? {}
    expect(stages[stale]).toEqual(['AWSPENDING'])
  })

  it('rotate lambda: planned with its function; RotateSecret is not called', async () => {
    await seedSecrets(moto.client, [{ name: 'dry/lambda', value: 'v1' }])
    const fn = 'arn:aws:lambda:us-east-1:123456789012:function:rotate-it'
    const { result, calls } = await counted(endpoint =>
      run(
        rotateMode,
        {
          'secret-id': 'dry/lambda',
          'rotation-lambda-arn': fn,
          'rotation-days': '30',
          'dry-run': 'true'
        },
        endpoint
      )
    )
    expect(writesIn(calls)).toEqual([])
    expect(JSON.parse(result.outputs?.plan ?? '')).toMatchObject({
      action: 'rotate',
      'rotation-function': fn,
      'rotation-rules': { AutomaticallyAfterDays: 30 }
    })
    await expect(run(rotateMode, { 'secret-id': 'dry/lambda', 'dry-run': 'true' })).rejects.toThrow(
      /has no rotation function configured/
    )
  })

  it('delete: the secrets that would be deleted and the replicas that would be removed', async () => {
    await moto.client.send(
      new CreateSecretCommand({
        Name: 'dry/del/a',
        SecretString: 'v',
        AddReplicaRegions: [{ Region: 'eu-west-1' }]
      })
    )
    await seedSecrets(moto.client, [{ name: 'dry/del/b', value: 'v' }])
    const { result, calls } = await counted(endpoint =>
      run(deleteMode, { 'secret-ids': 'dry/del/*\ndry/none', 'dry-run': 'true' }, endpoint)
    )
    expect(writesIn(calls)).toEqual([])
    expect(JSON.parse(result.outputs?.plan ?? '')).toMatchObject({
      delete: ['dry/del/a', 'dry/del/b'],
      'remove-replicas': { 'dry/del/a': ['eu-west-1'] },
      missing: ['dry/none']
    })
    expect(result.outputs?.['deleted-secrets']).toBe('[]')
    expect((await describe_('dry/del/a')).ReplicationStatus).toHaveLength(1)
    // The same refusal as a real run.
    await expect(
      run(deleteMode, { 'secret-ids': 'dry/del/*', 'max-deletions': '1', 'dry-run': 'true' })
    ).rejects.toThrow(/more than max-deletions \(1\)/)
  })
})

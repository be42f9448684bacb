// delete mode and the lifecycle around it (dry-run, restore-if-deleted, replica-regions,
// check-changed metadata), bundled, as the runner runs it.
import { describe, expect, it } from '@jest/globals'
import {
  CreateSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  ListSecretVersionIdsCommand
} from '@aws-sdk/client-secrets-manager'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { useMoto } from '../harness/jest-moto.js'
import { seedSecrets, testClient } from '../harness/moto.js'
import { regionOf, startProxy, type TestProxy } from '../harness/proxy.js'
import { findLeaks, runPostOf, runStep, tempDir } from '../harness/runner.js'

const moto = useMoto()

const WRITES = [
  'PutSecretValue',
  'CreateSecret',
  'UpdateSecret',
  'UpdateSecretVersionStage',
  'RotateSecret',
  'CancelRotateSecret',
  'DeleteSecret',
  'RestoreSecret',
  'TagResource',
  'ReplicateSecretToRegions',
  'RemoveRegionsFromReplication'
]

const describe_ = (id: string) => moto.client.send(new DescribeSecretCommand({ SecretId: id }))
const current = async (id: string) =>
  (await moto.client.send(new GetSecretValueCommand({ SecretId: id, VersionStage: 'AWSCURRENT' })))
    .SecretString ?? ''
const versionCount = async (id: string) =>
  (await moto.client.send(new ListSecretVersionIdsCommand({ SecretId: id }))).Versions?.length

async function withProxy<T>(fn: (proxy: TestProxy) => Promise<T>): Promise<T> {
  const proxy = await startProxy({ target: moto.endpoint })
  try {
    return await fn(proxy)
  } finally {
    await proxy.stop()
  }
}

const writesIn = (proxy: TestProxy) => Object.keys(proxy.calls()).filter(op => WRITES.includes(op))

const PREVIEW_FIELDS =
  'username:\n  value: app_pr_42\npassword:\n  generator:\n    passwordLength: 32\n    excludePunctuation: true'

describe('delete, bundled, as the runner runs it', () => {
  it('runs the preview-environment lifecycle end to end', async () => {
    const secretId = 'preview/pr-42/db'
    const open = {
      mode: 'push-generated',
      'endpoint-url': moto.endpoint,
      'secret-id': secretId,
      'update-policy': 'IfNotExists',
      fields: PREVIEW_FIELDS,
      tags: 'purpose=preview\npull-request=42',
      'export-outputs': 'true',
      'restore-if-deleted': 'true'
    }
    // Opened: created with a generated password.
    const opened = await runStep({ inputs: open, env: { GITHUB_RUN_ID: '1' } })
    expect(opened.errors).toEqual([])
    expect(opened.outputs).toMatchObject({ created: 'true', username: 'app_pr_42' })
    const password = opened.outputs.password
    expect(password).toHaveLength(32)

    // Closed: scheduled for deletion with a 7-day window.
    const close = {
      mode: 'delete',
      'endpoint-url': moto.endpoint,
      'secret-id': secretId,
      'recovery-window-days': '7'
    }
    const closed = await runStep({ inputs: close, env: { GITHUB_RUN_ID: '2' } })
    expect(closed.errors).toEqual([])
    expect(closed.exitCode).toBe(0)
    expect(JSON.parse(closed.outputs['deleted-secrets'])).toEqual([secretId])
    const date = JSON.parse(closed.outputs['deletion-dates'])[secretId] as string
    expect((await describe_(secretId)).DeletedDate?.toISOString()).toBe(date)
    expect(closed.summary).toContain(secretId)
    expect(closed.summary).toContain('scheduled for deletion (7-day recovery window)')
    expect(findLeaks(closed.log, [password])).toEqual([])

    // A close re-run: already scheduled, succeeds, same date.
    const closedAgain = await runStep({ inputs: close, env: { GITHUB_RUN_ID: '3' } })
    expect(closedAgain.exitCode).toBe(0)
    expect(JSON.parse(closedAgain.outputs['deletion-dates'])[secretId]).toBe(date)

    // Reopened without restore-if-deleted: one clear error naming the date and the input.
    const refused = await runStep({
      inputs: { ...open, 'restore-if-deleted': 'false' },
      env: { GITHUB_RUN_ID: '4' }
    })
    expect(refused.exitCode).toBe(1)
    expect(refused.errors).toHaveLength(1)
    expect(refused.errors[0]).toContain(`scheduled for deletion on ${date}`)
    expect(refused.errors[0]).toContain('restore-if-deleted')

    // Reopened: restored, and IfNotExists keeps the same credentials.
    const reopened = await runStep({ inputs: open, env: { GITHUB_RUN_ID: '5' } })
    expect(reopened.errors).toEqual([])
    expect(reopened.outputs).toMatchObject({ created: 'false', changed: 'false', password })
    expect((await describe_(secretId)).DeletedDate).toBeUndefined()
    expect(reopened.stdout).toContain(`Restored '${secretId}'`)

    // Closed for good: forced delete, gone at once.
    const forced = await runStep({
      inputs: {
        mode: 'delete',
        'endpoint-url': moto.endpoint,
        'secret-id': secretId,
        'force-delete-without-recovery': 'true'
      },
      env: { GITHUB_RUN_ID: '6' }
    })
    expect(forced.errors).toEqual([])
    expect(JSON.parse(forced.outputs['deleted-secrets'])).toEqual([secretId])
    await expect(describe_(secretId)).rejects.toMatchObject({ name: 'ResourceNotFoundException' })

    // Deleting what is gone: one warning, success.
    const gone = await runStep({ inputs: close, env: { GITHUB_RUN_ID: '7' } })
    expect(gone.exitCode).toBe(0)
    expect(gone.warnings).toHaveLength(1)
    expect(gone.outputs['deleted-secrets']).toBe('[]')
  })

  it('deletion-policy: Retain deletes nothing and says so in the summary', async () => {
    await seedSecrets(moto.client, [{ name: 'prod/db', value: 'retained-value-1' }])
    await withProxy(async proxy => {
      const step = await runStep({
        inputs: {
          mode: 'delete',
          'endpoint-url': proxy.endpoint,
          'secret-id': 'prod/db',
          'deletion-policy': 'Retain'
        }
      })
      expect(step.errors).toEqual([])
      expect(step.exitCode).toBe(0)
      expect(step.outputs['deleted-secrets']).toBe('[]')
      expect(step.summary).toContain('deletion-policy Retain, nothing deleted')
      expect(proxy.calls()).toEqual({})
    })
    expect((await describe_('prod/db')).DeletedDate).toBeUndefined()
  })

  it('a wildcard over max-deletions is refused whole with the count and the first names', async () => {
    await seedSecrets(
      moto.client,
      Array.from({ length: 12 }, (_, i) => ({
        name: `pr-old/s${String(i).padStart(2, '0')}`,
        value: `v${i}`
      }))
    )
    const step = await runStep({
      inputs: { mode: 'delete', 'endpoint-url': moto.endpoint, 'secret-ids': 'pr-old/*' }
    })
    expect(step.exitCode).toBe(1)
    expect(step.errors).toHaveLength(1)
    expect(step.errors[0]).toMatch(
      /names 12 secrets \('pr-old\/s00', 'pr-old\/s01', 'pr-old\/s02', 'pr-old\/s03', 'pr-old\/s04', \.\.\.\), more than max-deletions \(10\): nothing was deleted/
    )
    expect(step.stderr).not.toMatch(/\n\s+at /)
    expect((await describe_('pr-old/s00')).DeletedDate).toBeUndefined()
    expect((await describe_('pr-old/s11')).DeletedDate).toBeUndefined()
  })

  it('deletes a tag selection in the default region and an ARN in its own, in one step', async () => {
    const eu = testClient(moto.endpoint, { region: 'eu-west-1' })
    const tag = (client: typeof eu, name: string, tags: Record<string, string>) =>
      client.send(
        new CreateSecretCommand({
          Name: name,
          SecretString: `tagged-value-${name}`,
          Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value }))
        })
      )
    try {
      await tag(moto.client, 'pr/9/db', { pr: '9' })
      await tag(moto.client, 'pr/9/api', { pr: '9', team: 'web' })
      await tag(moto.client, 'pr/90/db', { pr: '90' })
      await tag(moto.client, 'pr/x/db', { team: '9' })
      // A tag line selects in the default region only: this one stays.
      await tag(eu, 'pr/9/eu', { pr: '9' })
      const euArn = (await tag(eu, 'shared/eu', {})).ARN!
      const calls: string[] = []
      const proxy = await startProxy({
        target: moto.endpoint,
        fault: req => void calls.push(`${regionOf(req)} ${req.operation}`)
      })
      let step
      try {
        step = await runStep({
          inputs: {
            mode: 'delete',
            'endpoint-url': proxy.endpoint,
            'secret-ids': `tag:pr=9\n${euArn}`,
            'recovery-window-days': '7'
          }
        })
      } finally {
        await proxy.stop()
      }
      expect(step.errors).toEqual([])
      expect(step.exitCode).toBe(0)
      const deleted = ['pr/9/api', 'pr/9/db', 'shared/eu']
      expect(JSON.parse(step.outputs['deleted-secrets']).sort()).toEqual(deleted)
      expect(Object.keys(JSON.parse(step.outputs['deletion-dates'])).sort()).toEqual(deleted)
      expect(calls.filter(call => call.endsWith(' DeleteSecret')).sort()).toEqual([
        'eu-west-1 DeleteSecret',
        'us-east-1 DeleteSecret',
        'us-east-1 DeleteSecret'
      ])
      const state = async (client: typeof eu, id: string) =>
        (await client.send(new DescribeSecretCommand({ SecretId: id }))).DeletedDate !== undefined
      expect(await state(eu, euArn)).toBe(true)
      expect(await state(moto.client, 'pr/9/db')).toBe(true)
      expect(await state(moto.client, 'pr/9/api')).toBe(true)
      expect(await state(moto.client, 'pr/90/db')).toBe(false)
      expect(await state(moto.client, 'pr/x/db')).toBe(false)
      expect(await state(eu, 'pr/9/eu')).toBe(false)
      expect(step.summary).toContain('delete: 3 secret(s) deleted')
      expect(findLeaks(step.log, ['tagged-value-pr/9/db', 'tagged-value-shared/eu'])).toEqual([])
    } finally {
      eu.destroy()
    }
  })

  it('removes replicas before deleting and says so in the log', async () => {
    await moto.client.send(
      new CreateSecretCommand({
        Name: 'multi/region',
        SecretString: 'v',
        AddReplicaRegions: [{ Region: 'eu-west-1' }]
      })
    )
    const step = await runStep({
      inputs: { mode: 'delete', 'endpoint-url': moto.endpoint, 'secret-id': 'multi/region' }
    })
    expect(step.errors).toEqual([])
    expect(step.stdout).toContain("Removed the replicas of 'multi/region' in eu-west-1")
    expect((await describe_('multi/region')).DeletedDate).toBeDefined()
  })
})

describe('dry-run, bundled: only read calls, and the plan', () => {
  const cases: Array<[string, Record<string, string>, () => Promise<void>]> = [
    [
      'put',
      { mode: 'put', 'secret-id': 'dry/app', 'secret-string': 'dry-put-value-9' },
      async () => void (await seedSecrets(moto.client, [{ name: 'dry/app', value: 'old-value-1' }]))
    ],
    [
      'push-generated',
      {
        mode: 'push-generated',
        'secret-id': 'dry/new',
        fields: PREVIEW_FIELDS,
        'replica-regions': 'eu-west-1'
      },
      async () => undefined
    ],
    [
      'rotate',
      {
        mode: 'rotate',
        'secret-id': 'dry/app',
        'rotation-strategy': 'in-workflow',
        phase: 'create',
        generator: 'passwordLength: 24'
      },
      async () => void (await seedSecrets(moto.client, [{ name: 'dry/app', value: 'old-value-1' }]))
    ],
    [
      'delete',
      { mode: 'delete', 'secret-ids': 'dry/*', 'force-delete-without-recovery': 'true' },
      async () => void (await seedSecrets(moto.client, [{ name: 'dry/app', value: 'old-value-1' }]))
    ]
  ]

  it.each(cases)(
    '%s: no write call, main and post step, and a plan in the summary',
    async (mode, inputs, seed) => {
      await seed()
      await withProxy(async proxy => {
        const main = await runStep({
          inputs: { ...inputs, 'endpoint-url': proxy.endpoint, 'dry-run': 'true' }
        })
        expect(main.errors).toEqual([])
        expect(main.exitCode).toBe(0)
        const post = await runPostOf(main)
        expect(post.exitCode).toBe(0)
        expect(writesIn(proxy)).toEqual([])
        const plan = JSON.parse(main.outputs.plan) as Record<string, unknown>
        expect(plan).toMatchObject({ mode, 'dry-run': true })
        expect(main.summary).toContain('dry run')
        expect(main.summary).toContain('nothing was written')
        expect(findLeaks(main.log, ['dry-put-value-9', 'old-value-1'])).toEqual([])
        expect(main.outputs.plan).not.toContain('old-value-1')
      })
      if (mode !== 'push-generated') {
        expect(await current('dry/app')).toBe('old-value-1')
        expect(await versionCount('dry/app')).toBe(1)
      } else {
        await expect(describe_('dry/new')).rejects.toMatchObject({
          name: 'ResourceNotFoundException'
        })
      }
    }
  )

  it('fails for the same input errors as the real run', async () => {
    const step = await runStep({
      inputs: {
        mode: 'delete',
        'endpoint-url': moto.endpoint,
        'secret-id': 'x',
        'recovery-window-days': '3',
        'dry-run': 'true'
      }
    })
    expect(step.exitCode).toBe(1)
    expect(step.errors).toEqual([expect.stringMatching(/^Input 'recovery-window-days'/)])
  })
})

describe('replica-regions and metadata, bundled', () => {
  it('put replicates a created secret and outputs replication-status', async () => {
    const step = await runStep({
      inputs: {
        mode: 'put',
        'endpoint-url': moto.endpoint,
        'secret-id': 'rep/e2e',
        'secret-string': 'replicated-e2e-value',
        'create-if-missing': 'true',
        'replica-regions': 'eu-west-1'
      }
    })
    expect(step.errors).toEqual([])
    expect(Object.keys(JSON.parse(step.outputs['replication-status']))).toEqual(['eu-west-1'])
    expect((await describe_('rep/e2e')).ReplicationStatus?.[0]?.Region).toBe('eu-west-1')
  })

  it('check-changed outputs metadata and writes metadata.json into output-dir', async () => {
    await moto.client.send(
      new CreateSecretCommand({
        Name: 'meta/e2e',
        SecretString: 'metadata-e2e-value',
        Description: 'described',
        Tags: [{ Key: 'env', Value: 'prod' }]
      })
    )
    const workspace = tempDir('sma-ws-')
    const step = await runStep({
      workspace,
      inputs: {
        mode: 'check-changed',
        'endpoint-url': moto.endpoint,
        'secret-ids': 'meta/e2e',
        cache: 'none',
        'output-dir': 'meta-out'
      }
    })
    expect(step.errors).toEqual([])
    const metadata = JSON.parse(step.outputs.metadata) as Record<string, Record<string, unknown>>
    expect(metadata['meta/e2e']).toMatchObject({ description: 'described', tags: { env: 'prod' } })
    const file = path.join(workspace, 'meta-out', 'metadata.json')
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(metadata)
    expect(step.outputs.metadata).not.toContain('metadata-e2e-value')
    expect(step.masks).not.toContain('prod')
  })
})

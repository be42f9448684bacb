import { describe, expect, it } from '@jest/globals'
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager'
import { useMoto } from '../harness/jest-moto.js'
import { seedSecrets } from '../harness/moto.js'
import {
  createRotationFunction,
  playRotationFunction,
  stagesOf,
  versionWith
} from '../harness/rotation.js'
import { findLeaks, runPostOf, runStep } from '../harness/runner.js'

const moto = useMoto()

async function valueAt(secretId: string, stage: string): Promise<string> {
  // moto: an unstaged read does not follow UpdateSecretVersionStage; always name the stage.
  const out = await moto.client.send(
    new GetSecretValueCommand({ SecretId: secretId, VersionStage: stage })
  )
  return out.SecretString ?? ''
}

const DB = '{"username":"app","password":"old-db-password","host":"db.internal"}'
const FIELDS = 'password:\n  generator:\n    passwordLength: 32\n    excludeCharacters: "\\"@/"\n'

describe('rotate, bundled, as the runner runs it', () => {
  it('in-workflow: create, a step applies the password, finish; values only masked', async () => {
    const [seeded] = await seedSecrets(moto.client, [{ name: 'prod/db', value: DB }])
    const common = {
      'endpoint-url': moto.endpoint,
      mode: 'rotate',
      'rotation-strategy': 'in-workflow',
      'secret-id': 'prod/db'
    }
    const create = await runStep({
      inputs: { ...common, phase: 'create', fields: FIELDS, 'export-env': 'true' },
      env: { GITHUB_ACTION: 'create' }
    })
    expect(create.errors).toEqual([])
    expect(create.exitCode).toBe(0)
    const pendingId = create.outputs['pending-version-id']
    const pending = JSON.parse(create.outputs['pending-value']) as Record<string, string>
    expect(pending).toMatchObject({ username: 'app', host: 'db.internal' })
    expect(pending.password).toHaveLength(32)
    expect(create.env).toEqual({ PENDING_PASSWORD: pending.password })
    // Without export-outputs the field goes to env only; pending-value is always an output.
    expect(create.outputs.PENDING_PASSWORD).toBeUndefined()
    expect(create.masks).toEqual(expect.arrayContaining([pending.password]))
    expect(await valueAt('prod/db', 'AWSCURRENT')).toBe(DB)

    // (the workflow's own steps set pending.password in the database and test it here)

    const finish = await runStep({
      inputs: { ...common, phase: 'finish', 'pending-version-id': pendingId },
      env: { GITHUB_ACTION: 'finish' }
    })
    expect(finish.errors).toEqual([])
    expect(finish.outputs).toMatchObject({
      'version-id': pendingId,
      'previous-version-id': seeded.versionId,
      rotated: 'true'
    })
    expect(JSON.parse(await valueAt('prod/db', 'AWSCURRENT'))).toEqual(pending)
    expect(await valueAt('prod/db', 'AWSPREVIOUS')).toBe(DB)

    // The create step's post step runs at the end of the job: the rotation is finished.
    const post = await runPostOf(create, { inputs: { ...common, phase: 'create', fields: FIELDS } })
    expect(post.exitCode).toBe(0)
    expect(post.warnings).toEqual([])
    expect(post.env).toEqual({ PENDING_PASSWORD: '' })
    expect(versionWith(await stagesOf(moto.client, 'prod/db'), 'AWSPENDING')).toBeUndefined()

    for (const step of [create, finish, post]) {
      expect(findLeaks(step.stdout + step.stderr, [pending.password, 'old-db-password'])).toEqual(
        []
      )
      expect(step.summary).not.toContain(pending.password)
    }
    expect(create.summary).toContain(pendingId)
    expect(finish.summary).toContain(seeded.versionId)
  })

  it('in-workflow: the post step of create cancels a rotation whose job failed', async () => {
    const [seeded] = await seedSecrets(moto.client, [{ name: 'api/key', value: 'old-api-key' }])
    const inputs = {
      'endpoint-url': moto.endpoint,
      mode: 'rotate',
      'rotation-strategy': 'in-workflow',
      'secret-id': 'api/key',
      phase: 'create',
      generator: 'passwordLength: 24'
    }
    const create = await runStep({ inputs })
    expect(create.exitCode).toBe(0)
    const pendingId = create.outputs['pending-version-id']
    expect(versionWith(await stagesOf(moto.client, 'api/key'), 'AWSPENDING')).toBe(pendingId)

    // A later step fails; finish never runs. The post step runs anyway.
    const post = await runPostOf(create, { inputs })
    expect(post.exitCode).toBe(0)
    expect(post.warnings).toEqual([
      expect.stringMatching(`removed AWSPENDING from version ${pendingId}`)
    ])
    expect(await stagesOf(moto.client, 'api/key')).toEqual({ [seeded.versionId]: ['AWSCURRENT'] })
    expect(await valueAt('api/key', 'AWSCURRENT')).toBe('old-api-key')
    expect(findLeaks(create.stdout, [create.outputs['pending-value']])).toEqual([])
  })

  it('lambda: waits while the function rotates, then reports the new version', async () => {
    const fn = await createRotationFunction(moto.endpoint)
    const [seeded] = await seedSecrets(moto.client, [{ name: 'lambda/db', value: 'before' }])
    const [step, played] = await Promise.all([
      runStep({
        inputs: {
          'endpoint-url': moto.endpoint,
          mode: 'rotate',
          'secret-id': 'lambda/db',
          'rotation-lambda-arn': fn,
          'rotation-days': '30'
        }
      }),
      // moto cannot run the function: the test plays it while the action waits.
      playRotationFunction(moto.client, 'lambda/db', 'after')
    ])
    expect(step.errors).toEqual([])
    expect(step.outputs).toMatchObject({
      arn: seeded.arn,
      'version-id': played,
      'previous-version-id': seeded.versionId,
      rotated: 'true'
    })
    expect(step.summary).toContain(played)
    expect(await valueAt('lambda/db', 'AWSCURRENT')).toBe('after')
  })

  it('lambda: a rotation that hangs fails the step with one error saying where to look', async () => {
    const fn = await createRotationFunction(moto.endpoint)
    await seedSecrets(moto.client, [{ name: 'lambda/hang', value: 'before' }])
    const step = await runStep({
      inputs: {
        'endpoint-url': moto.endpoint,
        mode: 'rotate',
        'secret-id': 'lambda/hang',
        'rotation-lambda-arn': fn,
        'wait-timeout-seconds': '2'
      }
    })
    expect(step.exitCode).toBe(1)
    expect(step.errors).toEqual([
      expect.stringMatching(/did not finish within 2 s.*\/aws\/lambda\/rotate-db/)
    ])
    expect(step.outputs).toEqual({})
    expect(await valueAt('lambda/hang', 'AWSCURRENT')).toBe('before')
  })
})

import { describe, expect, it } from '@jest/globals'
import {
  GetSecretValueCommand,
  PutSecretValueCommand,
  UpdateSecretVersionStageCommand
} from '@aws-sdk/client-secrets-manager'
import { rotateMode } from '../../../src/modes/rotate.js'
import { contextFor, inputsFrom } from '../../harness/context.js'
import { useCapturedStdout, useMoto } from '../../harness/jest-moto.js'
import { seedSecrets } from '../../harness/moto.js'
import { startProxy } from '../../harness/proxy.js'
import {
  createRotationFunction,
  pendingVersion,
  playRotationFunction,
  stagesOf
} from '../../harness/rotation.js'

const moto = useMoto()
const stdout = useCapturedStdout()

async function rotate(inputs: Record<string, string>, endpoint = moto.endpoint) {
  const config = rotateMode.parse(inputsFrom(inputs))
  return rotateMode.run(config, contextFor(endpoint))
}

async function valueAt(secretId: string, stage: string): Promise<string | undefined> {
  // moto: an unstaged read does not follow UpdateSecretVersionStage; always name the stage.
  const out = await moto.client.send(
    new GetSecretValueCommand({ SecretId: secretId, VersionStage: stage })
  )
  return out.SecretString
}

describe('rotate, strategy lambda, against moto', () => {
  it('starts the rotation and waits while the function runs it to the end', async () => {
    const fn = await createRotationFunction(moto.endpoint)
    const [seeded] = await seedSecrets(moto.client, [{ name: 'prod/db', value: 'old-password' }])
    // moto cannot run the function: the test plays it while the action waits.
    const [emission, played] = await Promise.all([
      rotate({
        'secret-id': 'prod/db',
        'rotation-lambda-arn': fn,
        'rotation-schedule': 'rate(30 days)',
        'wait-timeout-seconds': '60'
      }),
      playRotationFunction(moto.client, 'prod/db', 'new-password')
    ])
    expect(emission.outputs).toEqual({
      arn: seeded.arn,
      'version-id': played,
      'previous-version-id': seeded.versionId,
      'pending-version-id': '',
      rotated: 'true'
    })
    expect(await valueAt('prod/db', 'AWSCURRENT')).toBe('new-password')
    expect(await valueAt('prod/db', 'AWSPREVIOUS')).toBe('old-password')
    const summary = JSON.stringify(emission.summary)
    expect(emission.summary?.rows).toEqual(
      expect.arrayContaining([
        [seeded.versionId, 'AWSCURRENT', 'AWSPREVIOUS'],
        [played, '-', 'AWSCURRENT']
      ])
    )
    expect(summary).toContain(fn)
    expect(summary).not.toMatch(/old-password|new-password/)
    expect(emission.secrets).toBeUndefined()
  })

  it('uses the function already configured when rotation-lambda-arn is not given', async () => {
    const fn = await createRotationFunction(moto.endpoint)
    await seedSecrets(moto.client, [{ name: 'conf', value: 'v1' }])
    const inputs = { 'secret-id': 'conf', 'wait-timeout-seconds': '60' }
    await Promise.all([
      rotate({ ...inputs, 'rotation-lambda-arn': fn }),
      playRotationFunction(moto.client, 'conf', 'v2')
    ])
    const [second, played] = await Promise.all([
      rotate(inputs),
      playRotationFunction(moto.client, 'conf', 'v3')
    ])
    expect(second.outputs?.['version-id']).toBe(played)
    expect(await valueAt('conf', 'AWSCURRENT')).toBe('v3')
    expect(await valueAt('conf', 'AWSPREVIOUS')).toBe('v2')
  })

  it('fails after the timeout when the function leaves the version pending, naming where to look', async () => {
    const fn = await createRotationFunction(moto.endpoint)
    const [seeded] = await seedSecrets(moto.client, [{ name: 'hang', value: 'still-current' }])
    const error = await rotate({
      'secret-id': 'hang',
      'rotation-lambda-arn': fn,
      'wait-timeout-seconds': '3'
    }).catch((e: Error) => e)
    expect(error).toBeInstanceOf(Error)
    const message = (error as Error).message
    expect(message).toMatch(/did not finish within 3 s: version \S+ is still pending/)
    expect(message).toContain(`${seeded.versionId}: AWSCURRENT`)
    expect(message).toMatch(/AWSPENDING/)
    expect(message).toContain('log group /aws/lambda/rotate-db in us-east-1')
    expect(message).toMatch(/clear-stale-pending: true/)
    expect(await valueAt('hang', 'AWSCURRENT')).toBe('still-current')
  })

  it('fails as soon as the pending version loses its label without becoming current', async () => {
    const fn = await createRotationFunction(moto.endpoint)
    await seedSecrets(moto.client, [{ name: 'gave-up', value: 'kept' }])
    const proxy = await startProxy({ target: moto.endpoint })
    try {
      const run = rotate(
        { 'secret-id': 'gave-up', 'rotation-lambda-arn': fn, 'wait-timeout-seconds': '60' },
        proxy.endpoint
      ).catch((e: Error) => e)
      const pending = await pendingVersion(moto.client, 'gave-up')
      // A second poll has started, so the waiter has seen the pending version.
      while ((proxy.calls().DescribeSecret ?? 0) < 3) await new Promise(r => setTimeout(r, 20))
      // The function gives up: it removes AWSPENDING (as AWS's templates do on failure).
      await moto.client.send(
        new UpdateSecretVersionStageCommand({
          SecretId: 'gave-up',
          VersionStage: 'AWSPENDING',
          RemoveFromVersionId: pending
        })
      )
      const error = await run
      expect((error as Error).message).toMatch(
        new RegExp(`failed: version ${pending} lost its AWSPENDING label`)
      )
    } finally {
      await proxy.stop()
    }
    expect(await valueAt('gave-up', 'AWSCURRENT')).toBe('kept')
  })

  it('reports a stale AWSPENDING with its version and age, and clears it when asked', async () => {
    const fn = await createRotationFunction(moto.endpoint)
    await seedSecrets(moto.client, [{ name: 'stale', value: 'cur' }])
    const stale = 's'.repeat(40)
    await moto.client.send(
      new PutSecretValueCommand({
        SecretId: 'stale',
        SecretString: 'half-done',
        ClientRequestToken: stale,
        VersionStages: ['AWSPENDING']
      })
    )
    const inputs = { 'secret-id': 'stale', 'rotation-lambda-arn': fn, 'wait-timeout-seconds': '60' }
    // moto dates every version "now" in ListSecretVersionIds, so the age is always this small.
    await expect(rotate(inputs)).rejects.toThrow(
      new RegExp(
        `version ${stale} of 'stale' has held AWSPENDING since \\S+ \\(less than a minute\\)`
      )
    )
    expect((await stagesOf(moto.client, 'stale'))[stale]).toEqual(['AWSPENDING'])

    const [emission] = await Promise.all([
      rotate({ ...inputs, 'clear-stale-pending': 'true' }),
      playRotationFunction(moto.client, 'stale', 'fresh', stale)
    ])
    expect(emission.outputs?.rotated).toBe('true')
    expect(emission.summary?.notes?.[0]).toMatch(`Removed a stale AWSPENDING: version ${stale}`)
    expect(stdout.text()).toMatch(/::warning::Removed a stale AWSPENDING/)
    expect(await valueAt('stale', 'AWSCURRENT')).toBe('fresh')
  })

  it('refuses a secret with no rotation function before calling RotateSecret', async () => {
    await seedSecrets(moto.client, [{ name: 'plain', value: 'x' }])
    await expect(rotate({ 'secret-id': 'plain' })).rejects.toThrow(
      /'plain' has no rotation function configured: give rotation-lambda-arn/
    )
    expect(Object.keys(await stagesOf(moto.client, 'plain'))).toHaveLength(1)
  })

  it('with wait: false, starts the rotation and returns the pending version', async () => {
    const fn = await createRotationFunction(moto.endpoint)
    const [seeded] = await seedSecrets(moto.client, [{ name: 'nowait', value: 'x' }])
    const emission = await rotate({
      'secret-id': 'nowait',
      'rotation-lambda-arn': fn,
      wait: 'false'
    })
    const pending = emission.outputs?.['pending-version-id']
    expect(emission.outputs).toMatchObject({ rotated: 'false', 'version-id': seeded.versionId })
    expect((await stagesOf(moto.client, 'nowait'))[pending ?? '']).toEqual(['AWSPENDING'])
  })

  it('names a missing secret', async () => {
    await expect(rotate({ 'secret-id': 'nope' })).rejects.toThrow(/'nope' not found/)
  })
})

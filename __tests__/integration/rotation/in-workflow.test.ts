import { describe, expect, it } from '@jest/globals'
import {
  GetSecretValueCommand,
  ListSecretVersionIdsCommand,
  PutSecretValueCommand,
  UpdateSecretVersionStageCommand
} from '@aws-sdk/client-secrets-manager'
import { rotateMode } from '../../../src/modes/rotate.js'
import { cancelUnfinished } from '../../../src/rotation/cancel.js'
import type { Emission, SecretTarget } from '../../../src/output/emission.js'
import { contextFor, inputsFrom } from '../../harness/context.js'
import { useCapturedStdout, useMoto } from '../../harness/jest-moto.js'
import { seedSecrets } from '../../harness/moto.js'
import { startProxy, type FaultFn } from '../../harness/proxy.js'
import { parseWorkflowCommands } from '../../harness/runner.js'
import { stagesOf, versionWith } from '../../harness/rotation.js'

const moto = useMoto()
const stdout = useCapturedStdout()

/** Each step of a job has its own GITHUB_ACTION, so its own request token. */
let step = 0
async function rotate(inputs: Record<string, string>, endpoint = moto.endpoint) {
  const config = rotateMode.parse(inputsFrom({ 'rotation-strategy': 'in-workflow', ...inputs }))
  const env = { GITHUB_RUN_ID: '77', GITHUB_ACTION: `step-${++step}`, GITHUB_JOB: 'rotate' }
  return rotateMode.run(config, contextFor(endpoint, env))
}

/** The post step of the last main step, with the state that step saved. */
async function postStep(endpoint = moto.endpoint): Promise<void> {
  const saved = Object.fromEntries(
    parseWorkflowCommands(stdout.text())
      .filter(command => command.command === 'save-state')
      .map(command => [command.properties.name, command.data])
  )
  await cancelUnfinished({
    client: async () => contextFor(endpoint).client,
    state: name => saved[name] ?? '',
    env: {}
  })
}

/** Runs `work` through a proxy to moto that answers with `fault`. */
async function withFault<T>(fault: FaultFn, work: (endpoint: string) => Promise<T>): Promise<T> {
  const proxy = await startProxy({ target: moto.endpoint, fault })
  try {
    return await work(proxy.endpoint)
  } finally {
    await proxy.stop()
  }
}

/** A secret seeded, then rotated as far as phase create: the seeded version, the create's emission. */
async function createdFor(name: string, value = 'kept-value') {
  const [seeded] = await seedSecrets(moto.client, [{ name, value }])
  const created = await rotate({
    'secret-id': name,
    phase: 'create',
    generator: 'passwordLength: 24'
  })
  return { seeded, created, pendingId: created.outputs?.['pending-version-id'] ?? '' }
}

/** Every stage move denied. */
const movesDenied: FaultFn = ({ operation }) =>
  operation === 'UpdateSecretVersionStage' ? { kind: 'denied' } : undefined

async function valueAt(secretId: string, stage: string): Promise<string | undefined> {
  // moto: an unstaged read does not follow UpdateSecretVersionStage; always name the stage.
  const out = await moto.client.send(
    new GetSecretValueCommand({ SecretId: secretId, VersionStage: stage })
  )
  return out.SecretString
}

const target = (emission: Emission, name: string): SecretTarget | undefined =>
  emission.secrets?.find(t => t.name === name)
const warnings = () =>
  parseWorkflowCommands(stdout.text())
    .filter(command => command.command === 'warning')
    .map(command => command.data)
const masks = () =>
  parseWorkflowCommands(stdout.text())
    .filter(command => command.command === 'add-mask')
    .map(command => command.data)

const DB = { username: 'app', password: 'old-pw-1234', host: 'db.internal', port: 5432 }
const FIELDS = [
  'password:',
  '  generator: {passwordLength: 32, excludePunctuation: true}',
  'api_key:',
  '  generator: {passwordLength: 20, excludeUppercase: true}',
  'rotated_by:',
  '  value: ci-rotation'
].join('\n')

describe('rotate, strategy in-workflow, against moto', () => {
  it('phase all: a plain string secret gets a generated value, the old one stays AWSPREVIOUS', async () => {
    const [seeded] = await seedSecrets(moto.client, [{ name: 'svc/token', value: 'old-token' }])
    const emission = await rotate({
      'secret-id': 'svc/token',
      generator: 'passwordLength: 40\nexcludePunctuation: true'
    })
    const current = await valueAt('svc/token', 'AWSCURRENT')
    expect(current).toMatch(/^[A-Za-z0-9]{40}$/)
    expect(await valueAt('svc/token', 'AWSPREVIOUS')).toBe('old-token')
    const stages = await stagesOf(moto.client, 'svc/token')
    expect(versionWith(stages, 'AWSPENDING')).toBeUndefined()
    expect(emission.outputs).toEqual({
      arn: seeded.arn,
      'version-id': versionWith(stages, 'AWSCURRENT'),
      'previous-version-id': seeded.versionId,
      rotated: 'true'
    })
    expect(emission.secrets).toBeUndefined()
    expect(masks()).toContain(current)
    expect(JSON.stringify(emission.summary)).not.toContain(current)
    expect(emission.summary?.rows).toEqual(
      expect.arrayContaining([[seeded.versionId, 'AWSCURRENT', 'AWSPREVIOUS']])
    )
  })

  it('create then finish: JSON fields are regenerated or set, every other field is kept', async () => {
    const [seeded] = await seedSecrets(moto.client, [
      { name: 'prod/db', value: JSON.stringify(DB) }
    ])
    const created = await rotate({ 'secret-id': 'prod/db', phase: 'create', fields: FIELDS })
    const pendingId = created.outputs?.['pending-version-id'] ?? ''
    expect(created.outputs).toEqual({
      arn: seeded.arn,
      'version-id': seeded.versionId,
      'pending-version-id': pendingId,
      rotated: 'false'
    })
    // Between the phases AWSCURRENT is untouched; the new value waits under AWSPENDING.
    expect(await stagesOf(moto.client, 'prod/db')).toEqual({
      [seeded.versionId]: ['AWSCURRENT'],
      [pendingId]: ['AWSPENDING']
    })
    expect(JSON.parse((await valueAt('prod/db', 'AWSCURRENT')) ?? '')).toEqual(DB)
    const pendingValue = target(created, 'pending-value')
    expect(pendingValue?.channels).toEqual(['output'])
    const pending = JSON.parse(pendingValue?.value as string) as Record<string, unknown>
    expect(pending).toMatchObject({
      username: 'app',
      host: 'db.internal',
      port: 5432,
      rotated_by: 'ci-rotation'
    })
    expect(pending.password).toMatch(/^[A-Za-z0-9]{32}$/)
    expect(pending.api_key).toMatch(/^[^A-Z]{20}$/)
    expect(target(created, 'PENDING_PASSWORD')).toMatchObject({
      value: pending.password,
      channels: ['env', 'output']
    })
    expect(target(created, 'PENDING_API_KEY')?.value).toBe(pending.api_key)
    expect(target(created, 'PENDING_USERNAME')).toBeUndefined()
    // Every generated value, and the new JSON, is masked the moment it exists.
    for (const value of [pending.password, pending.api_key]) {
      expect(masks()).toContain(value)
    }
    expect(masks()).toContain(pendingValue?.value)

    const finished = await rotate({
      'secret-id': 'prod/db',
      phase: 'finish',
      'pending-version-id': pendingId
    })
    expect(finished.outputs).toEqual({
      arn: seeded.arn,
      'version-id': pendingId,
      'previous-version-id': seeded.versionId,
      rotated: 'true'
    })
    expect(JSON.parse((await valueAt('prod/db', 'AWSCURRENT')) ?? '')).toEqual(pending)
    expect(JSON.parse((await valueAt('prod/db', 'AWSPREVIOUS')) ?? '')).toEqual(DB)
    expect(await stagesOf(moto.client, 'prod/db')).toEqual({
      [seeded.versionId]: ['AWSPREVIOUS'],
      [pendingId]: ['AWSCURRENT']
    })

    // Finishing again (a re-run) changes nothing and succeeds.
    const again = await rotate({
      'secret-id': 'prod/db',
      phase: 'finish',
      'pending-version-id': pendingId
    })
    expect(again.outputs).toMatchObject({ 'version-id': pendingId, rotated: 'false' })
    expect(JSON.parse((await valueAt('prod/db', 'AWSCURRENT')) ?? '')).toEqual(pending)

    // The post step of the create step finds the rotation finished and leaves it alone.
    await postStep()
    expect(await stagesOf(moto.client, 'prod/db')).toEqual({
      [seeded.versionId]: ['AWSPREVIOUS'],
      [pendingId]: ['AWSCURRENT']
    })
  })

  it('finish without pending-version-id finishes the one AWSPENDING version', async () => {
    await seedSecrets(moto.client, [{ name: 'k', value: 'old-value' }])
    const created = await rotate({
      'secret-id': 'k',
      phase: 'create',
      generator: 'passwordLength: 16'
    })
    const finished = await rotate({ 'secret-id': 'k', phase: 'finish' })
    expect(finished.outputs?.['version-id']).toBe(created.outputs?.['pending-version-id'])
    expect(await valueAt('k', 'AWSCURRENT')).toBe(target(created, 'pending-value')?.value)
  })

  it('the post step of a create whose job failed removes AWSPENDING, so the next rotation runs', async () => {
    const [seeded] = await seedSecrets(moto.client, [{ name: 'job/fails', value: 'kept-value' }])
    const created = await rotate({
      'secret-id': 'job/fails',
      phase: 'create',
      generator: 'passwordLength: 24'
    })
    const pendingId = created.outputs?.['pending-version-id'] ?? ''
    // ... the step that applies the password fails; finish never runs; the job ends.
    await postStep()
    expect(await stagesOf(moto.client, 'job/fails')).toEqual({ [seeded.versionId]: ['AWSCURRENT'] })
    expect(await valueAt('job/fails', 'AWSCURRENT')).toBe('kept-value')
    expect(stdout.text()).toMatch(
      new RegExp(
        `::warning::The rotation of 'job/fails' did not finish: removed AWSPENDING from version ${pendingId}`
      )
    )
    // Finishing the cancelled version is refused; a new create is not blocked.
    await expect(
      rotate({ 'secret-id': 'job/fails', phase: 'finish', 'pending-version-id': pendingId })
    ).rejects.toThrow(new RegExp(`Version ${pendingId} of 'job/fails' is not pending`))
    await expect(
      rotate({ 'secret-id': 'job/fails', generator: 'passwordLength: 24' })
    ).resolves.toMatchObject({ outputs: { rotated: 'true' } })
  })

  it('a post step that cannot cancel names the version left pending and the way out', async () => {
    const { pendingId } = await createdFor('job/stuck')
    await expect(withFault(movesDenied, postStep)).rejects.toThrow(/Access denied/)
    expect(warnings()).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Version ${pendingId} of arn:.*job/stuck.* may still hold AWSPENDING: .*clear-stale-pending: true`
        )
      )
    ])
  })

  it('a post step that cannot remove AWSPENDING from the current version says it blocks nothing', async () => {
    const { pendingId } = await createdFor('job/left')
    // finish moved AWSCURRENT but could not remove AWSPENDING (as if its removal failed).
    await moto.client.send(
      new UpdateSecretVersionStageCommand({
        SecretId: 'job/left',
        VersionStage: 'AWSCURRENT',
        MoveToVersionId: pendingId,
        RemoveFromVersionId: versionWith(await stagesOf(moto.client, 'job/left'), 'AWSCURRENT')
      })
    )
    await withFault(movesDenied, postStep)
    expect(warnings()).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Version ${pendingId} of 'job/left' is AWSCURRENT, but its AWSPENDING could not be removed .*blocks no rotation`
        )
      )
    ])
  })

  it('with cancel-unfinished: false the post step leaves the pending version alone', async () => {
    await seedSecrets(moto.client, [{ name: 'keep/pending', value: 'v' }])
    const created = await rotate({
      'secret-id': 'keep/pending',
      phase: 'create',
      generator: 'passwordLength: 12',
      'cancel-unfinished': 'false'
    })
    await postStep()
    const stages = await stagesOf(moto.client, 'keep/pending')
    expect(versionWith(stages, 'AWSPENDING')).toBe(created.outputs?.['pending-version-id'])
  })

  it('reports a stale AWSPENDING by version and age, and clear-stale-pending removes it', async () => {
    const [seeded] = await seedSecrets(moto.client, [{ name: 'old/rotation', value: 'cur-value' }])
    const stale = 'f'.repeat(36)
    await moto.client.send(
      new PutSecretValueCommand({
        SecretId: 'old/rotation',
        SecretString: 'abandoned',
        ClientRequestToken: stale,
        VersionStages: ['AWSPENDING']
      })
    )
    const inputs = { 'secret-id': 'old/rotation', phase: 'create', generator: 'passwordLength: 20' }
    const error = await rotate(inputs).catch((e: Error) => e.message)
    // moto dates every version "now" in ListSecretVersionIds, so the age is always this small.
    expect(error).toMatch(
      new RegExp(
        `version ${stale} of 'old/rotation' has held AWSPENDING since \\S+ \\(less than a minute\\)`
      )
    )
    expect(error).toMatch(/clear-stale-pending: true/)
    expect(error).not.toContain('abandoned')

    const created = await rotate({ ...inputs, 'clear-stale-pending': 'true' })
    expect(stdout.text()).toMatch(
      new RegExp(`::warning::Removed a stale AWSPENDING: version ${stale}`)
    )
    expect(created.summary?.notes?.[0]).toMatch(/Removed a stale AWSPENDING/)
    expect(await stagesOf(moto.client, 'old/rotation')).toEqual({
      [seeded.versionId]: ['AWSCURRENT'],
      [created.outputs?.['pending-version-id'] ?? '']: ['AWSPENDING']
    })
  })

  it('an AWSPENDING left on the current version (a finished rotation) is not stale', async () => {
    const [seeded] = await seedSecrets(moto.client, [{ name: 'done/before', value: 'v1' }])
    // AWS may leave AWSPENDING on the new current version after a successful Lambda rotation.
    await moto.client.send(
      new UpdateSecretVersionStageCommand({
        SecretId: 'done/before',
        VersionStage: 'AWSPENDING',
        MoveToVersionId: seeded.versionId
      })
    )
    const created = await rotate({
      'secret-id': 'done/before',
      phase: 'create',
      generator: 'passwordLength: 20'
    })
    const pendingId = created.outputs?.['pending-version-id'] ?? ''
    const actual = await stagesOf(moto.client, 'done/before')
    expect(actual).toEqual({ [seeded.versionId]: ['AWSCURRENT'], [pendingId]: ['AWSPENDING'] })
    // The summary shows the stages as they are, not as they were guessed.
    expect(created.summary?.rows).toEqual([
      [seeded.versionId, 'AWSCURRENT, AWSPENDING', 'AWSCURRENT'],
      [pendingId, '-', 'AWSPENDING']
    ])
  })

  it('phase all removes its own AWSPENDING when making it current fails', async () => {
    const [seeded] = await seedSecrets(moto.client, [{ name: 'half', value: 'safe-value' }])
    const deniedOnce: FaultFn = ({ operation, n }) =>
      operation === 'UpdateSecretVersionStage' && n === 1 ? { kind: 'denied' } : undefined
    const proxy = await startProxy({ target: moto.endpoint, fault: deniedOnce })
    try {
      await expect(
        rotate({ 'secret-id': 'half', generator: 'passwordLength: 20' }, proxy.endpoint)
      ).rejects.toThrow(/Access denied to secretsmanager:UpdateSecretVersionStage/)
    } finally {
      await proxy.stop()
    }
    expect(await stagesOf(moto.client, 'half')).toEqual({ [seeded.versionId]: ['AWSCURRENT'] })
    expect(await valueAt('half', 'AWSCURRENT')).toBe('safe-value')
  })

  // Once AWSCURRENT has moved the rotation has happened: failing then would tell the workflow
  // to restore the old value outside AWS while AWS serves the new one.
  const afterTheMove: Array<[string, FaultFn, RegExp]> = [
    [
      'removing AWSPENDING',
      ({ operation, body }) =>
        operation === 'UpdateSecretVersionStage' && body.includes('"VersionStage":"AWSPENDING"')
          ? { kind: 'internal' }
          : undefined,
      /is AWSCURRENT, but its AWSPENDING could not be removed/
    ],
    [
      // The client makes 3 attempts a call: both reads that would check the removal fail (6).
      'removing AWSPENDING, its answer lost and not checked,',
      ({ operation, n, body }) =>
        operation === 'UpdateSecretVersionStage' && body.includes('"VersionStage":"AWSPENDING"')
          ? n === 2
            ? { kind: 'drop-response' }
            : undefined
          : operation === 'DescribeSecret' && n >= 2 && n <= 7
            ? { kind: 'internal' }
            : undefined,
      /is AWSCURRENT, but its AWSPENDING may not have been removed/
    ],
    [
      'reading the stages back',
      ({ operation, n }) =>
        operation === 'DescribeSecret' && n >= 2 ? { kind: 'internal' } : undefined,
      /is AWSCURRENT; its stages could not be read back/
    ]
  ]

  it.each(afterTheMove)(
    'finish succeeds, with a warning, when %s fails after AWSCURRENT moved',
    async (_, fault, warning) => {
      const { seeded, created, pendingId } = await createdFor('late', 'old-late')
      const finished = await withFault(fault, endpoint =>
        rotate({ 'secret-id': 'late', phase: 'finish' }, endpoint)
      )
      expect(finished.outputs).toMatchObject({
        'version-id': pendingId,
        'previous-version-id': seeded.versionId,
        rotated: 'true'
      })
      expect(finished.summary?.notes).toEqual(
        expect.arrayContaining([expect.stringMatching(warning)])
      )
      expect(warnings()).toEqual([expect.stringMatching(warning)])
      expect(await valueAt('late', 'AWSCURRENT')).toBe(target(created, 'pending-value')?.value)
      expect(versionWith(await stagesOf(moto.client, 'late'), 'AWSPREVIOUS')).toBe(seeded.versionId)
      // The summary's stages after are AWS's own, or what the moves made of them.
      expect(finished.summary?.rows).toEqual(
        expect.arrayContaining([[pendingId, 'AWSPENDING', expect.stringMatching(/AWSCURRENT/)]])
      )
    }
  )

  // The move's answer is lost, and so is the read that would show whether it landed.
  const lostMove =
    (describeFails: (n: number) => boolean): FaultFn =>
    ({ operation, n, body }) =>
      operation === 'UpdateSecretVersionStage' && body.includes('MoveToVersionId') && n === 1
        ? { kind: 'drop-response' }
        : operation === 'DescribeSecret' && describeFails(n)
          ? { kind: 'internal' }
          : undefined

  it.each([
    // The client makes 3 attempts a call: the check after the move fails all 3, the next look not.
    ['one more look shows it landed: rotated', (n: number) => n >= 2 && n <= 4, true],
    ['no look succeeds: the error says AWSCURRENT may have moved', (n: number) => n >= 2, false]
  ])('finish, the answer to the move lost and its check failed: %s', async (_, fails, succeeds) => {
    const { pendingId } = await createdFor('lost', 'old-lost')
    const finishing = withFault(lostMove(fails), endpoint =>
      rotate({ 'secret-id': 'lost', phase: 'finish' }, endpoint)
    )
    if (succeeds) {
      await expect(finishing).resolves.toMatchObject({
        outputs: { 'version-id': pendingId, rotated: 'true' }
      })
    } else {
      await expect(finishing).rejects.toThrow(
        new RegExp(
          `AWSCURRENT of 'lost' may have moved to version ${pendingId}: .*Check which version is AWSCURRENT`
        )
      )
    }
    // Either way the move landed: the message must not let anyone think it did not.
    expect(versionWith(await stagesOf(moto.client, 'lost'), 'AWSCURRENT')).toBe(pendingId)
  })

  it.each(afterTheMove)(
    'phase all succeeds, with a warning, when %s fails after AWSCURRENT moved',
    async (_, fault, warning) => {
      const [seeded] = await seedSecrets(moto.client, [{ name: 'late-all', value: 'old-late' }])
      const rotated = await withFault(fault, endpoint =>
        rotate({ 'secret-id': 'late-all', generator: 'passwordLength: 16' }, endpoint)
      )
      expect(rotated.outputs).toMatchObject({
        'previous-version-id': seeded.versionId,
        rotated: 'true'
      })
      expect(warnings()).toEqual([expect.stringMatching(warning)])
      const stages = await stagesOf(moto.client, 'late-all')
      expect(versionWith(stages, 'AWSCURRENT')).toBe(rotated.outputs?.['version-id'])
      expect(versionWith(stages, 'AWSPREVIOUS')).toBe(seeded.versionId)
    }
  )

  it('a PutSecretValue whose answer was lost is retried as the same version', async () => {
    await seedSecrets(moto.client, [{ name: 'lossy', value: 'v0' }])
    const proxy = await startProxy({
      target: moto.endpoint,
      fault: ({ operation, n }) =>
        operation === 'PutSecretValue' && n === 1 ? { kind: 'drop-response' } : undefined
    })
    try {
      const created = await rotate(
        { 'secret-id': 'lossy', phase: 'create', generator: 'passwordLength: 20' },
        proxy.endpoint
      )
      expect(proxy.calls().PutSecretValue).toBe(2)
      const versions = await moto.client.send(
        new ListSecretVersionIdsCommand({ SecretId: 'lossy' })
      )
      expect(versions.Versions).toHaveLength(2)
      expect(await valueAt('lossy', 'AWSPENDING')).toBe(target(created, 'pending-value')?.value)
    } finally {
      await proxy.stop()
    }
  })

  it('refuses a generator for a JSON secret and fields for a plain one, writing nothing', async () => {
    await seedSecrets(moto.client, [
      { name: 'is/json', value: '{"password":"p-json-1"}' },
      { name: 'is/plain', value: 'p-plain-1' },
      { name: 'is/twice', value: '{"user":"u-first",\n "user":"u-last","password":"p-dup-1"}' }
    ])
    // A new version built over a repeated key would silently keep only its last value.
    await expect(rotate({ 'secret-id': 'is/twice', fields: FIELDS })).rejects.toThrow(
      /AWSCURRENT of 'is\/twice' has a duplicate key at line 2, column 2: .*only its last value/
    )
    await expect(
      rotate({ 'secret-id': 'is/json', generator: 'passwordLength: 20' })
    ).rejects.toThrow(/AWSCURRENT of 'is\/json' is a JSON object: rotate its fields/)
    await expect(rotate({ 'secret-id': 'is/plain', fields: FIELDS })).rejects.toThrow(
      /AWSCURRENT of 'is\/plain' is not a JSON object/
    )
    for (const name of ['is/json', 'is/plain', 'is/twice']) {
      expect(Object.keys(await stagesOf(moto.client, name))).toHaveLength(1)
    }
  })

  it('finish with nothing pending says so', async () => {
    await seedSecrets(moto.client, [{ name: 'idle', value: 'v' }])
    await expect(rotate({ 'secret-id': 'idle', phase: 'finish' })).rejects.toThrow(
      /No version of 'idle' holds AWSPENDING: nothing to finish/
    )
  })
})

describe('rotate in-workflow when the request token already names another value', () => {
  it('explains the collision as put does, instead of a raw ResourceExistsException', async () => {
    // moto accepts a second value under one token; AWS answers ResourceExistsException (MOTO.md).
    await seedSecrets(moto.client, [{ name: 'svc/raced', value: 'old-token' }])
    const proxy = await startProxy({
      target: moto.endpoint,
      fault: ({ operation }) => (operation === 'PutSecretValue' ? { kind: 'exists' } : undefined)
    })
    try {
      const error = await rotate(
        { 'secret-id': 'svc/raced', phase: 'create', generator: 'passwordLength: 24' },
        proxy.endpoint
      ).catch((e: Error) => e)
      expect((error as Error).name).toBe('ActionError')
      expect((error as Error).message).toBe(
        "PutSecretValue for 'svc/raced' refused: a version with this ClientRequestToken already " +
          'holds another value, so this step already wrote this secret in this run attempt ' +
          '(matrix jobs share one GITHUB_JOB). Rotate a secret from one job (or matrix leg) at a time.'
      )
    } finally {
      await proxy.stop()
    }
  })
})

import { describe, expect, it } from '@jest/globals'
import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  ListSecretsCommand
} from '@aws-sdk/client-secrets-manager'
import { deleteMode } from '../../../src/modes/delete.js'
import { contextFor, inputsFrom } from '../../harness/context.js'
import { useCapturedStdout, useMoto } from '../../harness/jest-moto.js'
import { seedSecrets, testClient } from '../../harness/moto.js'
import { regionOf, startProxy } from '../../harness/proxy.js'

const moto = useMoto()
const stdout = useCapturedStdout()

async function runDelete(inputs: Record<string, string>, endpoint = moto.endpoint) {
  return deleteMode.run(deleteMode.parse(inputsFrom(inputs)), contextFor(endpoint))
}

const describe_ = (id: string) => moto.client.send(new DescribeSecretCommand({ SecretId: id }))
const DAY = 24 * 3600 * 1000

async function withProxy<T>(fn: (endpoint: string) => Promise<T>) {
  const proxy = await startProxy({ target: moto.endpoint })
  try {
    const result = await fn(proxy.endpoint)
    return { result, calls: proxy.calls() }
  } finally {
    await proxy.stop()
  }
}

describe('delete against moto', () => {
  it('schedules a secret for deletion with the recovery window and reports the date', async () => {
    await seedSecrets(moto.client, [{ name: 'pr/1/db', value: 'never-read-value-1' }])
    const before = Date.now()
    const { result, calls } = await withProxy(endpoint =>
      runDelete({ 'secret-id': 'pr/1/db', 'recovery-window-days': '7' }, endpoint)
    )
    expect(JSON.parse(result.outputs?.['deleted-secrets'] ?? '')).toEqual(['pr/1/db'])
    const dates = JSON.parse(result.outputs?.['deletion-dates'] ?? '') as Record<string, string>
    const date = Date.parse(dates['pr/1/db'])
    expect(date).toBeGreaterThanOrEqual(before + 7 * DAY - 5000)
    expect(date).toBeLessThan(before + 7 * DAY + 60_000)
    expect((await describe_('pr/1/db')).DeletedDate).toBeDefined()
    // Values are never read.
    expect(calls).toEqual({ DescribeSecret: 1, DeleteSecret: 1 })
    expect(result.summary?.rows).toEqual([
      ['pr/1/db', 'scheduled for deletion (7-day recovery window)', dates['pr/1/db']]
    ])
  })

  it('defaults to a 30-day window', async () => {
    await seedSecrets(moto.client, [{ name: 'thirty', value: 'v' }])
    const before = Date.now()
    const result = await runDelete({ 'secret-id': 'thirty' })
    const dates = JSON.parse(result.outputs?.['deletion-dates'] ?? '') as Record<string, string>
    expect(Date.parse(dates.thirty)).toBeGreaterThanOrEqual(before + 30 * DAY - 5000)
  })

  it('a secret already scheduled for deletion succeeds without a second DeleteSecret', async () => {
    await seedSecrets(moto.client, [{ name: 'twice', value: 'v' }])
    await moto.client.send(new DeleteSecretCommand({ SecretId: 'twice', RecoveryWindowInDays: 9 }))
    const scheduled = (await describe_('twice')).DeletedDate as Date
    const { result, calls } = await withProxy(endpoint =>
      runDelete({ 'secret-id': 'twice' }, endpoint)
    )
    expect(calls).toEqual({ DescribeSecret: 1 })
    expect(JSON.parse(result.outputs?.['deleted-secrets'] ?? '')).toEqual(['twice'])
    expect(JSON.parse(result.outputs?.['deletion-dates'] ?? '')).toEqual({
      twice: scheduled.toISOString()
    })
  })

  it('forces a delete without recovery: gone at once, dated now', async () => {
    await seedSecrets(moto.client, [{ name: 'gone', value: 'v' }])
    const before = Date.now()
    const result = await runDelete({ 'secret-id': 'gone', 'force-delete-without-recovery': 'true' })
    const dates = JSON.parse(result.outputs?.['deletion-dates'] ?? '') as Record<string, string>
    expect(Math.abs(Date.parse(dates.gone) - before)).toBeLessThan(60_000)
    await expect(describe_('gone')).rejects.toMatchObject({ name: 'ResourceNotFoundException' })
  })

  it('forced, deletes a secret already scheduled for deletion now, freeing its name', async () => {
    await seedSecrets(moto.client, [{ name: 'scheduled', value: 'v' }])
    await moto.client.send(
      new DeleteSecretCommand({ SecretId: 'scheduled', RecoveryWindowInDays: 9 })
    )
    const before = Date.now()
    const { result, calls } = await withProxy(endpoint =>
      runDelete({ 'secret-id': 'scheduled', 'force-delete-without-recovery': 'true' }, endpoint)
    )
    expect(calls).toEqual({ DescribeSecret: 1, DeleteSecret: 1 })
    const dates = JSON.parse(result.outputs?.['deletion-dates'] ?? '') as Record<string, string>
    expect(Math.abs(Date.parse(dates.scheduled) - before)).toBeLessThan(60_000)
    await expect(describe_('scheduled')).rejects.toMatchObject({
      name: 'ResourceNotFoundException'
    })
    expect(stdout.text()).toMatch(/'scheduled' was scheduled for deletion on .*: deleting it now/)
    await moto.client.send(new CreateSecretCommand({ Name: 'scheduled', SecretString: 'again' }))
  })

  it('a missing secret succeeds with one warning; on-missing: fail refuses before deleting', async () => {
    await seedSecrets(moto.client, [{ name: 'present', value: 'v' }])
    const result = await runDelete({ 'secret-ids': 'absent\npresent' })
    expect(JSON.parse(result.outputs?.['deleted-secrets'] ?? '')).toEqual(['present'])
    expect(stdout.text().match(/::warning::/g)).toHaveLength(1)
    expect(stdout.text()).toContain("::warning::delete: no secret matches 'absent'")

    await seedSecrets(moto.client, [{ name: 'kept', value: 'v' }])
    await expect(runDelete({ 'secret-ids': 'kept\nabsent', 'on-missing': 'fail' })).rejects.toThrow(
      /no secret matches 'absent' \(on-missing: fail\): nothing was deleted/
    )
    expect((await describe_('kept')).DeletedDate).toBeUndefined()
  })

  it('removes the replicas first, then deletes, and says so', async () => {
    await moto.client.send(
      new CreateSecretCommand({
        Name: 'replicated',
        SecretString: 'v',
        AddReplicaRegions: [{ Region: 'eu-west-1' }]
      })
    )
    const result = await runDelete({ 'secret-id': 'replicated' })
    expect(stdout.text()).toContain("Removed the replicas of 'replicated' in eu-west-1")
    const after = await describe_('replicated')
    expect(after.DeletedDate).toBeDefined()
    expect(after.ReplicationStatus ?? []).toEqual([])
    expect(result.summary?.rows[0][1]).toContain('replicas in eu-west-1 removed first')
  })

  it('deletes a prefix* selection; more than max-deletions is refused whole', async () => {
    await seedSecrets(
      moto.client,
      Array.from({ length: 4 }, (_, i) => ({ name: `wild/s${i}`, value: `v${i}` }))
    )
    await expect(runDelete({ 'secret-ids': 'wild/*', 'max-deletions': '3' })).rejects.toThrow(
      /names 4 secrets \('wild\/s0', 'wild\/s1', 'wild\/s2', 'wild\/s3'\), more than max-deletions \(3\): nothing was deleted/
    )
    const listed = await moto.client.send(new ListSecretsCommand({ IncludePlannedDeletion: true }))
    expect(listed.SecretList?.every(secret => secret.DeletedDate === undefined)).toBe(true)

    const result = await runDelete({ 'secret-ids': 'wild/*', 'max-deletions': '4' })
    const all = ['wild/s0', 'wild/s1', 'wild/s2', 'wild/s3']
    expect(JSON.parse(result.outputs?.['deleted-secrets'] ?? '').sort()).toEqual(all)
    // A re-run finds them scheduled: the same names and dates, no DeleteSecret, no warning.
    const { result: again, calls } = await withProxy(endpoint =>
      runDelete({ 'secret-ids': 'wild/*', 'max-deletions': '4' }, endpoint)
    )
    expect(calls).toEqual({ ListSecrets: 1, DescribeSecret: 4 })
    expect(again.outputs?.['deletion-dates']).toBe(result.outputs?.['deletion-dates'])
    expect(stdout.text()).not.toContain('::warning::')
  })

  it('deletion-policy: Retain deletes nothing, makes no call, and says so', async () => {
    await seedSecrets(moto.client, [{ name: 'prod/db', value: 'v' }])
    const { result, calls } = await withProxy(endpoint =>
      runDelete({ 'secret-id': 'prod/db', 'deletion-policy': 'Retain' }, endpoint)
    )
    expect(calls).toEqual({})
    expect(result.outputs).toMatchObject({ 'deleted-secrets': '[]', 'deletion-dates': '{}' })
    expect(result.summary?.heading).toContain('Retain, nothing deleted')
    expect((await describe_('prod/db')).DeletedDate).toBeUndefined()
  })
})

async function tagged(name: string, tags: Record<string, string>, client = moto.client) {
  const out = await client.send(
    new CreateSecretCommand({
      Name: name,
      SecretString: `value-of-${name}`,
      Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value }))
    })
  )
  return out.ARN!
}

const deletedNames = (result: { outputs?: Record<string, string> }) =>
  (JSON.parse(result.outputs?.['deleted-secrets'] ?? '') as string[]).sort()

const isScheduled = async (id: string) => (await describe_(id)).DeletedDate !== undefined

describe('delete: tag lines', () => {
  it('tag:KEY=VALUE deletes exactly the secrets with that pair, not key and value apart', async () => {
    await tagged('web/a', { team: 'web' })
    // tag-key team and tag-value pay each match web/b (and pay by prefix matches payments).
    await tagged('web/b', { team: 'web', x: 'pay' })
    await tagged('pay/c', { team: 'payments' })
    await tagged('none/d', { other: 'team' })

    const none = await runDelete({ 'secret-ids': 'tag:team=pay' })
    expect(deletedNames(none)).toEqual([])
    expect(stdout.text()).toContain("::warning::delete: no secret matches 'tag:team=pay'")
    for (const name of ['web/a', 'web/b', 'pay/c', 'none/d']) {
      expect(await isScheduled(name)).toBe(false)
    }

    const web = await runDelete({ 'secret-ids': 'tag:team=web' })
    expect(deletedNames(web)).toEqual(['web/a', 'web/b'])
    expect(await isScheduled('web/a')).toBe(true)
    expect(await isScheduled('web/b')).toBe(true)
    expect(await isScheduled('pay/c')).toBe(false)
    expect(await isScheduled('none/d')).toBe(false)
  }, 30_000)

  it('tag:KEY deletes every secret with the key, whatever its value, and only those', async () => {
    await tagged('web/a', { team: 'web' })
    await tagged('pay/c', { team: 'payments' })
    // moto (like AWS) matches tag-key by prefix: teamx must not be selected.
    await tagged('other/e', { teamx: 'web' })
    await tagged('other/f', { owner: 'team' })
    const result = await runDelete({ 'secret-ids': 'tag:team' })
    expect(deletedNames(result)).toEqual(['pay/c', 'web/a'])
    expect(await isScheduled('other/e')).toBe(false)
    expect(await isScheduled('other/f')).toBe(false)
  })

  it('a re-run over a tag line reports the scheduled secrets with their dates, no DeleteSecret', async () => {
    await tagged('pr/7/db', { pr: '7' })
    await tagged('pr/7/api', { pr: '7' })
    // Scheduled by someone else before the first run, with another window: reported, kept.
    await tagged('pr/7/old', { pr: '7' })
    await moto.client.send(
      new DeleteSecretCommand({ SecretId: 'pr/7/old', RecoveryWindowInDays: 9 })
    )
    const oldDate = (await describe_('pr/7/old')).DeletedDate!.toISOString()

    const { result: first, calls: firstCalls } = await withProxy(endpoint =>
      runDelete({ 'secret-ids': 'tag:pr=7', 'recovery-window-days': '7' }, endpoint)
    )
    expect(firstCalls.DeleteSecret).toBe(2)
    expect(deletedNames(first)).toEqual(['pr/7/api', 'pr/7/db', 'pr/7/old'])
    const dates = JSON.parse(first.outputs?.['deletion-dates'] ?? '') as Record<string, string>
    expect(dates['pr/7/old']).toBe(oldDate)

    const { result: again, calls } = await withProxy(endpoint =>
      runDelete({ 'secret-ids': 'tag:pr=7', 'recovery-window-days': '7' }, endpoint)
    )
    expect(calls).toEqual({ ListSecrets: 1, DescribeSecret: 3 })
    expect(deletedNames(again)).toEqual(['pr/7/api', 'pr/7/db', 'pr/7/old'])
    expect(JSON.parse(again.outputs?.['deletion-dates'] ?? '')).toEqual(dates)
    expect(again.summary?.heading).toBe('delete: 0 secret(s) deleted')
    expect(again.summary?.rows.map(row => row[1])).toEqual(
      Array(3).fill('already scheduled for deletion: nothing done')
    )
    expect(stdout.text()).not.toContain('::warning::')
  })

  it('max-deletions counts what a tag line would delete; over it, nothing is deleted', async () => {
    for (const name of ['t/a', 't/b', 't/c']) await tagged(name, { purpose: 'preview' })
    await expect(
      runDelete({ 'secret-ids': 'tag:purpose=preview', 'max-deletions': '2' })
    ).rejects.toThrow(
      /names 3 secrets \('t\/a', 't\/b', 't\/c'\), more than max-deletions \(2\): nothing was deleted/
    )
    for (const name of ['t/a', 't/b', 't/c']) expect(await isScheduled(name)).toBe(false)

    // One already scheduled is not counted again: two left to delete fit max-deletions 2.
    await moto.client.send(new DeleteSecretCommand({ SecretId: 't/c' }))
    const result = await runDelete({ 'secret-ids': 'tag:purpose=preview', 'max-deletions': '2' })
    expect(deletedNames(result)).toEqual(['t/a', 't/b', 't/c'])
    expect(result.summary?.heading).toBe('delete: 2 secret(s) deleted')
  })
})

describe('delete in two regions', () => {
  const EU = 'eu-west-1'

  it('deletes an eu-west-1 ARN there and a name in the default region, in one step', async () => {
    const eu = testClient(moto.endpoint, { region: EU })
    try {
      const [euDb] = await seedSecrets(eu, [
        { name: 'app/db', value: 'eu-db' },
        { name: 'app/api', value: 'eu-api' }
      ])
      await seedSecrets(moto.client, [
        { name: 'app/db', value: 'us-db' },
        { name: 'app/api', value: 'us-api' }
      ])
      const calls: string[] = []
      const proxy = await startProxy({
        target: moto.endpoint,
        fault: req => void calls.push(`${regionOf(req)} ${req.operation}`)
      })
      let result
      try {
        result = await runDelete({ 'secret-ids': `${euDb.arn}\napp/api` }, proxy.endpoint)
      } finally {
        await proxy.stop()
      }
      expect(calls.sort()).toEqual([
        'eu-west-1 DeleteSecret',
        'eu-west-1 DescribeSecret',
        'us-east-1 DeleteSecret',
        'us-east-1 DescribeSecret'
      ])
      expect(deletedNames(result)).toEqual(['app/api', 'app/db'])
      const euState = (id: string) => eu.send(new DescribeSecretCommand({ SecretId: id }))
      // Each in its region; the same names in the other region are untouched.
      expect((await euState('app/db')).DeletedDate).toBeDefined()
      expect((await euState('app/api')).DeletedDate).toBeUndefined()
      expect(await isScheduled('app/api')).toBe(true)
      expect(await isScheduled('app/db')).toBe(false)
    } finally {
      eu.destroy()
    }
  })
})

describe('delete inputs', () => {
  const parse = (inputs: Record<string, string>) => () => deleteMode.parse(inputsFrom(inputs))

  it.each([
    [{}, /Input 'secret-ids': or secret-id is required/],
    [{ 'secret-id': 'a', 'secret-ids': 'b' }, /Input 'secret-id': give secret-id or secret-ids/],
    [
      { 'secret-id': 'a', 'recovery-window-days': '6' },
      /Input 'recovery-window-days'.*between 7 and 30/
    ],
    [{ 'secret-id': 'a', 'recovery-window-days': '31' }, /Input 'recovery-window-days'/],
    [
      { 'secret-id': 'a', 'recovery-window-days': '7', 'force-delete-without-recovery': 'true' },
      /Input 'recovery-window-days': cannot be combined/
    ],
    [{ 'secret-id': 'a', 'deletion-policy': 'Keep' }, /Input 'deletion-policy'/],
    [{ 'secret-id': 'a', 'max-deletions': '0' }, /Input 'max-deletions'/],
    [{ 'secret-id': 'a', 'on-missing': 'default' }, /Input 'on-missing'/],
    [{ 'secret-ids': 'ALIAS,a' }, /Input 'secret-ids': 'a' has an alias/],
    [{ 'secret-id': 'a*' }, /Input 'secret-id'/]
  ])('refuses %j', (inputs, error) => {
    expect(parse(inputs)).toThrow(error)
  })
})

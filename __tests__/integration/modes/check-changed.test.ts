import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import {
  CreateSecretCommand,
  DeleteSecretCommand,
  PutSecretValueCommand
} from '@aws-sdk/client-secrets-manager'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { checkChangedMode } from '../../../src/modes/check-changed.js'
import { contextFor, inputsFrom } from '../../harness/context.js'
import { useCapturedStdout, useMoto } from '../../harness/jest-moto.js'
import { seedSecrets } from '../../harness/moto.js'
import { startProxy, type TestProxy } from '../../harness/proxy.js'
import { tempDir } from '../../harness/runner.js'

const moto = useMoto()
const stdout = useCapturedStdout()

let stateFile: string
beforeEach(() => {
  stateFile = path.join(tempDir('sma-check-'), 'state', 'version-ids.json')
})

async function check(
  inputs: Record<string, string>,
  opts: { endpoint?: string; env?: NodeJS.ProcessEnv } = {}
) {
  const config = checkChangedMode.parse(
    inputsFrom({ cache: 'file', 'state-file': stateFile, ...inputs })
  )
  const emission = await checkChangedMode.run(
    config,
    contextFor(opts.endpoint ?? moto.endpoint, opts.env)
  )
  const outputs = emission.outputs ?? {}
  return {
    emission,
    changed: outputs.changed,
    changedSecrets: JSON.parse(outputs['changed-secrets']) as string[],
    versionIds: JSON.parse(outputs['version-ids']) as Record<string, string>,
    previous: JSON.parse(outputs['previous-version-ids']) as Record<string, string>
  }
}

const warnings = () => stdout.text().match(/^::warning::.*$/gm) ?? []

async function putValue(name: string, value: string): Promise<string> {
  const out = await moto.client.send(
    new PutSecretValueCommand({ SecretId: name, SecretString: value })
  )
  return out.VersionId!
}

describe('check-changed against moto, state in a file', () => {
  it('reports every secret on a first run, then nothing while no version changes', async () => {
    const [a, b] = await seedSecrets(moto.client, [
      { name: 'app/a', value: 'value-a' },
      { name: 'app/b', value: 'value-b' }
    ])
    const first = await check({ 'secret-ids': 'app/*' })
    expect(first.changed).toBe('true')
    expect(first.changedSecrets).toEqual(['app/a', 'app/b'])
    expect(first.versionIds).toEqual({ 'app/a': a.versionId, 'app/b': b.versionId })
    expect(first.previous).toEqual({})
    expect(first.emission.secrets).toBeUndefined()

    const second = await check({ 'secret-ids': 'app/*' })
    expect(second.changed).toBe('false')
    expect(second.changedSecrets).toEqual([])
    expect(second.previous).toEqual(first.versionIds)
    expect(second.emission.summary?.heading).toMatch(/no change in 2 secrets/)
    expect(warnings()).toEqual([])
  })

  it('reports only the secret that got a new version', async () => {
    const [, b] = await seedSecrets(moto.client, [
      { name: 'svc/a', value: 'value-a' },
      { name: 'svc/b', value: 'value-b' },
      { name: 'svc/c', value: 'value-c' }
    ])
    await check({ 'secret-ids': 'svc/*' })
    const newId = await putValue('svc/b', 'value-b2')
    const run = await check({ 'secret-ids': 'svc/*' })
    expect(run.changed).toBe('true')
    expect(run.changedSecrets).toEqual(['svc/b'])
    expect(run.versionIds['svc/b']).toBe(newId)
    expect(run.previous['svc/b']).toBe(b.versionId)
    expect(run.emission.summary?.rows).toContainEqual(['svc/b', b.versionId, newId, 'changed'])
    expect(run.emission.summary?.rows).toContainEqual(
      expect.arrayContaining(['svc/a', 'unchanged'])
    )
  })

  it('reports a secret that appears under the prefix as new', async () => {
    await seedSecrets(moto.client, [{ name: 'team/one', value: 'v1' }])
    await check({ 'secret-ids': 'team/*' })
    const [two] = await seedSecrets(moto.client, [{ name: 'team/two', value: 'v2' }])
    const run = await check({ 'secret-ids': 'team/*' })
    expect(run.changedSecrets).toEqual(['team/two'])
    expect(run.emission.summary?.rows).toContainEqual(['team/two', '-', two.versionId, 'new'])
  })

  it('reports a deleted secret as changed, under a prefix and by name', async () => {
    await seedSecrets(moto.client, [
      { name: 'del/keep', value: 'v1' },
      { name: 'del/old', value: 'v2' },
      { name: 'named', value: 'v3' }
    ])
    await check({ 'secret-ids': 'del/*\nnamed' })
    // Scheduled for deletion (the default recovery window): unreadable, so gone.
    await moto.client.send(new DeleteSecretCommand({ SecretId: 'del/old' }))
    await moto.client.send(
      new DeleteSecretCommand({ SecretId: 'named', ForceDeleteWithoutRecovery: true })
    )
    const run = await check({ 'secret-ids': 'del/*\nnamed' })
    expect(run.changed).toBe('true')
    expect(run.changedSecrets).toEqual(['del/old', 'named'])
    expect(run.versionIds).toEqual({ 'del/keep': expect.any(String) })
    expect(run.emission.summary?.rows).toContainEqual(expect.arrayContaining(['named', 'gone']))
    expect(warnings()).toEqual([expect.stringMatching(/'named' no longer exists/)])

    // Once reported, a secret still named explicitly is a mistake in secret-ids.
    await expect(check({ 'secret-ids': 'del/*\nnamed' })).rejects.toThrow(
      /no secret matches 'named'/
    )
  })

  it('fails on a first run naming every id that matches nothing, writing no state', async () => {
    await seedSecrets(moto.client, [{ name: 'real', value: 'real-value' }])
    const run = check({ 'secret-ids': 'real\ntypo-name\nnothing/*' })
    await expect(run).rejects.toThrow(/'typo-name', 'nothing\/\*'/)
    expect(fs.existsSync(stateFile)).toBe(false)
  })

  it('keeps names and version ids only, sorted, written atomically', async () => {
    await seedSecrets(moto.client, [
      { name: 'zeta', value: 'zeta-secret-value' },
      { name: 'alpha', value: '{"password":"alpha-secret-value"}' }
    ])
    const run = await check({ 'secret-ids': 'zeta\nalpha' })
    const text = fs.readFileSync(stateFile, 'utf8')
    expect(JSON.parse(text)).toEqual({
      kind: 'secrets-manager-action/check-changed',
      schema: 1,
      versionIds: run.versionIds
    })
    expect(Object.keys(JSON.parse(text).versionIds)).toEqual(['alpha', 'zeta'])
    expect(text).not.toMatch(/secret-value/)
    expect(fs.readdirSync(path.dirname(stateFile))).toEqual(['version-ids.json'])
  })

  it('treats a corrupt state file as a first run reported as changed, and replaces it', async () => {
    await seedSecrets(moto.client, [{ name: 'cc/one', value: 'v1' }])
    fs.mkdirSync(path.dirname(stateFile), { recursive: true })
    fs.writeFileSync(
      stateFile,
      '{\n  "kind": "secrets-manager-action/check-changed",\n  "schema": 1,\n  "versionIds": {"c/one":'
    )
    const run = await check({ 'secret-ids': 'cc/*', 'first-run': 'unchanged' })
    expect(run.changed).toBe('true')
    expect(run.changedSecrets).toEqual(['cc/one'])
    expect(warnings()).toEqual([expect.stringMatching(/state file .* is corrupt/)])
    expect(JSON.parse(fs.readFileSync(stateFile, 'utf8')).versionIds).toEqual(run.versionIds)
  })

  it.each([
    ['package.json', '{\n  "name": "app",\n  "version": "1.0.0"\n}\n'],
    ['a JSON object without the marker', '{"schema":2,"versionIds":{}}'],
    ['text', 'not json at all'],
    ['an empty file', '']
  ])('refuses to replace %s, naming state-file, and leaves it as it was', async (_, text) => {
    await seedSecrets(moto.client, [{ name: 'pj/one', value: 'v1' }])
    fs.mkdirSync(path.dirname(stateFile), { recursive: true })
    fs.writeFileSync(stateFile, text)
    await expect(check({ 'secret-ids': 'pj/*' })).rejects.toThrow(
      /^Input 'state-file': '.*' exists and is not a state file of this action .*refusing to replace it/
    )
    expect(fs.readFileSync(stateFile, 'utf8')).toBe(text)
    expect(fs.readdirSync(path.dirname(stateFile))).toEqual([path.basename(stateFile)])
  })

  it('reads and replaces a state file written before the marker existed', async () => {
    await seedSecrets(moto.client, [{ name: 'lg/one', value: 'v1' }])
    fs.mkdirSync(path.dirname(stateFile), { recursive: true })
    fs.writeFileSync(stateFile, '{"schema":1,"versionIds":{}}')
    const run = await check({ 'secret-ids': 'lg/*' })
    expect(run.changedSecrets).toEqual(['lg/one'])
    expect(JSON.parse(fs.readFileSync(stateFile, 'utf8')).kind).toBe(
      'secrets-manager-action/check-changed'
    )
  })

  it('treats an unreadable state file as changed, with a warning', async () => {
    await seedSecrets(moto.client, [{ name: 'uu/one', value: 'v1' }])
    fs.mkdirSync(stateFile, { recursive: true })
    const run = await check({ 'secret-ids': 'uu/*', 'first-run': 'unchanged' })
    expect(run.changed).toBe('true')
    expect(warnings()[0]).toMatch(/Could not read the state file .*EISDIR/)
  })

  it('honours first-run: unchanged when there is no state yet', async () => {
    await seedSecrets(moto.client, [{ name: 'ff/one', value: 'v1' }])
    const run = await check({ 'secret-ids': 'ff/*', 'first-run': 'unchanged' })
    expect(run.changed).toBe('false')
    expect(run.changedSecrets).toEqual([])
    expect(run.versionIds).toEqual({ 'ff/one': expect.any(String) })
  })

  it('only compares secrets the ids still name: removed ids are not reported gone', async () => {
    await seedSecrets(moto.client, [
      { name: 'xx/one', value: 'v1' },
      { name: 'yy/two', value: 'v2' }
    ])
    await check({ 'secret-ids': 'xx/*\nyy/*' })
    const run = await check({ 'secret-ids': 'xx/*' })
    expect(run.changed).toBe('false')
    expect(run.previous).toEqual({ 'xx/one': expect.any(String) })
  })
})

describe('check-changed reads version ids only', () => {
  let proxy: TestProxy
  beforeEach(async () => {
    proxy = await startProxy({ target: moto.endpoint })
  })
  afterEach(async () => {
    await proxy.stop()
  })

  it('reads 100 secrets behind one prefix with a single ListSecrets call, and no value', async () => {
    const items = Array.from({ length: 100 }, (_, i) => ({ name: `bulk/s${i}`, value: `v-${i}` }))
    await seedSecrets(moto.client, items)
    const run = await check({ 'secret-ids': 'bulk/*' }, { endpoint: proxy.endpoint })
    expect(Object.keys(run.versionIds)).toHaveLength(100)
    expect(proxy.calls()).toEqual({ ListSecrets: 1 })
  })

  it('lists explicit names 10 to a call, describes only what listing cannot answer', async () => {
    const seeded = await seedSecrets(
      moto.client,
      Array.from({ length: 12 }, (_, i) => ({ name: `n${String(i).padStart(2, '0')}`, value: 'v' }))
    )
    // A partial ARN (no random suffix) of n11 and a complete one of n10; n10 by name too.
    const partial = seeded[11].arn.slice(0, -7)
    const ids = [...seeded.slice(0, 11).map(s => s.name), seeded[10].arn, partial]
    const run = await check({ 'secret-ids': ids.join('\n') }, { endpoint: proxy.endpoint })
    expect(Object.keys(run.versionIds)).toHaveLength(12)
    expect(run.versionIds.n11).toBe(seeded[11].versionId)
    expect(proxy.calls()).toEqual({ ListSecrets: 2 })

    // A name listing does not return is confirmed with DescribeSecret before it is reported.
    proxy.resetCounts()
    await expect(
      check({ 'secret-ids': 'n00\nno-such-name' }, { endpoint: proxy.endpoint })
    ).rejects.toThrow(/no secret matches 'no-such-name'/)
    expect(proxy.calls()).toEqual({ ListSecrets: 1, DescribeSecret: 1 })
  })

  it('falls back to DescribeSecret, warning once, when ListSecrets is denied', async () => {
    await seedSecrets(moto.client, [
      { name: 'dd/a', value: 'va' },
      { name: 'dd/b', value: 'vb' }
    ])
    proxy.setFault(({ operation }) =>
      operation === 'ListSecrets' ? { kind: 'denied' } : undefined
    )
    const run = await check({ 'secret-ids': 'dd/a\ndd/b' }, { endpoint: proxy.endpoint })
    expect(Object.keys(run.versionIds)).toEqual(['dd/a', 'dd/b'])
    expect(proxy.calls()).toEqual({ ListSecrets: 1, DescribeSecret: 2 })
    expect(warnings()).toEqual([expect.stringMatching(/ListSecrets is denied/)])
    // A wildcard needs ListSecrets.
    await expect(check({ 'secret-ids': 'dd/*' }, { endpoint: proxy.endpoint })).rejects.toThrow(
      /Access denied to secretsmanager:ListSecrets for 'dd\/\*'/
    )
  })

  it('never reads a value in a whole cycle of changes', async () => {
    await seedSecrets(moto.client, [
      { name: 'pp/a', value: 'va' },
      { name: 'solo', value: 'vs' }
    ])
    const ids = { 'secret-ids': 'pp/*\nsolo' }
    await check(ids, { endpoint: proxy.endpoint })
    await putValue('solo', 'vs2')
    await moto.client.send(new CreateSecretCommand({ Name: 'pp/b', SecretString: 'vb' }))
    await moto.client.send(new DeleteSecretCommand({ SecretId: 'pp/a' }))
    const run = await check(ids, { endpoint: proxy.endpoint })
    expect(run.changedSecrets).toEqual(['pp/a', 'pp/b', 'solo'])
    const calls = proxy.calls()
    expect(calls.GetSecretValue).toBeUndefined()
    expect(calls.BatchGetSecretValue).toBeUndefined()
    expect(Object.keys(calls).sort()).toEqual(['ListSecrets'])
  })
})

describe('check-changed with cache: actions', () => {
  const saved: Record<string, string | undefined> = {}
  const vars = ['ACTIONS_CACHE_URL', 'ACTIONS_RESULTS_URL', 'ACTIONS_CACHE_SERVICE_V2']
  beforeEach(() => {
    for (const name of vars) {
      saved[name] = process.env[name]
      delete process.env[name]
    }
  })
  afterEach(() => {
    for (const name of vars) {
      if (saved[name] === undefined) delete process.env[name]
      else process.env[name] = saved[name]
    }
  })

  it('warns and acts as a first run outside a runner', async () => {
    await seedSecrets(moto.client, [{ name: 'ci/one', value: 'v1' }])
    const config = checkChangedMode.parse(inputsFrom({ 'secret-ids': 'ci/*' }))
    const ctx = contextFor(moto.endpoint, { RUNNER_TEMP: tempDir('sma-rt-') })
    const first = await checkChangedMode.run(config, ctx)
    expect(first.outputs?.changed).toBe('true')
    expect(warnings()).toEqual([expect.stringMatching(/cache service is not available/)])
    const again = await checkChangedMode.run(config, ctx)
    expect(again.outputs?.changed).toBe('true')
  })
})

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { PutSecretValueCommand } from '@aws-sdk/client-secrets-manager'
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { startCacheServer, type CacheServer } from '../harness/cache-server.js'
import { useMoto } from '../harness/jest-moto.js'
import { seedSecrets } from '../harness/moto.js'
import { startProxy, type TestProxy } from '../harness/proxy.js'
import { runStep, tempDir, type StepResult } from '../harness/runner.js'

const moto = useMoto()
let cacheServer: CacheServer
let proxy: TestProxy
let workspace: string
let runnerTemp: string

beforeAll(async () => {
  cacheServer = await startCacheServer()
})
afterAll(async () => {
  await cacheServer.stop()
})
beforeEach(async () => {
  cacheServer.clear()
  proxy = await startProxy({ target: moto.endpoint })
  workspace = tempDir('sma-ws-')
  runnerTemp = tempDir('sma-rt-')
})
afterEach(async () => {
  await proxy.stop()
})

/**
 * One scheduled run of a job: as on a hosted runner, every run has the same workspace and
 * RUNNER_TEMP paths, and RUNNER_TEMP starts empty (nothing survives but the cache).
 */
async function scheduledRun(
  run: string,
  inputs: Record<string, string> = {},
  env: Record<string, string | null> = {}
): Promise<StepResult> {
  fs.rmSync(runnerTemp, { recursive: true, force: true })
  fs.mkdirSync(runnerTemp)
  return runStep({
    inputs: { mode: 'check-changed', 'endpoint-url': proxy.endpoint, ...inputs },
    env: { ...cacheServer.env, GITHUB_RUN_ID: run, ...env },
    workspace,
    runnerTemp
  })
}

const list = (text: string) => JSON.parse(text) as string[]
const map = (text: string) => JSON.parse(text) as Record<string, string>

describe('check-changed, bundled, with the Actions cache', () => {
  it('saves each run, restores the newest, and reports only the secret that changed', async () => {
    const [a, b] = await seedSecrets(moto.client, [
      { name: 'deploy/a', value: 'value-of-a' },
      { name: 'deploy/b', value: 'value-of-b' }
    ])
    const inputs = { 'secret-ids': 'deploy/*' }

    const first = await scheduledRun('101', inputs)
    expect(first.errors).toEqual([])
    expect(first.exitCode).toBe(0)
    expect(first.outputs.changed).toBe('true')
    expect(list(first.outputs['changed-secrets'])).toEqual(['deploy/a', 'deploy/b'])
    expect(map(first.outputs['version-ids'])).toEqual({
      'deploy/a': a.versionId,
      'deploy/b': b.versionId
    })
    const [saved] = cacheServer.entries()
    expect(saved).toMatchObject({ key: expect.stringMatching(/-101-1$/), committed: true })
    // The archive holds names and version ids, never a value.
    const stored = extractArchive(cacheServer.archive(saved.key)!)
    expect(stored).toContain(a.versionId)
    expect(stored).not.toMatch(/value-of/)

    const second = await scheduledRun('102', inputs)
    expect(second.outputs.changed).toBe('false')
    expect(list(second.outputs['changed-secrets'])).toEqual([])
    expect(map(second.outputs['previous-version-ids'])).toEqual(map(first.outputs['version-ids']))
    expect(second.warnings).toEqual([])

    const put = await moto.client.send(
      new PutSecretValueCommand({ SecretId: 'deploy/b', SecretString: 'value-of-b2' })
    )
    const third = await scheduledRun('103', inputs)
    expect(third.outputs.changed).toBe('true')
    expect(list(third.outputs['changed-secrets'])).toEqual(['deploy/b'])
    expect(third.summary).toContain(b.versionId)
    expect(third.summary).toContain(put.VersionId)
    expect(third.summary).not.toMatch(/value-of/)
    expect(cacheServer.entries().map(e => e.key.slice(-6))).toEqual(['-101-1', '-102-1', '-103-1'])

    // A re-run (say the deploy failed) reports the same change as the first attempt.
    const rerun = await scheduledRun('103', inputs, { GITHUB_RUN_ATTEMPT: '2' })
    expect(list(rerun.outputs['changed-secrets'])).toEqual(['deploy/b'])
    expect(rerun.summary).toMatch(/a re-run reports the same changes/)

    const fourth = await scheduledRun('104', inputs)
    expect(fourth.outputs.changed).toBe('false')

    const calls = proxy.calls()
    expect(calls).toEqual({ ListSecrets: 5 })
  })

  it('keeps the ids of different secret lists under different keys', async () => {
    await seedSecrets(moto.client, [
      { name: 'one/a', value: 'v1' },
      { name: 'two/a', value: 'v2' }
    ])
    await scheduledRun('201', { 'secret-ids': 'one/*' })
    const other = await scheduledRun('202', { 'secret-ids': 'two/*' })
    expect(other.outputs.changed).toBe('true')
    const custom = await scheduledRun('203', { 'secret-ids': 'one/*', 'cache-key': 'my-deploy' })
    expect(custom.outputs.changed).toBe('true')
    expect(cacheServer.entries().at(-1)?.key).toBe('my-deploy-203-1')
  })

  it('warns and acts as a first run when the cache service fails', async () => {
    await seedSecrets(moto.client, [{ name: 'down/a', value: 'v1' }])
    cacheServer.setFailure(500)
    const step = await scheduledRun('301', { 'secret-ids': 'down/*', 'first-run': 'changed' })
    expect(step.exitCode).toBe(0)
    expect(step.outputs.changed).toBe('true')
    expect(step.warnings.join('\n')).toMatch(/Failed to restore/)
    expect(step.errors).toEqual([])
  })

  it('warns and acts as a first run outside a runner', async () => {
    await seedSecrets(moto.client, [{ name: 'local/a', value: 'v1' }])
    const env = { ACTIONS_CACHE_URL: null, ACTIONS_RUNTIME_TOKEN: null }
    const step = await scheduledRun('401', { 'secret-ids': 'local/*' }, env)
    expect(step.exitCode).toBe(0)
    expect(step.outputs.changed).toBe('true')
    expect(step.warnings).toEqual([expect.stringMatching(/cache service is not available/)])
    const again = await scheduledRun(
      '402',
      { 'secret-ids': 'local/*', 'first-run': 'unchanged' },
      env
    )
    expect(again.outputs.changed).toBe('false')
  })
})

describe('check-changed, bundled, with a state file', () => {
  it('keeps the ids in the file, relative to the workspace', async () => {
    await seedSecrets(moto.client, [{ name: 'file/a', value: 'v1' }])
    const inputs = { 'secret-ids': 'file/a', cache: 'file', 'state-file': '.state/ids.json' }
    const first = await scheduledRun('501', inputs)
    expect(first.outputs.changed).toBe('true')
    const file = path.join(workspace, '.state', 'ids.json')
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).versionIds).toEqual(
      map(first.outputs['version-ids'])
    )
    const second = await scheduledRun('502', inputs)
    expect(second.outputs.changed).toBe('false')
    expect(cacheServer.requests()).toEqual([])
  })

  it('refuses a state-file without cache: file, before any AWS call', async () => {
    const step = await scheduledRun('601', { 'secret-ids': 'x/a*', 'state-file': 'ids.json' })
    expect(step.exitCode).toBe(1)
    expect(step.errors).toEqual([
      "Input 'state-file': is only used with cache: file (cache is actions)"
    ])
    expect(proxy.total()).toBe(0)
  })
})

function extractArchive(archive: Buffer): string {
  const dir = tempDir('sma-archive-')
  const file = path.join(dir, 'cache.tzst')
  fs.writeFileSync(file, archive)
  const out = spawnSync('tar', ['--use-compress-program', 'zstd -d', '-P', '-xOf', file], {
    encoding: 'utf8'
  })
  if (out.status !== 0) throw new Error(`tar failed: ${out.stderr}`)
  return out.stdout
}

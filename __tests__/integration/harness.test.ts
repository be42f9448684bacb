// The harness itself, against the real moto server: proxy counting, faults and reset.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  CreateSecretCommand,
  GetSecretValueCommand,
  ListSecretsCommand
} from '@aws-sdk/client-secrets-manager'
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { useMoto } from '../harness/jest-moto.js'
import { seedSecrets, testClient } from '../harness/moto.js'
import { startProxy, type Proxy } from '../harness/proxy.js'
import { runAction, runStep, tempDir } from '../harness/runner.js'
import { writeFileSync } from 'node:fs'
import path from 'node:path'

const moto = useMoto()
let proxy: Proxy

beforeAll(async () => {
  proxy = await startProxy({ target: moto.endpoint })
})
afterAll(async () => {
  await proxy?.stop()
})
beforeEach(() => {
  proxy.resetCounts()
  proxy.setFault(undefined)
  proxy.setLatency(0)
})

const value = async (id: string) =>
  await moto.client.send(new GetSecretValueCommand({ SecretId: id, VersionStage: 'AWSCURRENT' }))

describe('harness', () => {
  it('seeds through the proxy, which counts each operation', async () => {
    const client = testClient(proxy.endpoint)
    const seeded = await seedSecrets(client, [
      { name: 'app/db', value: '{"user":"u","password":"p"}', description: 'db' },
      { name: 'app/cert', value: new Uint8Array([0, 1, 2, 255]) }
    ])
    client.destroy()

    expect(seeded.map(s => s.name)).toEqual(['app/db', 'app/cert'])
    expect(seeded[0].arn).toMatch(/^arn:aws:secretsmanager:us-east-1:123456789012:secret:app\/db-/)
    expect(proxy.calls()).toEqual({ CreateSecret: 2 })
    expect(proxy.total()).toBe(2)
    expect((await value('app/db')).SecretString).toBe('{"user":"u","password":"p"}')
    expect([...((await value('app/cert')).SecretBinary ?? [])]).toEqual([0, 1, 2, 255])
  })

  it('starts each test from an empty moto, and reset() empties it', async () => {
    const list = async () => (await moto.client.send(new ListSecretsCommand({}))).SecretList ?? []
    expect(await list()).toEqual([])
    await seedSecrets(moto.client, [{ name: 'x', value: 'y' }])
    expect(await list()).toHaveLength(1)
    await moto.server.reset()
    expect(await list()).toEqual([])
  })

  it('shows a throttle fault as ThrottlingException, without forwarding it', async () => {
    await seedSecrets(moto.client, [{ name: 's', value: 'v' }])
    proxy.setFault(({ operation, n }) =>
      operation === 'GetSecretValue' && n === 1 ? { kind: 'throttle' } : undefined
    )
    const client = testClient(proxy.endpoint)
    const get = () => client.send(new GetSecretValueCommand({ SecretId: 's' }))
    await expect(get()).rejects.toMatchObject({
      name: 'ThrottlingException',
      $metadata: { httpStatusCode: 400 }
    })
    expect((await get()).SecretString).toBe('v')
    client.destroy()
    expect(proxy.calls()).toEqual({ GetSecretValue: 2 })
  })

  it('injects internal errors, resets, dropped responses and latency', async () => {
    const client = testClient(proxy.endpoint)
    const create = (name: string) =>
      client.send(new CreateSecretCommand({ Name: name, SecretString: 'v' }))

    proxy.setFault(() => ({ kind: 'internal' }))
    await expect(create('a')).rejects.toMatchObject({ name: 'InternalServiceError' })

    proxy.setFault(() => ({ kind: 'reset' }))
    await expect(create('b')).rejects.toThrow()

    proxy.setFault(() => ({ kind: 'drop-response' }))
    await expect(create('c')).rejects.toThrow()

    proxy.setFault(undefined)
    proxy.setLatency(150)
    const started = Date.now()
    await create('d')
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
    client.destroy()

    const names = (await moto.client.send(new ListSecretsCommand({}))).SecretList?.map(s => s.Name)
    expect(names?.sort()).toEqual(['c', 'd']) // only forwarded requests reached moto
    expect(proxy.calls()).toEqual({ CreateSecret: 4 })
  })

  it('names query-protocol (STS) operations from the Action parameter', async () => {
    const sts = new STSClient({
      endpoint: proxy.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
      maxAttempts: 1
    })
    const out = await sts.send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: 'arn:aws:iam::123456789012:role/ci',
        RoleSessionName: 'harness',
        WebIdentityToken: 'token'
      })
    )
    sts.destroy()
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA/)
    expect(proxy.calls()).toEqual({ AssumeRoleWithWebIdentity: 1 })
  })
})

// A stand-in bundle (not the action): proves runStep's process, env and file-command plumbing.
// One file for both steps, as action.yml has it: the post step is the one given isPost.
const STUB = `
const fs = require('node:fs')
const e = process.env
if (e.STATE_isPost === 'true') {
  console.log('post ' + e.STATE_saved + ' ' + process.cwd())
} else {
  fs.appendFileSync(e.GITHUB_OUTPUT, 'mode=' + e.INPUT_MODE + '\\nids<<EOF_1\\n' + e['INPUT_SECRET-IDS'] + '\\nEOF_1\\n')
  fs.appendFileSync(e.GITHUB_STATE, 'isPost=true\\nsaved=' + e.GITHUB_WORKSPACE + '\\n')
  fs.appendFileSync(e.GITHUB_ENV, 'REGION=' + (e.AWS_REGION ?? 'none') + '\\n')
  console.log('::add-mask::top%0Asecret')
  console.log('::error::bad%25 input')
  process.exitCode = 1
}
`

describe('runStep', () => {
  const dist = tempDir('sma-stub-dist-')
  writeFileSync(path.join(dist, 'index.js'), STUB)

  it('runs main then post like the runner, and parses what they leave', async () => {
    const { main, post } = await runAction({
      distDir: dist,
      inputs: { 'secret-ids': 'a\nb' },
      env: { AWS_REGION: null }
    })
    expect(main).toMatchObject({
      exitCode: 1,
      outputs: { mode: 'fetch', ids: 'a\nb' },
      env: { REGION: 'none' },
      errors: ['bad% input'],
      masks: ['top\nsecret']
    })
    expect(main.state).toEqual({ isPost: 'true', saved: main.workspace })
    expect(post.exitCode).toBe(0)
    expect(post.stdout.trim()).toBe(`post ${main.workspace} ${main.workspace}`)
    expect(post.runnerTemp).toBe(main.runnerTemp)
  })

  it('refuses an undeclared input', async () => {
    await expect(runStep({ distDir: dist, inputs: { nope: 'x' } })).rejects.toThrow(/not declared/)
  })
})

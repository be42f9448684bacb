import { describe, expect, it } from '@jest/globals'
import {
  CreateSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
  ListSecretVersionIdsCommand,
  type SecretsManagerClient
} from '@aws-sdk/client-secrets-manager'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { putMode } from '../../../src/modes/put.js'
import type { ModeContext } from '../../../src/modes/types.js'
import { contextFor, holdUntilBoth, inputsFrom } from '../../harness/context.js'
import { useCapturedStdout, useMoto } from '../../harness/jest-moto.js'
import { seedSecrets } from '../../harness/moto.js'
import { startProxy, type FaultFn } from '../../harness/proxy.js'

const moto = useMoto()
const stdout = useCapturedStdout()

const RUN = {
  GITHUB_RUN_ID: '777',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_JOB: 'ship',
  GITHUB_ACTION: 'put'
}

async function put(
  inputs: Record<string, string>,
  opts: { endpoint?: string; env?: NodeJS.ProcessEnv; context?: ModeContext } = {}
) {
  const config = putMode.parse(inputsFrom(inputs))
  const context = opts.context ?? contextFor(opts.endpoint ?? moto.endpoint, opts.env)
  return putMode.run(config, context)
}

async function versionCount(client: SecretsManagerClient, id: string): Promise<number> {
  // moto ignores paging here (MOTO.md): one call lists every version.
  const out = await client.send(new ListSecretVersionIdsCommand({ SecretId: id }))
  return out.Versions?.length ?? 0
}

// The stage is named: moto's unstaged read can lag behind (MOTO.md).
async function current(client: SecretsManagerClient, id: string) {
  return client.send(new GetSecretValueCommand({ SecretId: id, VersionStage: 'AWSCURRENT' }))
}

async function secretCount(client: SecretsManagerClient): Promise<number> {
  return (await client.send(new ListSecretsCommand({}))).SecretList?.length ?? 0
}

function workspaceFile(bytes: Uint8Array): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'put-file-'))
  const file = path.join(dir, 'value.bin')
  fs.writeFileSync(file, bytes)
  return file
}

describe('put against moto', () => {
  it('creates a missing secret with description, tags and KMS key when asked', async () => {
    const emission = await put({
      'secret-id': 'app/new',
      'secret-string': 'first-value',
      'create-if-missing': 'true',
      description: 'made by put',
      'kms-key-id': 'alias/app',
      tags: 'team=payments\nenv=prod'
    })
    expect(emission.outputs).toMatchObject({ name: 'app/new', changed: 'true', created: 'true' })
    const described = await moto.client.send(new DescribeSecretCommand({ SecretId: 'app/new' }))
    expect(described.Description).toBe('made by put')
    expect(described.KmsKeyId).toBe('alias/app')
    expect(described.Tags).toEqual([
      { Key: 'team', Value: 'payments' },
      { Key: 'env', Value: 'prod' }
    ])
    expect(described.ARN).toBe(emission.outputs?.arn)
    const value = await current(moto.client, 'app/new')
    expect(value.SecretString).toBe('first-value')
    expect(value.VersionId).toBe(emission.outputs?.['version-id'])
  })

  it('takes tags as a JSON object', async () => {
    await put({
      'secret-id': 'tagged',
      'secret-string': 'tagged-value',
      'create-if-missing': 'true',
      tags: '{"owner":"ops","cost-center":"42"}'
    })
    const described = await moto.client.send(new DescribeSecretCommand({ SecretId: 'tagged' }))
    expect(described.Tags).toEqual([
      { Key: 'owner', Value: 'ops' },
      { Key: 'cost-center', Value: '42' }
    ])
  })

  it('refuses a missing secret without create-if-missing, and creates nothing', async () => {
    const error = await put({ 'secret-id': 'absent', 'secret-string': 'absent-value' }).catch(
      (e: Error) => e.message
    )
    expect(error).toMatch(/'absent' not found.*create-if-missing: true/)
    expect(error).not.toContain('absent-value')
    expect(await secretCount(moto.client)).toBe(0)
  })

  it('writes a new AWSCURRENT version of an existing secret', async () => {
    const [seeded] = await seedSecrets(moto.client, [{ name: 'app/db', value: 'old-value' }])
    const emission = await put({ 'secret-id': 'app/db', 'secret-string': 'new-value' })
    expect(emission.outputs).toMatchObject({
      arn: seeded.arn,
      name: 'app/db',
      changed: 'true',
      created: 'false'
    })
    const value = await current(moto.client, 'app/db')
    expect(value.SecretString).toBe('new-value')
    expect(value.VersionId).toBe(emission.outputs?.['version-id'])
    const previous = await moto.client.send(
      new GetSecretValueCommand({ SecretId: 'app/db', VersionStage: 'AWSPREVIOUS' })
    )
    expect(previous.VersionId).toBe(seeded.versionId)
  })

  it('skips an unchanged value without a new version, and writes it when told not to skip', async () => {
    const [seeded] = await seedSecrets(moto.client, [{ name: 'same', value: 'same-value' }])
    const skipped = await put({ 'secret-id': 'same', 'secret-string': 'same-value' })
    expect(skipped.outputs).toMatchObject({
      changed: 'false',
      created: 'false',
      'version-id': seeded.versionId
    })
    expect(await versionCount(moto.client, 'same')).toBe(1)
    expect(skipped.summary?.notes?.join(' ')).toMatch(/nothing was written/)

    const forced = await put({
      'secret-id': 'same',
      'secret-string': 'same-value',
      'skip-unchanged': 'false'
    })
    expect(forced.outputs?.changed).toBe('true')
    expect(await versionCount(moto.client, 'same')).toBe(2)
  })

  it('counts a string and binary of the same bytes as a change', async () => {
    await seedSecrets(moto.client, [{ name: 'kind', value: 'abc' }])
    const file = workspaceFile(Buffer.from('abc'))
    const emission = await put({ 'secret-id': 'kind', 'secret-file': file })
    expect(emission.outputs?.changed).toBe('true')
    const value = await current(moto.client, 'kind')
    expect(value.SecretString).toBeUndefined()
    expect(Buffer.from(value.SecretBinary as Uint8Array).toString()).toBe('abc')
  })

  it('stores a binary file byte for byte, 00 and FF included, and skips it the second time', async () => {
    const bytes = new Uint8Array([0x00, 0xff, 0x0a, 0x0d, 0x80, 0x00, 0xfe, 0xff])
    const file = workspaceFile(bytes)
    const first = await put({
      'secret-id': 'bin',
      'secret-file': file,
      'create-if-missing': 'true'
    })
    expect(first.outputs?.created).toBe('true')
    const value = await current(moto.client, 'bin')
    expect(new Uint8Array(value.SecretBinary as Uint8Array)).toEqual(bytes)
    expect(value.SecretString).toBeUndefined()

    const again = await put({ 'secret-id': 'bin', 'secret-file': file })
    expect(again.outputs?.changed).toBe('false')
    expect(await versionCount(moto.client, 'bin')).toBe(1)
  })

  it('stores a UTF-8 file as SecretString with file-encoding: utf8', async () => {
    const text = 'héllo ✓\nline two\n'
    const file = workspaceFile(Buffer.from(text, 'utf8'))
    await put({
      'secret-id': 'txt',
      'secret-file': file,
      'file-encoding': 'utf8',
      'create-if-missing': 'true'
    })
    expect((await current(moto.client, 'txt')).SecretString).toBe(text)
  })

  it('stores secret-json compact, and skips it when only the layout of the input differs', async () => {
    const pretty = '{\n  "user": "app",\n  "pass": "json-pw-1",\n  "port": 5432\n}'
    await put({ 'secret-id': 'js', 'secret-json': pretty, 'create-if-missing': 'true' })
    const stored = (await current(moto.client, 'js')).SecretString
    expect(stored).toBe('{"user":"app","pass":"json-pw-1","port":5432}')
    const again = await put({
      'secret-id': 'js',
      'secret-json': '{"user":"app", "pass":"json-pw-1", "port":5432}'
    })
    expect(again.outputs?.changed).toBe('false')
  })

  it('writes the given version-stages', async () => {
    const [seeded] = await seedSecrets(moto.client, [{ name: 'staged', value: 'live-value' }])
    const emission = await put({
      'secret-id': 'staged',
      'secret-string': 'next-value',
      'version-stages': 'NEXT, CANARY'
    })
    const next = await moto.client.send(
      new GetSecretValueCommand({ SecretId: 'staged', VersionStage: 'CANARY' })
    )
    expect(next.SecretString).toBe('next-value')
    expect(next.VersionId).toBe(emission.outputs?.['version-id'])
    expect((await current(moto.client, 'staged')).VersionId).toBe(seeded.versionId)
  })

  it('labels a created secret with the extra version-stages too', async () => {
    const emission = await put({
      'secret-id': 'fresh-staged',
      'secret-string': 'fresh-value',
      'create-if-missing': 'true',
      'version-stages': 'AWSCURRENT\nRELEASE'
    })
    const release = await moto.client.send(
      new GetSecretValueCommand({ SecretId: 'fresh-staged', VersionStage: 'RELEASE' })
    )
    expect(release.VersionId).toBe(emission.outputs?.['version-id'])
  })

  it('writes once when the answer to the first PutSecretValue is lost (SDK retry, same token)', async () => {
    await seedSecrets(moto.client, [{ name: 'retry', value: 'before' }])
    const dropFirst: FaultFn = ({ operation, n }) =>
      operation === 'PutSecretValue' && n === 1 ? { kind: 'drop-response' } : undefined
    const proxy = await startProxy({ target: moto.endpoint, fault: dropFirst })
    try {
      const emission = await put(
        { 'secret-id': 'retry', 'secret-string': 'after', 'skip-unchanged': 'false' },
        { endpoint: proxy.endpoint, env: RUN }
      )
      expect(proxy.calls().PutSecretValue).toBe(2)
      expect(emission.outputs?.changed).toBe('true')
      expect(await versionCount(moto.client, 'retry')).toBe(2)
      const value = await current(moto.client, 'retry')
      expect(value.SecretString).toBe('after')
      expect(value.VersionId).toBe(emission.outputs?.['version-id'])
    } finally {
      await proxy.stop()
    }
  })

  it('writes nothing new when the same run attempt of the same step runs again', async () => {
    await seedSecrets(moto.client, [{ name: 'rerun', value: 'before' }])
    const inputs = { 'secret-id': 'rerun', 'secret-string': 'after', 'skip-unchanged': 'false' }
    const first = await put(inputs, { env: RUN })
    const second = await put(inputs, { env: RUN })
    expect(second.outputs?.['version-id']).toBe(first.outputs?.['version-id'])
    expect(await versionCount(moto.client, 'rerun')).toBe(2)
    // Another attempt is another write.
    await put(inputs, { env: { ...RUN, GITHUB_RUN_ATTEMPT: '2' } })
    expect(await versionCount(moto.client, 'rerun')).toBe(3)
  })

  it('uses client-request-token as the version id', async () => {
    await seedSecrets(moto.client, [{ name: 'tok', value: 'before' }])
    const token = '0f8fad5b-d9cb-469f-a165-70867728950e'
    const emission = await put({
      'secret-id': 'tok',
      'secret-string': 'after',
      'client-request-token': token
    })
    expect(emission.outputs?.['version-id']).toBe(token)
  })

  it('explains a token already used for another value, without the value', async () => {
    await seedSecrets(moto.client, [{ name: 'reuse', value: 'before' }])
    const base = { 'secret-id': 'reuse', 'skip-unchanged': 'false' }
    await put({ ...base, 'secret-string': 'value-one' }, { env: RUN })
    const error = await put({ ...base, 'secret-string': 'value-two' }, { env: RUN }).catch(
      (e: Error) => e.message
    )
    expect(error).toMatch(/already wrote this secret in this run attempt.*client-request-token/)
    expect(error).not.toMatch(/value-(one|two)/)
  })

  it('falls back to PutSecretValue when another writer creates the secret first', async () => {
    // Both runs have found the secret missing (DescribeSecret) before either creates it.
    const contexts = [contextFor(moto.endpoint), contextFor(moto.endpoint)]
    holdUntilBoth(contexts, 'DescribeSecretCommand')
    const results = await Promise.all(
      ['racer-one', 'racer-two'].map((value, i) =>
        put(
          { 'secret-id': 'raced', 'secret-string': value, 'create-if-missing': 'true' },
          { context: contexts[i] }
        )
      )
    )
    const created = results.map(result => result.outputs?.created).sort()
    expect(created).toEqual(['false', 'true'])
    expect(results.every(result => result.outputs?.changed === 'true')).toBe(true)
    expect(await versionCount(moto.client, 'raced')).toBe(2)
  })

  it('registers the value as a mask before the first AWS call', async () => {
    await seedSecrets(moto.client, [{ name: 'masked', value: 'old' }])
    const seen: string[] = []
    const proxy = await startProxy({
      target: moto.endpoint,
      fault: ({ total }) => {
        if (total === 1) seen.push(stdout.text())
        return undefined
      }
    })
    try {
      const value = 'computed-secret\nsecond-line'
      await put({ 'secret-id': 'masked', 'secret-string': value }, { endpoint: proxy.endpoint })
      for (const form of [value, 'computed-secret', 'second-line']) {
        expect(seen[0]).toContain(`::add-mask::${form.replace(/\n/g, '%0A')}\n`)
      }
      const json = '{"a":{"b":"leaf-secret"}}'
      await put({ 'secret-id': 'masked', 'secret-json': json }, { endpoint: proxy.endpoint })
      expect(stdout.text()).toContain('::add-mask::leaf-secret\n')
    } finally {
      await proxy.stop()
    }
  })
})

describe('put input validation', () => {
  it.each([
    [{}, /'secret-id'.*required/],
    [{ 'secret-id': 'x' }, /'secret-string'.*exactly one of/],
    [{ 'secret-id': 'x', 'secret-string': 'a', 'secret-json': '{}' }, /'secret-json'.*only one/],
    [{ 'secret-id': 'x', 'secret-json': '{"pw": "hunter2",}' }, /'secret-json': is not valid JSON/],
    [{ 'secret-id': 'x', 'secret-file': 'no/such/file' }, /'secret-file'.*ENOENT/],
    [{ 'secret-id': 'x', 'secret-string': 'a', tags: 'novalue' }, /'tags'.*line 1/],
    [{ 'secret-id': 'x', 'secret-string': 'a', tags: '{"k": 1}' }, /'tags'.*JSON string/],
    [{ 'secret-id': 'x', 'secret-string': 'a', tags: 'aws:x=1' }, /'tags'.*reserved/],
    [{ 'secret-id': 'x', 'secret-string': 'a', 'client-request-token': 'short' }, /32 to 64/],
    [{ 'secret-id': 'x', 'secret-string': 'a', 'version-stages': 'bad stage' }, /stage label/],
    [{ 'secret-id': 'x', 'secret-string': 'a', 'skip-unchanged': 'maybe' }, /true or false/],
    [
      { 'secret-id': 'x', 'secret-file': 'package.json', 'file-encoding': 'latin1' },
      /'file-encoding'.*binary, utf8/
    ],
    [
      {
        'secret-id': 'arn:aws:secretsmanager:us-east-1:123456789012:secret:x',
        'secret-string': 'a',
        'create-if-missing': 'true'
      },
      /needs a secret name/
    ],
    [{ 'secret-id': 'has space', 'secret-string': 'a' }, /neither a secret name/]
  ])('refuses %j before any AWS call, creating nothing', async (inputs, message) => {
    const error = await put({ 'create-if-missing': 'true', ...inputs }).catch((e: Error) => e)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).name).toBe('InputError')
    expect((error as Error).message).toMatch(message)
    expect((error as Error).message).not.toContain('hunter2')
    expect(await secretCount(moto.client)).toBe(0)
  })

  it('refuses a file over 64 KiB and invalid UTF-8 with file-encoding utf8', async () => {
    const big = workspaceFile(new Uint8Array(65537))
    await expect(put({ 'secret-id': 'x', 'secret-file': big })).rejects.toThrow(/65537 bytes/)
    const latin = workspaceFile(new Uint8Array([0x68, 0xe9]))
    await expect(
      put({ 'secret-id': 'x', 'secret-file': latin, 'file-encoding': 'utf8' })
    ).rejects.toThrow(/not valid UTF-8/)
    expect(await secretCount(moto.client)).toBe(0)
  })

  it('sees a secret that is created (so the checks above can fail)', async () => {
    await moto.client.send(new CreateSecretCommand({ Name: 'control', SecretString: 'c' }))
    expect(await secretCount(moto.client)).toBe(1)
  })
})

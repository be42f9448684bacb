import { describe, expect, it } from '@jest/globals'
import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
  ListSecretVersionIdsCommand,
  type SecretsManagerClient
} from '@aws-sdk/client-secrets-manager'
import { pushGeneratedMode } from '../../../src/modes/push-generated.js'
import type { ModeContext } from '../../../src/modes/types.js'
import type { SecretTarget } from '../../../src/output/emission.js'
import { contextFor, holdUntilBoth, inputsFrom } from '../../harness/context.js'
import { useCapturedStdout, useMoto } from '../../harness/jest-moto.js'
import { seedSecrets } from '../../harness/moto.js'
import { startProxy, type FaultFn } from '../../harness/proxy.js'
import { parseWorkflowCommands } from '../../harness/runner.js'

const moto = useMoto()
const stdout = useCapturedStdout()

const FIELDS = `
username:
  value: app-user
password:
  generator:
    passwordLength: 32
    excludePunctuation: true
api-token:
  generator: { passwordLength: 48, excludeCharacters: "abc" }
`

async function push(
  inputs: Record<string, string>,
  opts: { endpoint?: string; context?: ModeContext } = {}
) {
  const config = pushGeneratedMode.parse(inputsFrom(inputs))
  return pushGeneratedMode.run(config, opts.context ?? contextFor(opts.endpoint ?? moto.endpoint))
}

// The stage is named: moto's unstaged read can lag behind (MOTO.md).
async function stored(client: SecretsManagerClient, id: string): Promise<Record<string, string>> {
  const out = await client.send(
    new GetSecretValueCommand({ SecretId: id, VersionStage: 'AWSCURRENT' })
  )
  return JSON.parse(out.SecretString ?? '') as Record<string, string>
}

async function versionCount(client: SecretsManagerClient, id: string): Promise<number> {
  // moto ignores paging here (MOTO.md): one call lists every version.
  const out = await client.send(new ListSecretVersionIdsCommand({ SecretId: id }))
  return out.Versions?.length ?? 0
}

const outputsOf = (secrets: SecretTarget[] = []) =>
  Object.fromEntries(
    secrets.filter(t => t.channels?.includes('output')).map(t => [t.name, t.value])
  )

describe('push-generated against moto', () => {
  it('creates the secret with static and generated fields, tags and description', async () => {
    const emission = await push({
      'secret-id': 'svc/db',
      fields: FIELDS,
      description: 'generated',
      tags: '{"owner":"platform"}'
    })
    const value = await stored(moto.client, 'svc/db')
    expect(Object.keys(value).sort()).toEqual(['api-token', 'password', 'username'])
    expect(value.username).toBe('app-user')
    expect(value.password).toMatch(/^[A-Za-z0-9]{32}$/)
    expect(value['api-token']).toHaveLength(48)
    expect(value['api-token']).not.toMatch(/[abc]/)
    expect(emission.outputs).toMatchObject({
      name: 'svc/db',
      changed: 'true',
      created: 'true',
      'field-count': '3',
      'generated-fields': '["password","api-token"]'
    })
    expect(Date.parse(emission.outputs?.['last-sync-time'] ?? '')).not.toBeNaN()
    const described = await moto.client.send(new DescribeSecretCommand({ SecretId: 'svc/db' }))
    expect(described.Description).toBe('generated')
    expect(described.Tags).toEqual([{ Key: 'owner', Value: 'platform' }])
    expect(described.ARN).toBe(emission.outputs?.arn)
    // Values go nowhere unless asked.
    expect(emission.secrets).toEqual([])

    // The handler's status, without values.
    const summary = emission.summary
    expect(summary?.rows).toEqual([
      ['SecretsGenerated', 'True', 'Generated', 'Generated 2 fields: password, api-token'],
      ['SecretPushed', 'True', 'Created', 'Created the secret']
    ])
    expect(summary?.notes?.[0]).toMatch(/Secret path: svc\/db · fields: 3/)
    const text = JSON.stringify(summary)
    for (const secret of Object.values(value)) expect(text).not.toContain(secret)
  })

  it('masks every static and generated value, and the written JSON', async () => {
    // The masker registers each form once a process: a static value no other test uses.
    const fields = FIELDS.replace('app-user', 'mask-test-user')
    await push({ 'secret-id': 'masks', fields })
    const value = await stored(moto.client, 'masks')
    const masks = parseWorkflowCommands(stdout.text())
      .filter(command => command.command === 'add-mask')
      .map(command => command.data)
    expect(masks).toEqual(expect.arrayContaining([...Object.values(value), JSON.stringify(value)]))
  })

  it('IfNotExists leaves an existing secret untouched, and exports what it holds', async () => {
    const [seeded] = await seedSecrets(moto.client, [
      { name: 'keep', value: '{"username":"old-user","password":"old-password","extra":"x1"}' }
    ])
    const emission = await push({ 'secret-id': 'keep', fields: FIELDS, 'export-outputs': 'true' })
    expect(emission.outputs).toMatchObject({
      changed: 'false',
      created: 'false',
      'version-id': seeded.versionId,
      'field-count': '3',
      'generated-fields': '[]'
    })
    expect(await versionCount(moto.client, 'keep')).toBe(1)
    expect(outputsOf(emission.secrets)).toEqual({ username: 'old-user', password: 'old-password' })
    expect(stdout.text()).toMatch(/::warning::Field 'api-token' is not in secret 'keep'/)
    expect(emission.summary?.rows[1]).toEqual([
      'SecretPushed',
      'True',
      'Exists',
      'The secret exists: IfNotExists leaves it untouched'
    ])
  })

  it('AlwaysUpdate regenerates every generated field and writes the fields as given', async () => {
    await push({ 'secret-id': 'always', fields: FIELDS })
    const before = await stored(moto.client, 'always')
    const emission = await push({
      'secret-id': 'always',
      fields: FIELDS,
      'update-policy': 'AlwaysUpdate'
    })
    const after = await stored(moto.client, 'always')
    expect(after.username).toBe('app-user')
    expect(after.password).not.toBe(before.password)
    expect(after['api-token']).not.toBe(before['api-token'])
    expect(emission.outputs).toMatchObject({
      changed: 'true',
      created: 'false',
      'generated-fields': '["password","api-token"]'
    })
    expect(await versionCount(moto.client, 'always')).toBe(2)
  })

  it('MergeMissing keeps every stored field and adds only the missing ones', async () => {
    await seedSecrets(moto.client, [
      { name: 'merge', value: '{"username":"kept-user","password":"kept-pw","other":"stay"}' }
    ])
    const emission = await push({
      'secret-id': 'merge',
      fields: FIELDS,
      'update-policy': 'MergeMissing',
      'export-outputs': 'true'
    })
    const value = await stored(moto.client, 'merge')
    expect(value).toMatchObject({ username: 'kept-user', password: 'kept-pw', other: 'stay' })
    expect(value['api-token']).toHaveLength(48)
    expect(emission.outputs).toMatchObject({
      changed: 'true',
      'field-count': '4',
      'generated-fields': '["api-token"]'
    })
    expect(outputsOf(emission.secrets)).toEqual({
      username: 'kept-user',
      password: 'kept-pw',
      'api-token': value['api-token']
    })

    const again = await push({
      'secret-id': 'merge',
      fields: FIELDS,
      'update-policy': 'MergeMissing'
    })
    expect(again.outputs).toMatchObject({ changed: 'false', 'generated-fields': '[]' })
    expect(again.summary?.rows[1][2]).toBe('UpToDate')
    expect(await versionCount(moto.client, 'merge')).toBe(2)
  })

  it('MergeMissing refuses a secret that is not a JSON object', async () => {
    await seedSecrets(moto.client, [{ name: 'plain', value: 'not-json-value' }])
    const error = await push({
      'secret-id': 'plain',
      fields: FIELDS,
      'update-policy': 'MergeMissing'
    }).catch((e: Error) => e.message)
    expect(error).toMatch(/does not hold a JSON object.*AlwaysUpdate/)
    expect(error).not.toContain('not-json-value')
    expect(await versionCount(moto.client, 'plain')).toBe(1)
  })

  it('MergeMissing refuses a stored JSON with a duplicate key, which a merge would lose', async () => {
    const value = '{"pw":"dup-stored-1",\n "pw":"dup-stored-2"}'
    await seedSecrets(moto.client, [{ name: 'dup', value }])
    const error = await push({
      'secret-id': 'dup',
      fields: FIELDS,
      'update-policy': 'MergeMissing'
    }).catch((e: Error) => e.message)
    expect(error).toBe(
      "Secret 'dup' has a duplicate key at line 2, column 2: MergeMissing would keep only its " +
        'last value. Remove the duplicate, or use update-policy: AlwaysUpdate to replace the value.'
    )
    expect(await versionCount(moto.client, 'dup')).toBe(1)
    // Nothing missing, nothing written: the stored text stays as it is.
    const upToDate = await push({
      'secret-id': 'dup',
      fields: 'pw:\n  value: x\n',
      'update-policy': 'MergeMissing'
    })
    expect(upToDate.outputs).toMatchObject({ changed: 'false' })
    expect(await versionCount(moto.client, 'dup')).toBe(1)
  })

  it('exports fresh values as outputs and env vars only when asked', async () => {
    const emission = await push({
      'secret-id': 'export',
      fields: FIELDS,
      'export-outputs': 'true',
      'export-env': 'true'
    })
    const value = await stored(moto.client, 'export')
    expect(outputsOf(emission.secrets)).toEqual(value)
    const env = Object.fromEntries(
      (emission.secrets ?? []).filter(t => t.channels?.includes('env')).map(t => [t.name, t.value])
    )
    expect(env).toEqual({
      USERNAME: 'app-user',
      PASSWORD: value.password,
      API_TOKEN: value['api-token']
    })
  })

  it('creates once when two runs race under IfNotExists; the loser keeps the winner value', async () => {
    const contexts = [contextFor(moto.endpoint), contextFor(moto.endpoint)]
    // Both runs have read "no secret" and generated their values before either creates.
    holdUntilBoth(contexts, 'CreateSecretCommand')
    const inputs = { 'secret-id': 'raced', fields: FIELDS, 'export-outputs': 'true' }
    const results = await Promise.all(contexts.map(context => push(inputs, { context })))
    const winner = results.find(result => result.outputs?.created === 'true')
    const loser = results.find(result => result.outputs?.created === 'false')
    expect(winner?.outputs?.changed).toBe('true')
    expect(loser?.outputs).toMatchObject({ changed: 'false', 'generated-fields': '[]' })
    expect(loser?.summary?.rows[1][2]).toBe('CreatedElsewhere')
    expect(await versionCount(moto.client, 'raced')).toBe(1)
    const value = await stored(moto.client, 'raced')
    expect(outputsOf(winner?.secrets)).toEqual(value)
    expect(outputsOf(loser?.secrets)).toEqual(value)
    expect(loser?.outputs?.['version-id']).toBe(winner?.outputs?.['version-id'])
  })

  it('creates once when the answer to CreateSecret is lost (SDK retry, same token)', async () => {
    const dropFirst: FaultFn = ({ operation, n }) =>
      operation === 'CreateSecret' && n === 1 ? { kind: 'drop-response' } : undefined
    const proxy = await startProxy({ target: moto.endpoint, fault: dropFirst })
    try {
      const emission = await push(
        { 'secret-id': 'lost', fields: FIELDS },
        { endpoint: proxy.endpoint }
      )
      expect(proxy.calls().CreateSecret).toBe(2)
      expect(emission.outputs?.created).toBe('true')
      expect(await versionCount(moto.client, 'lost')).toBe(1)
    } finally {
      await proxy.stop()
    }
  })

  it('writes once when the answer to an AlwaysUpdate PutSecretValue is lost', async () => {
    await seedSecrets(moto.client, [{ name: 'lost-put', value: '{"username":"u"}' }])
    const dropFirst: FaultFn = ({ operation, n }) =>
      operation === 'PutSecretValue' && n === 1 ? { kind: 'drop-response' } : undefined
    const proxy = await startProxy({ target: moto.endpoint, fault: dropFirst })
    try {
      const emission = await push(
        { 'secret-id': 'lost-put', fields: FIELDS, 'update-policy': 'AlwaysUpdate' },
        { endpoint: proxy.endpoint }
      )
      expect(proxy.calls().PutSecretValue).toBe(2)
      expect(emission.outputs?.changed).toBe('true')
      expect(await versionCount(moto.client, 'lost-put')).toBe(2)
    } finally {
      await proxy.stop()
    }
  })
})

describe('push-generated input validation', () => {
  it.each([
    [{ fields: FIELDS }, /'secret-id'.*required/],
    [{ 'secret-id': 's' }, /'fields'.*required/],
    [{ 'secret-id': 's', fields: '- a\n- b' }, /'fields'.*must be a mapping/],
    [{ 'secret-id': 's', fields: 'just text' }, /'fields'.*must be a mapping/],
    [
      { 'secret-id': 's', fields: 'a: {value: hunter2, generator: {passwordLength: 8}}' },
      /field 'a' needs exactly one of 'value' or 'generator'/
    ],
    [{ 'secret-id': 's', fields: 'a: {}' }, /field 'a' needs exactly one/],
    [{ 'secret-id': 's', fields: 'a: {generator: {passwordLength: 0}}' }, /1-4096/],
    [{ 'secret-id': 's', fields: 'a: {generator: {passwordLength: 4097}}' }, /1-4096/],
    [
      { 'secret-id': 's', fields: 'a: {generator: {passwordLength: 8, symbols: true}}' },
      /unknown option\(s\) symbols/
    ],
    [
      { 'secret-id': 's', fields: FIELDS, 'update-policy': 'Sometimes' },
      /'update-policy'.*IfNotExists/
    ],
    [{ 'secret-id': 's', fields: FIELDS, tags: 'k' }, /'tags'/]
  ])('refuses %j before any AWS call, creating nothing', async (inputs, message) => {
    const proxy = await startProxy({ target: moto.endpoint })
    try {
      const error = await push(inputs, { endpoint: proxy.endpoint }).catch((e: Error) => e)
      expect((error as Error).name).toBe('InputError')
      expect((error as Error).message).toMatch(message)
      expect((error as Error).message).not.toContain('hunter2')
      expect(proxy.total()).toBe(0)
    } finally {
      await proxy.stop()
    }
    const listed = await moto.client.send(new ListSecretsCommand({}))
    expect(listed.SecretList).toEqual([])
  })
})

describe('push-generated when GetRandomPassword is denied', () => {
  it('names the missing permission and creates nothing', async () => {
    const proxy = await startProxy({
      target: moto.endpoint,
      fault: ({ operation }) => (operation === 'GetRandomPassword' ? { kind: 'denied' } : undefined)
    })
    try {
      const config = pushGeneratedMode.parse(
        inputsFrom({
          'secret-id': 'denied/gen',
          fields: 'pw:\n  generator:\n    passwordLength: 12'
        })
      )
      const run = pushGeneratedMode.run(config, contextFor(proxy.endpoint))
      await expect(run).rejects.toThrow(
        /Access denied to secretsmanager:GetRandomPassword: the credentials need secretsmanager:GetRandomPassword \(Resource "\*"\)\./
      )
      expect(proxy.calls().CreateSecret).toBeUndefined()
    } finally {
      await proxy.stop()
    }
  })
})

import { describe, expect, it } from '@jest/globals'
import { CreateSecretCommand, PutSecretValueCommand } from '@aws-sdk/client-secrets-manager'
import { lookupJsonPathMode } from '../../../src/modes/lookup-jsonpath.js'
import type { Emission } from '../../../src/output/emission.js'
import { emit } from '../../../src/output/emit.js'
import { contextFor, inputsFrom } from '../../harness/context.js'
import { useCapturedStdout, useMoto } from '../../harness/jest-moto.js'
import { seedSecrets } from '../../harness/moto.js'
import { startProxy } from '../../harness/proxy.js'
import { findLeaks } from '../../harness/runner.js'

const moto = useMoto()
const stdout = useCapturedStdout()

async function lookup(inputs: Record<string, string>, endpoint = moto.endpoint) {
  const config = lookupJsonPathMode.parse(inputsFrom(inputs))
  return lookupJsonPathMode.run(config, contextFor(endpoint))
}

async function failure(inputs: Record<string, string>): Promise<string> {
  return lookup(inputs).then(
    () => {
      throw new Error('the lookup succeeded')
    },
    (error: Error) => error.message
  )
}

/** Emitted values by name. */
const valuesOf = (emission: Emission) =>
  Object.fromEntries((emission.secrets ?? []).map(t => [t.name, t.value]))

const warnings = () => stdout.text().match(/^::warning::.*$/gm) ?? []

const OTF = '{"foo":{"bar":["first_secret_value","nested_secret_value"]}}'
const APP = JSON.stringify({
  users: [
    { name: 'app', pw: 'pw-app-1', roles: ['read', 'write'] },
    { name: 'admin', pw: 'pw-admin-2', roles: ['all'] },
    { name: 'app', pw: 'pw-app-3', roles: [] }
  ],
  db: { host: 'db.internal', port: 5432, tls: true, replica: null },
  api: { key: 'api-key-4' }
})

describe('lookup-jsonpath against moto', () => {
  it('reads the Open Task Framework example, relative and dotted-index forms alike', async () => {
    await seedSecrets(moto.client, [{ name: 'otf/app', value: OTF }])
    for (const query of ['foo.bar[1]', 'foo.bar.[1]', '$.foo.bar[1]', "$['foo']['bar'][-1]"]) {
      const emission = await lookup({ 'secret-id': 'otf/app', query })
      expect(emission.secrets).toEqual([
        {
          name: 'value',
          value: 'nested_secret_value',
          source: 'otf/app',
          file: 'value',
          channels: ['output', 'file']
        }
      ])
    }
  })

  it('selects with filters, by ARN', async () => {
    const [app] = await seedSecrets(moto.client, [{ name: 'svc/app', value: APP }])
    const emission = await lookup({
      'secret-id': app.arn,
      query: "$.users[?@.name=='admin'].pw"
    })
    expect(valuesOf(emission)).toEqual({ value: 'pw-admin-2' })
  })

  it('emits several named queries, and a summary of counts without values', async () => {
    const [app] = await seedSecrets(moto.client, [{ name: 'svc/app', value: APP }])
    const emission = await lookup({
      'secret-id': 'svc/app',
      queries: [
        "ADMIN_PW=$.users[?@.name=='admin'].pw",
        'API_KEY = api.key',
        'db_host=db.host',
        'ROLES=$..roles[*]'
      ].join('\n'),
      'export-env': 'true'
    })
    expect(valuesOf(emission)).toEqual({
      ADMIN_PW: 'pw-admin-2',
      API_KEY: 'api-key-4',
      db_host: 'db.internal',
      ROLES: 'read'
    })
    // Named results go to every channel the export inputs allow.
    expect(emission.secrets?.every(t => t.channels === undefined && t.file === t.name)).toBe(true)
    expect(emission.summary?.rows).toEqual([
      ['ADMIN_PW', { code: "$.users[?@.name=='admin'].pw" }, '1', 'the match'],
      ['API_KEY', { code: 'api.key' }, '1', 'the match'],
      ['db_host', { code: 'db.host' }, '1', 'the match'],
      ['ROLES', { code: '$..roles[*]' }, '3', 'the first match']
    ])
    expect(emission.summary?.notes).toEqual([`Secret 'svc/app', version ${app.versionId}.`])
    const summary = JSON.stringify(emission.summary)
    for (const value of ['pw-admin-2', 'api-key-4', 'db.internal', 'write']) {
      expect(summary).not.toContain(value)
    }
  })

  it('result first warns with the count, all gives a JSON array, single requires one', async () => {
    await seedSecrets(moto.client, [{ name: 'svc/app', value: APP }])
    const query = "$.users[?@.name=='app'].pw"
    const first = await lookup({ 'secret-id': 'svc/app', query })
    expect(valuesOf(first)).toEqual({ value: 'pw-app-1' })
    expect(warnings()).toEqual([
      '::warning::query matched 2 nodes; emitting the first (set result: all for every match, or single to require exactly one).'
    ])

    const all = await lookup({ 'secret-id': 'svc/app', query, result: 'all' })
    expect(valuesOf(all)).toEqual({ value: '["pw-app-1","pw-app-3"]' })

    const single = await failure({ 'secret-id': 'svc/app', query, result: 'single' })
    expect(single).toBe(
      "Nothing was exported from secret 'svc/app': query matched 2 nodes, but result is single."
    )
    const one = await lookup({ 'secret-id': 'svc/app', query: 'api.key', result: 'single' })
    expect(valuesOf(one)).toEqual({ value: 'api-key-4' })
  })

  it('on-missing: fail names every query that matched nothing, warn emits empty, default the default', async () => {
    await seedSecrets(moto.client, [{ name: 'svc/app', value: APP }])
    const queries = "KEY=api.key\nGONE=api.gone\nNOBODY=$.users[?@.name=='nobody'].pw"
    const failed = await failure({ 'secret-id': 'svc/app', queries })
    expect(failed).toBe(
      "Nothing was exported from secret 'svc/app': query GONE matched nothing; " +
        'query NOBODY matched nothing.'
    )
    expect(failed).not.toContain('api-key-4')

    const warned = await lookup({ 'secret-id': 'svc/app', queries, 'on-missing': 'warn' })
    expect(valuesOf(warned)).toEqual({ KEY: 'api-key-4', GONE: '', NOBODY: '' })
    expect(warnings()).toEqual([
      '::warning::query GONE matched nothing; emitting an empty string.',
      '::warning::query NOBODY matched nothing; emitting an empty string.'
    ])
    expect(warned.summary?.rows.map(row => row[3])).toEqual([
      'the match',
      'empty string',
      'empty string'
    ])

    const fallback = await lookup({
      'secret-id': 'svc/app',
      queries,
      'on-missing': 'default',
      'default-value': 'n/a'
    })
    expect(valuesOf(fallback)).toEqual({ KEY: 'api-key-4', GONE: 'n/a', NOBODY: 'n/a' })
  })

  it('emits scalars as JSON text and structures as compact JSON', async () => {
    await seedSecrets(moto.client, [{ name: 'svc/app', value: APP }])
    const emission = await lookup({
      'secret-id': 'svc/app',
      queries: 'PORT=db.port\nTLS=db.tls\nREPLICA=db.replica\nDB=db\nROLES=users[0].roles'
    })
    expect(valuesOf(emission)).toEqual({
      PORT: '5432',
      TLS: 'true',
      REPLICA: 'null',
      DB: '{"host":"db.internal","port":5432,"tls":true,"replica":null}',
      ROLES: '["read","write"]'
    })
  })

  it('masks every emitted value before the output layer writes it', async () => {
    // The masker is one per process: values unique to this test, so each mask shows here.
    const doc = {
      creds: [
        { user: 'mask-user-1', pw: 'mask-pw-1' },
        { user: 'mask-user-2', pw: 'mask-pw-2', port: 6543 }
      ]
    }
    await seedSecrets(moto.client, [{ name: 'mask/app', value: JSON.stringify(doc) }])
    const emission = await lookup({
      'secret-id': 'mask/app',
      queries: 'PW=creds[1].pw\nCRED=creds[1]\nUSERS=$.creds[*].user',
      result: 'all'
    })
    const emitted = (emission.secrets ?? []).map(t => t.value as string)
    expect(emitted).toEqual([
      '["mask-pw-2"]',
      '[{"user":"mask-user-2","pw":"mask-pw-2","port":6543}]',
      '["mask-user-1","mask-user-2"]'
    ])
    // Every leaf is masked on arrival, before the handler returns.
    for (const leaf of ['mask-user-1', 'mask-pw-1', 'mask-user-2', 'mask-pw-2', '6543']) {
      expect(stdout.text()).toContain(`::add-mask::${leaf}\n`)
    }
    // Without GITHUB_OUTPUT, outputs are ::set-output lines on stdout: the runner's view of the
    // log must show none of the emitted values, whole or leaf by leaf.
    const saved = process.env.GITHUB_OUTPUT
    delete process.env.GITHUB_OUTPUT
    try {
      await emit(emission, { env: false, outputs: true }, {})
    } finally {
      if (saved !== undefined) process.env.GITHUB_OUTPUT = saved
    }
    expect(stdout.text()).toMatch(/::set-output name=CRED::/)
    const leaves = ['mask-user-1', 'mask-user-2', 'mask-pw-2', '6543']
    expect(findLeaks(stdout.text(), [...emitted, ...leaves])).toEqual([])
  })

  it('reads the version chosen by stage or id', async () => {
    await moto.client.send(
      new CreateSecretCommand({ Name: 'rot', SecretString: '{"pw":"old-pw"}' })
    )
    const put = await moto.client.send(
      new PutSecretValueCommand({ SecretId: 'rot', SecretString: '{"pw":"new-pw"}' })
    )
    const previous = await lookup({
      'secret-id': 'rot',
      query: 'pw',
      'version-stage': 'AWSPREVIOUS'
    })
    expect(valuesOf(previous)).toEqual({ value: 'old-pw' })
    const byId = await lookup({
      'secret-id': 'rot',
      query: 'pw',
      'version-id': put.VersionId ?? ''
    })
    expect(valuesOf(byId)).toEqual({ value: 'new-pw' })
  })

  it('refuses a secret that is not JSON, or binary, without showing any of it', async () => {
    await seedSecrets(moto.client, [
      { name: 'plain', value: 'user=admin password=hunter2-plain' },
      { name: 'broken', value: '{"pw":"hunter2-broken",}' },
      { name: 'bin', value: new Uint8Array([123, 125]) }
    ])
    const plain = await failure({ 'secret-id': 'plain', query: 'pw' })
    expect(plain).toMatch(/^Secret 'plain' is not valid JSON/)
    expect(plain).not.toMatch(/hunter2|admin|password=/)
    const broken = await failure({ 'secret-id': 'broken', query: 'pw' })
    expect(broken).toMatch(/^Secret 'broken' is not valid JSON/)
    expect(broken).not.toMatch(/hunter2/)
    expect(await failure({ 'secret-id': 'bin', query: '$' })).toMatch(/binary secret/)
  })

  it('names a secret it cannot read, in one GetSecretValue call', async () => {
    const proxy = await startProxy({ target: moto.endpoint })
    try {
      const message = await lookup({ 'secret-id': 'nope', query: 'a' }, proxy.endpoint).then(
        () => '',
        (error: Error) => error.message
      )
      expect(message).toMatch(/Secret 'nope' not found \(GetSecretValue\)/)
      expect(proxy.calls()).toEqual({ GetSecretValue: 1 })
    } finally {
      await proxy.stop()
    }
  })
})

// Issue 12, defects 2, 7, 8, 9, 10, 11, 13 and 15, through dist/ as the runner runs it: values are
// stored and emitted as written or refused, and every refusal comes before the first write.
import { describe, expect, it } from '@jest/globals'
import {
  GetSecretValueCommand,
  ListSecretsCommand,
  ListSecretVersionIdsCommand
} from '@aws-sdk/client-secrets-manager'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { useMoto } from '../harness/jest-moto.js'
import { seedSecrets } from '../harness/moto.js'
import { startProxy } from '../harness/proxy.js'
import { findLeaks, runnerMaskedLog, runStep, tempDir } from '../harness/runner.js'

const moto = useMoto()

const STATIC_PW = 'Hunter2-Static-Pw'

// The stage is named: moto's unstaged read can lag behind (MOTO.md).
const current = (id: string) =>
  moto.client.send(new GetSecretValueCommand({ SecretId: id, VersionStage: 'AWSCURRENT' }))
const secretNames = async () =>
  ((await moto.client.send(new ListSecretsCommand({}))).SecretList ?? []).map(s => s.Name)

describe('defect 2: YAML warnings never quote a fields line', () => {
  const fields = `user:\n  value: app-user-2\npw:\n  value: !secret ${STATIC_PW}\n`

  it.each([
    ['push-generated', { mode: 'push-generated', 'secret-id': 'e2e/yaml', fields }],
    [
      'rotate phase: create',
      {
        mode: 'rotate',
        'secret-id': 'e2e/yaml',
        'rotation-strategy': 'in-workflow',
        phase: 'create',
        fields
      }
    ],
    [
      'push-generated while a role is assumed',
      {
        mode: 'push-generated',
        'secret-id': 'e2e/yaml',
        fields,
        'role-to-assume': 'arn:aws:iam::123456789012:role/ci-writer',
        'role-chaining': 'true'
      }
    ]
  ])('%s: masked at parse time, warned by line and column only', async (_, inputs) => {
    await seedSecrets(moto.client, [{ name: 'e2e/yaml', value: '{"user":"old","pw":"old"}' }])
    const step = await runStep({ inputs: { 'endpoint-url': moto.endpoint, ...inputs } })
    expect(step.errors).toEqual([])
    expect(step.stderr).toBe('')
    expect(step.log).not.toMatch(/Unresolved tag|YAMLWarning/)
    expect(step.warnings).toContain(
      "Input 'fields': YAML warning at line 4, column 10 (TAG_RESOLVE_FAILED): a tag it does " +
        'not know is read as a plain string'
    )
    expect(step.stdout.indexOf(`::add-mask::${STATIC_PW}`)).toBeGreaterThanOrEqual(0)
    expect(step.stdout.indexOf(`::add-mask::${STATIC_PW}`)).toBeLessThan(
      step.stdout.indexOf('::warning::')
    )
    expect(findLeaks(step.log, [STATIC_PW])).toEqual([])
  })
})

describe('defect 7: put secret-json stores the text as given, or refuses it', () => {
  it('refuses duplicate keys and out-of-range numbers, naming where, and writes nothing', async () => {
    const step = await runStep({
      inputs: {
        mode: 'put',
        'endpoint-url': moto.endpoint,
        'secret-id': 'e2e/json',
        'create-if-missing': 'true',
        'secret-json': '{"id": 12345678901234567890, "limit": 1e400, "pw": "a", "pw": "b"}'
      }
    })
    expect(step.exitCode).toBe(1)
    expect(step.errors).toEqual([
      "Input 'secret-json': has a number out of range (a JSON reader would get Infinity or 0: " +
        'store it as a string) at line 1, column 39; it also has a duplicate key (each key must ' +
        'be given once) at line 1, column 57'
    ])
    expect(step.outputs).toEqual({})
    expect(await secretNames()).toEqual([])
  })

  it('stores big integers, 1.50 and escapes byte for byte, compacted', async () => {
    const step = await runStep({
      inputs: {
        mode: 'put',
        'endpoint-url': moto.endpoint,
        'secret-id': 'e2e/json',
        'create-if-missing': 'true',
        'secret-json': '{\n  "id": 12345678901234567890,\n  "rate": 1.50,\n  "e": "\\u00e9"\n}'
      }
    })
    expect(step.errors).toEqual([])
    expect(step.outputs.changed).toBe('true')
    expect((await current('e2e/json')).SecretString).toBe(
      '{"id":12345678901234567890,"rate":1.50,"e":"\\u00e9"}'
    )
  })
})

describe('defect 8: refusals knowable before a write come before it, in every write mode', () => {
  it('push-generated with USER set and a field user writes nothing, however often it is retried', async () => {
    const proxy = await startProxy({ target: moto.endpoint })
    try {
      const inputs = {
        mode: 'push-generated',
        'endpoint-url': proxy.endpoint,
        'secret-id': 'e2e/pg',
        fields: 'user: {value: svc}\npassword: {generator: {passwordLength: 20}}',
        'export-env': 'true',
        'update-policy': 'AlwaysUpdate'
      }
      for (const run of ['1', '2']) {
        const step = await runStep({ inputs, env: { USER: 'runner', GITHUB_RUN_ATTEMPT: run } })
        expect(step.exitCode).toBe(1)
        expect(step.errors).toEqual([
          "Nothing was written: env var 'USER' from secret 'e2e/pg' is already set; refusing to " +
            'overwrite it'
        ])
      }
      expect(proxy.total()).toBe(0)
    } finally {
      await proxy.stop()
    }
    expect(await secretNames()).toEqual([])
  })

  it('rotate phase: create with PENDING_VALUE set writes no pending version', async () => {
    const [seeded] = await seedSecrets(moto.client, [{ name: 'e2e/rot', value: 'old-token' }])
    const step = await runStep({
      inputs: {
        mode: 'rotate',
        'endpoint-url': moto.endpoint,
        'secret-id': 'e2e/rot',
        'rotation-strategy': 'in-workflow',
        phase: 'create',
        generator: 'passwordLength: 24',
        'export-env': 'true'
      },
      env: { PENDING_VALUE: 'from-an-earlier-step' }
    })
    expect(step.exitCode).toBe(1)
    expect(step.errors[0]).toMatch(
      /^Nothing was written: env var 'PENDING_VALUE' .* is already set/
    )
    const versions = await moto.client.send(
      new ListSecretVersionIdsCommand({ SecretId: 'e2e/rot' })
    )
    expect(versions.Versions?.map(v => v.VersionId)).toEqual([seeded.versionId])
  })
})

describe('defects 9, 10 and 15: JSON secrets read as written', () => {
  const NUMBERS = '{"id":12345678901234567890,"big":1e400,"tiny":1e-400,"rate":1.50}'

  it('fetch with parse-json-secrets exports numbers as the secret writes them', async () => {
    await seedSecrets(moto.client, [{ name: 'e2e/nums', value: NUMBERS }])
    const step = await runStep({
      inputs: {
        mode: 'fetch',
        'endpoint-url': moto.endpoint,
        'secret-ids': 'e2e/nums',
        'parse-json-secrets': 'true'
      }
    })
    expect(step.errors).toEqual([])
    expect(step.env).toEqual({
      E2E_NUMS_ID: '12345678901234567890',
      E2E_NUMS_BIG: '1e400',
      E2E_NUMS_TINY: '1e-400',
      E2E_NUMS_RATE: '1.50'
    })
  })

  it('lookup-jsonpath emits numbers as written, one by one and as a whole', async () => {
    await seedSecrets(moto.client, [{ name: 'e2e/nums', value: NUMBERS }])
    const step = await runStep({
      inputs: {
        mode: 'lookup-jsonpath',
        'endpoint-url': moto.endpoint,
        'secret-id': 'e2e/nums',
        queries: 'ID=$.id\nBIG=$.big\nTINY=$.tiny\nALL=$'
      }
    })
    expect(step.errors).toEqual([])
    expect(step.outputs).toMatchObject({
      ID: '12345678901234567890',
      BIG: '1e400',
      TINY: '1e-400',
      ALL: NUMBERS
    })
  })

  it('deep JSON: plain fetch works; parsing names the secret and the depth', async () => {
    const deep = '{"a":' + '['.repeat(3000) + ']'.repeat(3000) + '}'
    await seedSecrets(moto.client, [{ name: 'e2e/deep', value: deep }])
    const base = { 'endpoint-url': moto.endpoint }
    const plain = await runStep({
      inputs: { ...base, mode: 'fetch', 'secret-ids': 'e2e/deep' }
    })
    expect(plain.errors).toEqual([])
    expect(plain.env.E2E_DEEP).toBe(deep)
    const parsed = await runStep({
      inputs: { ...base, mode: 'fetch', 'secret-ids': 'e2e/deep', 'parse-json-secrets': 'true' }
    })
    expect(parsed.errors).toEqual([
      "Secret 'e2e/deep' is not parsed as JSON: it nests 3001 levels deep; at most 1000 are read."
    ])
    const lookup = await runStep({
      inputs: { ...base, mode: 'lookup-jsonpath', 'secret-id': 'e2e/deep', query: '$.a' }
    })
    expect(lookup.errors[0]).toMatch(
      /^Secret 'e2e\/deep' nests 3001 levels deep; at most 1000 are read: lookup-jsonpath/
    )
    for (const step of [plain, parsed, lookup]) expect(step.stderr).toBe('')
  })

  it('JSON errors give a 1-based line and column, never the text', async () => {
    await seedSecrets(moto.client, [
      { name: 'e2e/comma', value: '{"a":1,}' },
      { name: 'e2e/nope', value: '{\n  "pw": nope-Hunter2\n}' }
    ])
    const comma = await runStep({
      inputs: {
        mode: 'lookup-jsonpath',
        'endpoint-url': moto.endpoint,
        'secret-id': 'e2e/comma',
        query: '$.a'
      }
    })
    expect(comma.errors[0]).toMatch(
      /^Secret 'e2e\/comma' is not valid JSON: .* at line 1, column 8:/
    )
    const nope = await runStep({
      inputs: {
        mode: 'lookup-jsonpath',
        'endpoint-url': moto.endpoint,
        'secret-id': 'e2e/nope',
        query: '$.pw'
      }
    })
    expect(nope.errors[0]).toMatch(/at line 2, column 9:/)
    expect(runnerMaskedLog(nope.stdout)).not.toContain('Hunter2')
    const put = await runStep({
      inputs: {
        mode: 'put',
        'endpoint-url': moto.endpoint,
        'secret-id': 'e2e/comma',
        'secret-json': '{"a":1,}'
      }
    })
    expect(put.errors).toEqual([
      "Input 'secret-json': is not valid JSON: quoted object key expected at line 1, column 8"
    ])
  })
})

describe('defect 11: state-file replaces only a state file of this action', () => {
  it('refuses package.json with an error naming state-file, and leaves it untouched', async () => {
    await seedSecrets(moto.client, [{ name: 'e2e/cc', value: 'v1' }])
    const workspace = tempDir('sma-ws-')
    const pkg = '{\n  "name": "my-app",\n  "version": "1.0.0"\n}\n'
    fs.writeFileSync(path.join(workspace, 'package.json'), pkg)
    const step = await runStep({
      workspace,
      inputs: {
        mode: 'check-changed',
        'endpoint-url': moto.endpoint,
        'secret-ids': 'e2e/cc',
        cache: 'file',
        'state-file': 'package.json'
      }
    })
    expect(step.exitCode).toBe(1)
    expect(step.errors).toEqual([
      "Input 'state-file': 'package.json' exists and is not a state file of this action (no " +
        '"kind": "secrets-manager-action/check-changed"): refusing to replace it. Give the path ' +
        'of a new file.'
    ])
    expect(step.warnings).toEqual([])
    expect(fs.readFileSync(path.join(workspace, 'package.json'), 'utf8')).toBe(pkg)
  })
})

describe('defect 13: a missing version-stage or version-id is named', () => {
  it('says the secret exists without that stage, or that version', async () => {
    await seedSecrets(moto.client, [{ name: 'e2e/one', value: 'v1' }])
    const stage = await runStep({
      inputs: {
        mode: 'fetch',
        'endpoint-url': moto.endpoint,
        'secret-ids': 'e2e/one',
        'version-stage': 'AWSPREVIOUS'
      }
    })
    expect(stage.errors).toEqual([
      "Nothing was exported: 1 secret(s) could not be read: Secret 'e2e/one' exists, but no " +
        "version has the stage 'AWSPREVIOUS' (version-stage; its stages: AWSCURRENT)."
    ])
    const id = 'b'.repeat(36)
    const version = await runStep({
      inputs: {
        mode: 'lookup-jsonpath',
        'endpoint-url': moto.endpoint,
        'secret-id': 'e2e/one',
        'version-id': id,
        query: '$.a'
      }
    })
    expect(version.errors[0]).toMatch(
      new RegExp(`^Secret 'e2e/one' exists, but has no version '${id}' \\(version-id;`)
    )
  })
})

describe('a value no UTF-8 file can hold is refused, not changed', () => {
  it('fails fetch and lookup-jsonpath on a lone surrogate, exporting nothing', async () => {
    const odd = 'odd-\ud800-value'
    await seedSecrets(moto.client, [
      { name: 'e2e/odd', value: odd },
      { name: 'e2e/odd-json', value: JSON.stringify({ a: odd }) }
    ])
    const fetch = await runStep({
      inputs: { 'endpoint-url': moto.endpoint, 'secret-ids': 'e2e/odd', 'export-outputs': 'true' }
    })
    const lookup = await runStep({
      inputs: {
        mode: 'lookup-jsonpath',
        'endpoint-url': moto.endpoint,
        'secret-id': 'e2e/odd-json',
        query: '$.a'
      }
    })
    for (const [step, secret] of [
      [fetch, 'e2e/odd'],
      [lookup, 'e2e/odd-json']
    ] as const) {
      expect({ exit: step.exitCode, errors: step.errors, env: step.env }).toEqual({
        exit: 1,
        errors: [
          `Nothing was exported: a value of secret '${secret}' holds a lone UTF-16 surrogate, ` +
            'which no UTF-8 file can hold (GITHUB_ENV, GITHUB_OUTPUT, output-dir)'
        ],
        env: {}
      })
      expect(step.outputs).toEqual({})
    }
  })
})

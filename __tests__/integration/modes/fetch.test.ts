import { describe, expect, it } from '@jest/globals'
import { CreateSecretCommand, PutSecretValueCommand } from '@aws-sdk/client-secrets-manager'
import { fetchMode } from '../../../src/modes/fetch.js'
import type { SecretTarget } from '../../../src/output/emission.js'
import { contextFor, inputsFrom } from '../../harness/context.js'
import { useCapturedStdout, useMoto } from '../../harness/jest-moto.js'
import { seedSecrets } from '../../harness/moto.js'
import { startProxy } from '../../harness/proxy.js'

const moto = useMoto()
const stdout = useCapturedStdout()

async function fetch(inputs: Record<string, string>, endpoint = moto.endpoint) {
  const config = fetchMode.parse(inputsFrom(inputs))
  return fetchMode.run(config, contextFor(endpoint))
}

const envOf = (secrets: SecretTarget[] = []) =>
  Object.fromEntries(secrets.filter(t => t.channels === undefined).map(t => [t.name, t.value]))

describe('fetch against moto', () => {
  it('reads names, ARNs and aliases, named as the official action names them', async () => {
    const [db, key] = await seedSecrets(moto.client, [
      { name: 'prod/db-password', value: 'pw-123' },
      { name: 'prod/api.key', value: 'key-456' }
    ])
    const emission = await fetch({ 'secret-ids': `${db.arn}\nMY_KEY,${key.name}` })
    expect(envOf(emission.secrets)).toEqual({ PROD_DB_PASSWORD: 'pw-123', MY_KEY: 'key-456' })
    expect(emission.outputs?.count).toBe('2')
    expect(JSON.parse(emission.outputs?.['version-ids'] ?? '')).toEqual({
      'prod/db-password': db.versionId,
      'prod/api.key': key.versionId
    })
  })

  it('flattens nested JSON and applies each name transformation', async () => {
    await seedSecrets(moto.client, [
      { name: 'app/Conf', value: '{"db":{"User":"u","port":5432},"list":[1,2],"on":true}' }
    ])
    const upper = await fetch({ 'secret-ids': 'app/Conf', 'parse-json-secrets': 'true' })
    expect(envOf(upper.secrets)).toEqual({
      APP_CONF_DB_USER: 'u',
      APP_CONF_DB_PORT: '5432',
      APP_CONF_LIST: '[1,2]',
      APP_CONF_ON: 'true'
    })
    const lower = await fetch({
      'secret-ids': 'app/Conf',
      'parse-json-secrets': 'true',
      'name-transformation': 'lowercase'
    })
    expect(Object.keys(envOf(lower.secrets))).toContain('app_conf_db_user')
    const none = await fetch({
      'secret-ids': 'app/Conf',
      'parse-json-secrets': 'true',
      'name-transformation': 'none'
    })
    expect(Object.keys(envOf(none.secrets))).toContain('app_Conf_db_User')
  })

  it('uses bare JSON keys with a blank alias', async () => {
    await seedSecrets(moto.client, [{ name: 'svc', value: '{"user":"admin","pass":"pw-x"}' }])
    const emission = await fetch({ 'secret-ids': ',svc', 'parse-json-secrets': 'true' })
    expect(envOf(emission.secrets)).toEqual({ USER: 'admin', PASS: 'pw-x' })
  })

  it('pages through more than 100 prefix matches in few calls', async () => {
    const items = Array.from({ length: 130 }, (_, i) => ({ name: `bulk/s${i}`, value: `v-${i}` }))
    await seedSecrets(moto.client, [...items, { name: 'other/x', value: 'nope' }])
    const proxy = await startProxy({ target: moto.endpoint })
    try {
      const emission = await fetch({ 'secret-ids': 'bulk/*' }, proxy.endpoint)
      const env = envOf(emission.secrets)
      expect(Object.keys(env)).toHaveLength(130)
      expect(env.BULK_S129).toBe('v-129')
      // 2 ListSecrets pages, then ceil(130 / 20) = 7 batches.
      expect(proxy.calls()).toEqual({ ListSecrets: 2, BatchGetSecretValue: 7 })
    } finally {
      await proxy.stop()
    }
  })

  it('exports binary secrets as base64 text and bytes for files', async () => {
    const bytes = new Uint8Array([0, 255, 10, 13])
    await seedSecrets(moto.client, [{ name: 'bin', value: bytes }])
    const emission = await fetch({ 'secret-ids': 'bin' })
    expect(new Uint8Array(emission.secrets?.[0].value as Uint8Array)).toEqual(bytes)
    expect(emission.secrets?.[0].file).toBe('BIN')
  })

  it('reads AWSPREVIOUS and a chosen version id', async () => {
    await moto.client.send(new CreateSecretCommand({ Name: 'rot', SecretString: 'old-value' }))
    const put = await moto.client.send(
      new PutSecretValueCommand({ SecretId: 'rot', SecretString: 'new-value' })
    )
    const previous = await fetch({ 'secret-ids': 'rot', 'version-stage': 'AWSPREVIOUS' })
    expect(envOf(previous.secrets)).toEqual({ ROT: 'old-value' })
    const byId = await fetch({ 'secret-ids': 'rot', 'version-id': put.VersionId ?? '' })
    expect(envOf(byId.secrets)).toEqual({ ROT: 'new-value' })
  })

  it('names a missing version-stage or version-id of a secret that exists', async () => {
    await moto.client.send(new CreateSecretCommand({ Name: 'one-version', SecretString: 'v' }))
    await expect(
      fetch({ 'secret-ids': 'one-version', 'version-stage': 'AWSPREVIOUS' })
    ).rejects.toThrow(
      "Secret 'one-version' exists, but no version has the stage 'AWSPREVIOUS' " +
        '(version-stage; its stages: AWSCURRENT).'
    )
    const id = 'a'.repeat(36)
    await expect(fetch({ 'secret-ids': 'one-version', 'version-id': id })).rejects.toThrow(
      `Secret 'one-version' exists, but has no version '${id}' (version-id;`
    )
    // A secret that does not exist is still reported as not found.
    await expect(fetch({ 'secret-ids': 'absent', 'version-stage': 'AWSPREVIOUS' })).rejects.toThrow(
      /Secret 'absent' not found/
    )
  })

  it('is all or nothing, naming every secret that failed and no value', async () => {
    await seedSecrets(moto.client, [{ name: 'present', value: 'present-value' }])
    const run = fetch({ 'secret-ids': 'present\nmissing-one\nmissing-two\nnomatch/*' })
    await expect(run).rejects.toThrow(/missing-one/)
    const error = await fetch({
      'secret-ids': 'present\nmissing-one\nmissing-two\nnomatch/*'
    }).catch((e: Error) => e.message)
    expect(error).toMatch(/missing-two/)
    expect(error).toMatch(/nomatch\/\*/)
    expect(error).not.toContain('present-value')
  })

  it('registers every value, line and JSON leaf as a mask on arrival', async () => {
    await seedSecrets(moto.client, [
      { name: 'pem', value: '-----BEGIN-----\nline-one\nline-two\n-----END-----' },
      { name: 'js', value: '{"a":{"b":"leaf-value"}}' }
    ])
    await fetch({ 'secret-ids': 'pem\njs' })
    const masks = stdout.text()
    for (const form of ['line-one', 'line-two', 'leaf-value']) {
      expect(masks).toContain(`::add-mask::${form}\n`)
    }
  })

  it('falls back to GetSecretValue, warning once, when BatchGetSecretValue is denied', async () => {
    await seedSecrets(moto.client, [
      { name: 'fb/a', value: 'va' },
      { name: 'fb/b', value: 'vb' }
    ])
    const proxy = await startProxy({
      target: moto.endpoint,
      fault: ({ operation }) =>
        operation === 'BatchGetSecretValue' ? { kind: 'denied' } : undefined
    })
    try {
      const emission = await fetch({ 'secret-ids': 'fb/a\nfb/b' }, proxy.endpoint)
      expect(envOf(emission.secrets)).toEqual({ FB_A: 'va', FB_B: 'vb' })
      expect(proxy.calls().GetSecretValue).toBe(2)
      expect(stdout.text().match(/::warning::.*BatchGetSecretValue is denied/g)).toHaveLength(1)
    } finally {
      await proxy.stop()
    }
  })
})

describe('fetch errors', () => {
  it('says why a wildcard failed: nothing matched, or more than its alias can name', async () => {
    await seedSecrets(moto.client, [
      { name: 'svc/a', value: 'a-value' },
      { name: 'svc/b', value: 'b-value' }
    ])
    const message = (inputs: Record<string, string>) =>
      fetchMode.run(fetchMode.parse(inputsFrom(inputs)), contextFor(moto.endpoint)).then(
        () => '',
        (e: Error) => e.message
      )
    expect(await message({ 'secret-ids': 'SVC,svc/*' })).toMatch(
      /'svc\/\*': 2 secrets match it, but alias 'SVC' names one/
    )
    expect(await message({ 'secret-ids': 'none/*' })).toMatch(/'none\/\*': no secret matches it/)
  })
})

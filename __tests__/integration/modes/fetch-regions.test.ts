import { describe, expect, it } from '@jest/globals'
import { CreateSecretCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { fetchMode } from '../../../src/modes/fetch.js'
import { checkChangedMode } from '../../../src/modes/check-changed.js'
import type { SecretTarget } from '../../../src/output/emission.js'
import { contextFor, inputsFrom } from '../../harness/context.js'
import { useCapturedStdout, useMoto } from '../../harness/jest-moto.js'
import { seedSecrets, testClient } from '../../harness/moto.js'
import { startProxy, regionOf } from '../../harness/proxy.js'

const moto = useMoto()
const stdout = useCapturedStdout()
const EU = 'eu-west-1'

async function fetch(inputs: Record<string, string>, endpoint = moto.endpoint) {
  const config = fetchMode.parse(inputsFrom(inputs))
  return fetchMode.run(config, contextFor(endpoint))
}

const envOf = (secrets: SecretTarget[] = []) =>
  Object.fromEntries(secrets.filter(t => t.channels === undefined).map(t => [t.name, t.value]))

function euClient(): SecretsManagerClient {
  return testClient(moto.endpoint, { region: EU })
}

async function tagged(name: string, value: string, tags: Record<string, string>) {
  const out = await moto.client.send(
    new CreateSecretCommand({
      Name: name,
      SecretString: value,
      Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value }))
    })
  )
  return out.ARN!
}

describe('fetch in several regions', () => {
  it('reads each ARN in its own region and names in aws-region, in per-region batches', async () => {
    const eu = euClient()
    const [euDb] = await seedSecrets(eu, [{ name: 'app/db', value: 'eu-pw' }])
    await seedSecrets(moto.client, [{ name: 'app/api', value: 'us-key' }])
    const calls: string[] = []
    const proxy = await startProxy({
      target: moto.endpoint,
      fault: req => void calls.push(`${regionOf(req)} ${req.operation}`)
    })
    try {
      const emission = await fetch({ 'secret-ids': `${euDb.arn}\napp/api` }, proxy.endpoint)
      expect(envOf(emission.secrets)).toEqual({ APP_DB: 'eu-pw', APP_API: 'us-key' })
      expect(calls.sort()).toEqual([
        'eu-west-1 BatchGetSecretValue',
        'us-east-1 BatchGetSecretValue'
      ])
    } finally {
      await proxy.stop()
      eu.destroy()
    }
  })

  it('refuses one name given by two different secrets of two regions', async () => {
    const eu = euClient()
    const [euDb] = await seedSecrets(eu, [{ name: 'app/db', value: 'eu-pw' }])
    await seedSecrets(moto.client, [{ name: 'app/db', value: 'us-pw' }])
    const emission = await fetch({ 'secret-ids': `${euDb.arn}\napp/db` })
    // Both are delivered; emit refuses the name twice before exporting anything.
    expect(emission.secrets?.filter(t => t.name === 'APP_DB')).toHaveLength(2)
    // version-ids keys the second secret of a name by its ARN.
    const ids = JSON.parse(emission.outputs?.['version-ids'] ?? '') as Record<string, string>
    expect(Object.values(ids)).toHaveLength(2)
    expect(Object.values(ids)).toContain(euDb.versionId)
    eu.destroy()
  })

  it('check-changed reads the version id of each ARN in its region', async () => {
    const eu = euClient()
    const [euDb] = await seedSecrets(eu, [{ name: 'app/db', value: 'eu-pw' }])
    const [us] = await seedSecrets(moto.client, [{ name: 'app/api', value: 'us-key' }])
    const config = checkChangedMode.parse(
      inputsFrom({ 'secret-ids': `${euDb.arn}\napp/api`, cache: 'none' })
    )
    const emission = await checkChangedMode.run(config, contextFor(moto.endpoint))
    expect(JSON.parse(emission.outputs?.['version-ids'] ?? '')).toEqual({
      'app/api': us.versionId,
      'app/db': euDb.versionId
    })
    eu.destroy()
  })
})

describe('fetch: overlapping lines', () => {
  it.each([
    ['a wildcard and a name it matches', 'app/*\napp/db'],
    ['a name and a wildcard that matches it', 'app/db\napp/*'],
    ['two overlapping wildcards', 'app/*\napp/d*'],
    ['a name and its ARN', 'app/db\n<arn>']
  ])('reads and exports once: %s', async (_, ids) => {
    const [db] = await seedSecrets(moto.client, [
      { name: 'app/db', value: 'pw-1' },
      { name: 'app/dx', value: 'pw-2' }
    ])
    const proxy = await startProxy({ target: moto.endpoint })
    try {
      const emission = await fetch({ 'secret-ids': ids.replace('<arn>', db.arn) }, proxy.endpoint)
      expect(emission.secrets?.filter(t => t.name === 'APP_DB')).toHaveLength(1)
      expect(envOf(emission.secrets).APP_DB).toBe('pw-1')
      const reads = proxy.calls().BatchGetSecretValue ?? 0
      expect(reads).toBeLessThanOrEqual(2)
    } finally {
      await proxy.stop()
    }
  })

  it('exports a secret under each alias it is given', async () => {
    await seedSecrets(moto.client, [{ name: 'app/db', value: 'pw-1' }])
    const emission = await fetch({ 'secret-ids': 'DB,app/db\napp/*' })
    expect(envOf(emission.secrets)).toEqual({ DB: 'pw-1', APP_DB: 'pw-1' })
    expect(emission.outputs?.count).toBe('1')
  })
})

describe('fetch: managed secrets, tags, on-missing, strip-prefix', () => {
  it("reads AWS-managed names with '!' by name, ARN and prefix", async () => {
    const [rds] = await seedSecrets(moto.client, [{ name: 'rds!cluster-1a2b', value: 'pw' }])
    expect(envOf((await fetch({ 'secret-ids': 'rds!cluster-1a2b' })).secrets)).toEqual({
      RDS_CLUSTER_1A2B: 'pw'
    })
    expect(envOf((await fetch({ 'secret-ids': rds.arn })).secrets)).toEqual({
      RDS_CLUSTER_1A2B: 'pw'
    })
    expect(envOf((await fetch({ 'secret-ids': 'rds!*' })).secrets)).toEqual({
      RDS_CLUSTER_1A2B: 'pw'
    })
  })

  it('selects the exact tag pair, or every secret with the key', async () => {
    await tagged('web/a', 'a', { team: 'web' })
    await tagged('web/b', 'b', { team: 'web', x: 'pay' })
    // tag-key team + tag-value pay both match web/b, but not as a pair.
    await tagged('pay/c', 'c', { team: 'payments' })
    await tagged('none/d', 'd', { other: 'web' })
    expect(envOf((await fetch({ 'secret-ids': 'tag:team=web' })).secrets)).toEqual({
      WEB_A: 'a',
      WEB_B: 'b'
    })
    await expect(fetch({ 'secret-ids': 'tag:team=pay' })).rejects.toThrow(/no secret matches/)
  }, 30_000)

  it('tag:KEY selects any value; tag lines overlap with names like wildcards', async () => {
    await tagged('web/a', 'a', { team: 'web' })
    await tagged('pay/c', 'c', { team: 'payments' })
    await tagged('none/d', 'd', { teamx: 'web' })
    const emission = await fetch({ 'secret-ids': 'tag:team\nweb/a' })
    expect(envOf(emission.secrets)).toEqual({ WEB_A: 'a', PAY_C: 'c' })
  })

  it('fails on a tag that matches nothing, or warns with on-missing: warn', async () => {
    await tagged('web/a', 'a', { team: 'web' })
    await expect(fetch({ 'secret-ids': 'tag:team=pay\nweb/a' })).rejects.toThrow(
      /tag:team=pay': no secret matches it/
    )
    const emission = await fetch({ 'secret-ids': 'tag:team=pay\nweb/a', 'on-missing': 'warn' })
    expect(envOf(emission.secrets)).toEqual({ WEB_A: 'a' })
    expect(stdout.text()).toMatch(/::warning::Skipped 'tag:team=pay'/)
  })

  it('on-missing: warn skips missing names and empty wildcards, one warning each', async () => {
    await seedSecrets(moto.client, [{ name: 'app/db', value: 'pw' }])
    const ids = 'app/db\nnope/gone\nzzz*'
    await expect(fetch({ 'secret-ids': ids })).rejects.toThrow(/2 secret\(s\) could not be read/)
    const emission = await fetch({ 'secret-ids': ids, 'on-missing': 'warn' })
    expect(envOf(emission.secrets)).toEqual({ APP_DB: 'pw' })
    const warnings = stdout.text().match(/::warning::Skipped[^\n]*/g) ?? []
    expect(warnings).toHaveLength(2)
    expect(warnings.join('\n')).toMatch(/'nope\/gone'/)
    expect(warnings.join('\n')).toMatch(/'zzz\*'/)
  })

  it('on-missing: warn never skips access denied', async () => {
    await seedSecrets(moto.client, [{ name: 'app/db', value: 'pw' }])
    const proxy = await startProxy({
      target: moto.endpoint,
      fault: req => (req.operation === 'ListSecrets' ? { kind: 'denied' } : undefined)
    })
    try {
      await expect(
        fetch({ 'secret-ids': 'app/*', 'on-missing': 'warn' }, proxy.endpoint)
      ).rejects.toThrow(/Access denied to secretsmanager:ListSecrets/)
    } finally {
      await proxy.stop()
    }
  })

  it('strip-prefix names wildcard matches after the prefix, tag matches after the last /', async () => {
    await seedSecrets(moto.client, [
      { name: 'prod/app/db', value: 'pw' },
      { name: 'prod/app/', value: 'root' }
    ])
    await tagged('prod/web/api-key', 'k', { team: 'web' })
    const emission = await fetch({
      'secret-ids': 'prod/app/*\ntag:team=web',
      'strip-prefix': 'true'
    })
    expect(envOf(emission.secrets)).toEqual({ DB: 'pw', PROD_APP_: 'root', API_KEY: 'k' })
    const official = await fetch({ 'secret-ids': 'prod/app/*' })
    expect(Object.keys(envOf(official.secrets)).sort()).toEqual(['PROD_APP_', 'PROD_APP_DB'])
  })
})

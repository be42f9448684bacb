import { describe, expect, it } from '@jest/globals'
import { CreateSecretCommand, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager'
import { useMoto } from '../harness/jest-moto.js'
import { seedSecrets, testClient } from '../harness/moto.js'
import { startProxy, regionOf } from '../harness/proxy.js'
import { findLeaks, runStep } from '../harness/runner.js'

const moto = useMoto()

describe('fetch for real workflows, bundled', () => {
  it('reads ARNs of another region next to names of AWS_REGION, overlaps once', async () => {
    const eu = testClient(moto.endpoint, { region: 'eu-west-1' })
    const [euApi] = await seedSecrets(eu, [{ name: 'prod/api', value: 'eu-key' }])
    eu.destroy()
    await seedSecrets(moto.client, [
      { name: 'prod/db', value: 'us-pw' },
      { name: 'rds!cluster-1a2b', value: '{"password":"rds-pw"}' }
    ])
    const regions: string[] = []
    const proxy = await startProxy({
      target: moto.endpoint,
      fault: req => void regions.push(regionOf(req))
    })
    try {
      const step = await runStep({
        inputs: {
          'endpoint-url': proxy.endpoint,
          'secret-ids': `EU_API,${euApi.arn}\nprod/*\nprod/db\nrds!*`,
          'parse-json-secrets': 'true'
        }
      })
      expect(step.errors).toEqual([])
      expect(step.exitCode).toBe(0)
      expect(step.env).toMatchObject({
        EU_API: 'eu-key',
        PROD_DB: 'us-pw',
        RDS_CLUSTER_1A2B_PASSWORD: 'rds-pw'
      })
      expect(JSON.parse(step.outputs['version-ids'] ?? '{}')).toHaveProperty('prod/db')
      expect(step.outputs.count).toBe('3')
      expect(new Set(regions)).toEqual(new Set(['eu-west-1', 'us-east-1']))
      expect(findLeaks(step.stdout + step.stderr, ['eu-key', 'us-pw', 'rds-pw'])).toEqual([])
    } finally {
      await proxy.stop()
    }
  })

  it('selects by tag, strips prefixes, and skips what is missing with on-missing: warn', async () => {
    await seedSecrets(moto.client, [{ name: 'prod/app/db', value: 'pw' }])
    for (const [name, team] of [
      ['prod/web/token', 'web'],
      ['prod/pay/token2', 'pay']
    ]) {
      await moto.client.send(
        new CreateSecretCommand({
          Name: name,
          SecretString: `${team}-value`,
          Tags: [{ Key: 'team', Value: team }]
        })
      )
    }
    const inputs = {
      'endpoint-url': moto.endpoint,
      'secret-ids': 'prod/app/*\ntag:team=web\nprod/gone\nnothing/*',
      'strip-prefix': 'true'
    }
    const failed = await runStep({ inputs })
    expect(failed.exitCode).toBe(1)
    expect(failed.errors).toHaveLength(1)
    expect(failed.errors[0]).toMatch(/prod\/gone.*not found|not found.*prod\/gone/)
    expect(failed.env).toEqual({})

    const step = await runStep({ inputs: { ...inputs, 'on-missing': 'warn' } })
    expect(step.errors).toEqual([])
    expect(step.env).toEqual(expect.objectContaining({ DB: 'pw', TOKEN: 'web-value' }))
    expect(step.env.TOKEN2).toBeUndefined()
    expect(step.warnings).toEqual(
      expect.arrayContaining([
        expect.stringContaining("'prod/gone'"),
        expect.stringContaining("'nothing/*'")
      ])
    )
  })

  it('check-changed follows ARNs into their region and selects by tag', async () => {
    const eu = testClient(moto.endpoint, { region: 'eu-west-1' })
    const [euApi] = await seedSecrets(eu, [{ name: 'prod/api', value: 'eu-key' }])
    eu.destroy()
    const web = await moto.client.send(
      new CreateSecretCommand({
        Name: 'prod/web',
        SecretString: 'w',
        Tags: [{ Key: 'team', Value: 'web' }]
      })
    )
    const step = await runStep({
      inputs: {
        mode: 'check-changed',
        'endpoint-url': moto.endpoint,
        'secret-ids': `${euApi.arn}\ntag:team=web`,
        cache: 'none'
      }
    })
    expect(step.errors).toEqual([])
    expect(JSON.parse(step.outputs['version-ids'])).toEqual({
      'prod/api': euApi.versionId,
      'prod/web': web.VersionId
    })
  })

  it('single-secret modes work on an ARN in its own region, whatever aws-region says', async () => {
    const eu = testClient(moto.endpoint, { region: 'eu-west-1' })
    const [conf] = await seedSecrets(eu, [{ name: 'rds!cluster-9', value: '{"password":"old"}' }])
    const common = {
      'endpoint-url': moto.endpoint,
      'aws-region': 'us-east-1',
      'secret-id': conf.arn
    }
    const put = await runStep({
      inputs: { ...common, mode: 'put', 'secret-string': '{"password":"new-pw"}' }
    })
    expect(put.errors).toEqual([])
    // The post step (rotate's clean-up) works in the region of the step's secret.
    expect(put.state['sma-region']).toBe('eu-west-1')
    const lookup = await runStep({
      inputs: { ...common, mode: 'lookup-jsonpath', query: '$.password', 'export-outputs': 'true' }
    })
    expect(lookup.errors).toEqual([])
    expect(lookup.outputs.value).toBe('new-pw')
    const stored = await eu.send(
      new GetSecretValueCommand({ SecretId: conf.arn, VersionStage: 'AWSCURRENT' })
    )
    expect(stored.SecretString).toBe('{"password":"new-pw"}')
    eu.destroy()
  })

  it('refuses bad values of the new inputs with one error line naming the input', async () => {
    for (const [name, value] of [
      ['on-missing', 'default'],
      ['strip-prefix', 'yes'],
      ['auto-select-family-attempt-timeout', '5']
    ]) {
      const step = await runStep({
        inputs: { 'endpoint-url': moto.endpoint, 'secret-ids': 'x/y', [name]: value }
      })
      expect(step.exitCode).toBe(1)
      expect(step.errors).toHaveLength(1)
      expect(step.errors[0]).toContain(`Input '${name}'`)
    }
  })
})

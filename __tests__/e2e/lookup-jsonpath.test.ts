import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { useMoto } from '../harness/jest-moto.js'
import { seedSecrets } from '../harness/moto.js'
import { startProxy } from '../harness/proxy.js'
import { findLeaks, runPostOf, runStep } from '../harness/runner.js'

const moto = useMoto()

const OTF = '{"foo":{"bar":["first_secret_value","nested_secret_value"]}}'

describe('lookup-jsonpath, bundled, as the runner runs it', () => {
  it('answers the Open Task Framework example with a masked output and a summary', async () => {
    await seedSecrets(moto.client, [{ name: 'otf/app', value: OTF }])
    const step = await runStep({
      inputs: {
        mode: 'lookup-jsonpath',
        'endpoint-url': moto.endpoint,
        'secret-id': 'otf/app',
        query: 'foo.bar[1]'
      }
    })
    expect(step.errors).toEqual([])
    expect(step.exitCode).toBe(0)
    expect(step.outputs).toEqual({ value: 'nested_secret_value' })
    expect(step.env).toEqual({})
    expect(step.masks).toEqual(
      expect.arrayContaining(['nested_secret_value', 'first_secret_value'])
    )
    expect(findLeaks(step.stdout + step.stderr, ['nested_secret_value', OTF])).toEqual([])
    expect(step.summary).toContain('<code>foo.bar[1]</code>')
    expect(step.summary).toContain('otf/app')
    expect(step.summary).not.toMatch(/secret_value/)
  })

  it('exports named queries to env vars and files, and the post step removes them', async () => {
    const doc = {
      users: [
        { name: 'app', pw: 'app-pw-e2e' },
        { name: 'ops', pw: 'ops-pw-e2e' }
      ],
      db: { host: 'db-e2e.internal', port: 5432 }
    }
    await seedSecrets(moto.client, [{ name: 'svc/app', value: JSON.stringify(doc) }])
    const inputs = {
      mode: 'lookup-jsonpath',
      'endpoint-url': moto.endpoint,
      'secret-id': 'svc/app',
      queries: "APP_PW=$.users[?@.name=='app'].pw\nDB=db\nPWS=$.users[*].pw",
      'export-env': 'true',
      'output-dir': 'looked-up'
    }
    const main = await runStep({ inputs })
    expect(main.errors).toEqual([])
    expect(main.warnings).toEqual([
      'query PWS matched 2 nodes; emitting the first (set result: all for every match, or single to require exactly one).'
    ])
    const expected = {
      APP_PW: 'app-pw-e2e',
      DB: '{"host":"db-e2e.internal","port":5432}',
      PWS: 'app-pw-e2e'
    }
    expect(main.env).toEqual(expected)
    expect(main.outputs).toEqual(expected)
    const file = path.join(main.workspace, 'looked-up', 'DB')
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(fs.readFileSync(file, 'utf8')).toBe(expected.DB)
    const secrets = [...Object.values(expected), 'ops-pw-e2e', 'db-e2e.internal']
    expect(findLeaks(main.stdout + main.stderr, secrets)).toEqual([])
    expect(main.summary).toMatch(/PWS.*2.*the first match/s)
    for (const value of secrets) expect(main.summary).not.toContain(value)

    const post = await runPostOf(main, { inputs })
    expect(post.exitCode).toBe(0)
    expect(fs.existsSync(file)).toBe(false)
    expect(post.env.APP_PW).toBe('')
  })

  it('refuses an invalid query by name and position without a single AWS call', async () => {
    const proxy = await startProxy({ target: moto.endpoint })
    try {
      const step = await runStep({
        inputs: {
          mode: 'lookup-jsonpath',
          'endpoint-url': proxy.endpoint,
          'secret-id': 'svc/app',
          queries: 'GOOD=$.a\nDB_PW=$.db[?@.user==]'
        }
      })
      expect(step.exitCode).toBe(1)
      expect(step.errors).toEqual([
        expect.stringMatching(
          /^Input 'queries': line 2: query DB_PW '\$\.db\[\?@\.user==\]' is not valid JSONPath: .* at character \d+$/
        )
      ])
      expect(proxy.total()).toBe(0)
      // The same step with valid queries goes through the proxy: the count above means something.
      await seedSecrets(moto.client, [{ name: 'svc/app', value: '{"a":"a-e2e","db":[]}' }])
      const valid = await runStep({
        inputs: {
          mode: 'lookup-jsonpath',
          'endpoint-url': proxy.endpoint,
          'secret-id': 'svc/app',
          queries: 'GOOD=$.a'
        }
      })
      expect(valid.outputs).toEqual({ GOOD: 'a-e2e' })
      expect(proxy.calls()).toEqual({ GetSecretValue: 1 })
    } finally {
      await proxy.stop()
    }
  })

  it('refuses a secret that is not JSON without showing any of it, exporting nothing', async () => {
    const value = 'host=db.internal password="e2e-not-json-pw"'
    await seedSecrets(moto.client, [{ name: 'plain', value }])
    const step = await runStep({
      inputs: {
        mode: 'lookup-jsonpath',
        'endpoint-url': moto.endpoint,
        'secret-id': 'plain',
        query: 'password'
      }
    })
    expect(step.exitCode).toBe(1)
    expect(step.errors).toEqual([expect.stringMatching(/^Secret 'plain' is not valid JSON/)])
    expect(findLeaks(step.stdout + step.stderr, [value, 'e2e-not-json-pw'])).toEqual([])
    expect(step.errors[0]).not.toMatch(/e2e-not-json-pw|db\.internal/)
    expect(step.outputs).toEqual({})
  })

  it('refuses a query name that would set a reserved env var, exporting nothing', async () => {
    await seedSecrets(moto.client, [{ name: 'evil', value: '{"p":"/tmp/evil-e2e","k":"ok-e2e"}' }])
    const step = await runStep({
      inputs: {
        mode: 'lookup-jsonpath',
        'endpoint-url': moto.endpoint,
        'secret-id': 'evil',
        queries: 'OK=k\nBASH_ENV=p',
        'export-env': 'true'
      }
    })
    expect(step.exitCode).toBe(1)
    expect(step.errors).toEqual([expect.stringMatching(/BASH_ENV.*evil/)])
    expect(step.errors[0]).not.toContain('/tmp/evil-e2e')
    expect(step.env).toEqual({})
    expect(step.outputs).toEqual({})
  })
})

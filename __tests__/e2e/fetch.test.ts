import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { useMoto } from '../harness/jest-moto.js'
import { seedSecrets } from '../harness/moto.js'
import { findLeaks, runPostOf, runStep } from '../harness/runner.js'

const moto = useMoto()

describe('fetch, bundled, as the runner runs it', () => {
  it('exports env vars, masks first, writes a summary, and the post step cleans up', async () => {
    const json = '{"username":"app","password":"pä$$\\n\\"wörd\\"","nested":{"token":"tok-1"}}'
    const pem = '-----BEGIN KEY-----\nMIIBline1\nMIIBline2\n-----END KEY-----'
    await seedSecrets(moto.client, [
      { name: 'prod/db', value: json },
      { name: 'prod/tls', value: pem }
    ])
    const outputDir = 'secrets-out'
    const inputs = {
      'endpoint-url': moto.endpoint,
      'secret-ids': 'prod/*',
      'parse-json-secrets': 'true',
      'export-outputs': 'true',
      'output-dir': outputDir
    }
    const main = await runStep({ inputs })
    expect(main.errors).toEqual([])
    expect(main.exitCode).toBe(0)
    expect(main.env).toMatchObject({
      PROD_DB_USERNAME: 'app',
      PROD_DB_PASSWORD: 'pä$$\n"wörd"',
      PROD_DB_NESTED_TOKEN: 'tok-1',
      PROD_TLS: pem
    })
    expect(main.outputs.PROD_DB_NESTED_TOKEN).toBe('tok-1')
    expect(main.outputs.count).toBe('2')

    const file = path.join(main.workspace, outputDir, 'PROD_TLS')
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(fs.readFileSync(file, 'utf8')).toBe(pem)
    const post = await runPostOf(main, { inputs })
    expect(post.exitCode).toBe(0)
    expect(fs.existsSync(file)).toBe(false)
    expect(post.env.PROD_DB_PASSWORD).toBe('')

    const values = ['app', 'pä$$\n"wörd"', 'tok-1', pem, json]
    expect(findLeaks(main.stdout + main.stderr, values)).toEqual([])
    expect(main.masks).toEqual(expect.arrayContaining(['MIIBline1', 'MIIBline2', 'tok-1', 'app']))
    expect(main.summary).toContain('prod/db')
    for (const value of ['tok-1', 'MIIBline1', 'wörd']) expect(main.summary).not.toContain(value)
    // The answer's path is rehearsed on a made-up secret while the request is out: unseen.
    const seen = [main.log, main.summary, JSON.stringify([main.env, main.outputs, main.state])]
    expect(seen.join('\n')).not.toMatch(/rehearsal|"key"/i)
    expect(main.masks).not.toEqual(expect.arrayContaining(['value']))
  })

  it('refuses a JSON secret whose keys would set BASH_ENV or NODE_OPTIONS, exporting nothing', async () => {
    await seedSecrets(moto.client, [
      { name: 'evil', value: '{"BASH_ENV":"/tmp/x.sh","NODE_OPTIONS":"--require /tmp/x.js"}' },
      { name: 'fine', value: 'fine-value' }
    ])
    const step = await runStep({
      inputs: {
        'endpoint-url': moto.endpoint,
        'secret-ids': ',evil\nfine',
        'parse-json-secrets': 'true'
      }
    })
    expect(step.exitCode).toBe(1)
    expect(step.errors).toHaveLength(1)
    expect(step.errors[0]).toMatch(/BASH_ENV.*evil/)
    expect(step.errors[0]).toMatch(/NODE_OPTIONS/)
    expect(step.errors[0]).not.toMatch(/\/tmp\/x/)
    expect(step.env).toEqual({})
  })

  it('refuses a name produced twice and a variable that is already set', async () => {
    await seedSecrets(moto.client, [
      { name: 'a-b', value: 'one-value' },
      { name: 'a_b', value: 'two-value' },
      { name: 'taken', value: 'three-value' }
    ])
    const twice = await runStep({
      inputs: { 'endpoint-url': moto.endpoint, 'secret-ids': 'a-b\na_b' }
    })
    expect(twice.exitCode).toBe(1)
    expect(twice.errors[0]).toMatch(/A_B.*twice/)
    const taken = await runStep({
      inputs: { 'endpoint-url': moto.endpoint, 'secret-ids': 'taken' },
      env: { TAKEN: 'already' }
    })
    expect(taken.errors[0]).toMatch(/TAKEN.*already set/)
    expect(taken.env).toEqual({})
  })

  it('fails with one error naming each missing secret, and exports nothing', async () => {
    await seedSecrets(moto.client, [{ name: 'here', value: 'here-value' }])
    const step = await runStep({
      inputs: { 'endpoint-url': moto.endpoint, 'secret-ids': 'here\ngone/a\ngone/b' }
    })
    expect(step.exitCode).toBe(1)
    expect(step.errors).toHaveLength(1)
    expect(step.errors[0]).toMatch(/gone\/a.*not found|not found.*gone\/a/)
    expect(step.errors[0]).toMatch(/gone\/b/)
    expect(step.log).not.toMatch(/\n\s+at /)
    expect(step.env).toEqual({})
  })

  it('exports unicode and multi-line values byte for byte', async () => {
    const value = 'zeile 1 ✓\nzeile 2 — ünïcødé 🔑'
    await seedSecrets(moto.client, [{ name: 'uni', value }])
    const step = await runStep({ inputs: { 'endpoint-url': moto.endpoint, 'secret-ids': 'uni' } })
    expect(step.env.UNI).toBe(value)
    expect(findLeaks(step.stdout, [value])).toEqual([])
  })

  it('refuses an unknown mode with the list of valid modes', async () => {
    const step = await runStep({ inputs: { mode: 'teleport' } })
    expect(step.exitCode).toBe(1)
    expect(step.errors).toEqual([expect.stringMatching(/'mode'.*teleport.*fetch/)])
  })
})

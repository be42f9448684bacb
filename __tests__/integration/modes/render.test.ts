import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { renderMode } from '../../../src/modes/render.js'
import { emit } from '../../../src/output/emit.js'
import { contextFor, inputsFrom } from '../../harness/context.js'
import { useCapturedStdout, useMoto } from '../../harness/jest-moto.js'
import { seedSecrets } from '../../harness/moto.js'
import { startProxy } from '../../harness/proxy.js'
import { tempDir } from '../../harness/runner.js'

const moto = useMoto()
const stdout = useCapturedStdout()

async function render(inputs: Record<string, string>, endpoint = moto.endpoint) {
  const config = renderMode.parse(inputsFrom(inputs))
  const emission = await renderMode.run(config, contextFor(endpoint))
  await emit(emission, { env: false, outputs: false }, {})
  return emission
}

describe('render against moto', () => {
  it('reads 25 secrets of a template in 2 BatchGetSecretValue calls, and nothing else', async () => {
    const items = Array.from({ length: 25 }, (_, i) => ({ name: `many/s${i}`, value: `v-${i}-x` }))
    await seedSecrets(moto.client, items)
    const file = path.join(tempDir('sma-render-'), 'all.txt')
    const template = items.map(item => `{{ secret "${item.name}" }}\n`).join('')
    const proxy = await startProxy({ target: moto.endpoint })
    try {
      await render({ 'output-file': file, template }, proxy.endpoint)
      expect(proxy.calls()).toEqual({ BatchGetSecretValue: 2 })
    } finally {
      await proxy.stop()
    }
    expect(fs.readFileSync(file, 'utf8')).toBe(items.map(item => `${item.value}\n`).join(''))
  })

  it('masks every value and every text made from one (url, base64 of a JSON node)', async () => {
    await seedSecrets(moto.client, [
      { name: 'app/db', value: '{"pw":"p@ss w0rd","o":{"k":"v-k1"}}' }
    ])
    const file = path.join(tempDir('sma-render-'), 'app.conf')
    await render({
      'output-file': file,
      template: 'u={{ secret "app/db" "pw" | url }}\no={{ secret "app/db" "o" | base64 }}\n'
    })
    const encodedObject = Buffer.from('{"k":"v-k1"}').toString('base64')
    expect(fs.readFileSync(file, 'utf8')).toBe(`u=p%40ss%20w0rd\no=${encodedObject}\n`)
    const masks = stdout.text()
    for (const form of ['p@ss w0rd', 'p%40ss%20w0rd', encodedObject]) {
      // The workflow command escapes '%' as '%25'; the runner undoes it.
      expect(masks).toContain(`::add-mask::${form.replace(/%/g, '%25')}\n`)
    }
  })

  it('writes mode 0600, replaces a file only with overwrite, and keeps it with keep-file', async () => {
    await seedSecrets(moto.client, [{ name: 'tok', value: 'tok-value-1' }])
    const dir = tempDir('sma-render-')
    const file = path.join(dir, 'nested', 'token.txt')
    const first = await render({ 'output-file': file, template: '{{ secret "tok" }}' })
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(first.outputs).toEqual({ file, secrets: '["tok"]' })
    expect(() =>
      renderMode.parse(inputsFrom({ 'output-file': file, template: '{{ secret "tok" }}' }))
    ).toThrow(/Input 'output-file': .* already exists: set overwrite: true/)
    fs.chmodSync(file, 0o644)
    await render({ 'output-file': file, template: 'new {{ secret "tok" }}', overwrite: 'true' })
    expect(fs.readFileSync(file, 'utf8')).toBe('new tok-value-1')
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(fs.readdirSync(path.dirname(file))).toEqual(['token.txt'])
    expect(stdout.text()).toContain(`::save-state name=sma-files::${JSON.stringify([file])}`)
    const kept = path.join(dir, 'kept.txt')
    await render({ 'output-file': kept, template: '{{ secret "tok" }}', 'keep-file': 'true' })
    expect(stdout.text()).toContain('::save-state name=sma-files::[]')
  })

  it('writes dotenv and json files named as fetch names them', async () => {
    await seedSecrets(moto.client, [
      { name: 'app/cfg', value: '{"user":"admin","pem":"-----A-----\\nl1\\n-----B-----"}' },
      { name: 'app/token', value: `it's t0k #x` }
    ])
    const dir = tempDir('sma-render-')
    const dotenv = path.join(dir, '.env')
    const ids = { 'secret-ids': 'app/cfg\nTOKEN,app/token', 'parse-json-secrets': 'true' }
    await render({ 'output-file': dotenv, format: 'dotenv', ...ids })
    const { parse } = await import('dotenv')
    const expected = {
      APP_CFG_USER: 'admin',
      APP_CFG_PEM: '-----A-----\nl1\n-----B-----',
      TOKEN: `it's t0k #x`
    }
    expect(parse(fs.readFileSync(dotenv, 'utf8'))).toEqual(expected)
    const json = path.join(dir, 'env.json')
    const emission = await render({ 'output-file': json, format: 'json', ...ids })
    expect(JSON.parse(fs.readFileSync(json, 'utf8'))).toEqual(expected)
    expect(emission.outputs?.secrets).toBe('["app/cfg","app/token"]')
  })

  it('reports every unreadable secret and failed query together, writing nothing', async () => {
    await seedSecrets(moto.client, [{ name: 'app/db', value: '{"a":"aa-value-1"}' }])
    const file = path.join(tempDir('sma-render-'), 'x.conf')
    const error = await render({
      'output-file': file,
      template:
        '{{ secret "app/db" "a" }}\n{{ secret "app/gone" }}\n  {{ secret "app/db" "b" | json }}'
    }).catch((e: Error) => e.message)
    expect(error).toMatch(
      /^Nothing was written to '.*x\.conf': line 2, column 1: \{\{ secret "app\/gone" \}\}: .*app\/gone/
    )
    expect(error).toMatch(
      /; line 3, column 3: \{\{ secret "app\/db" "b" \| json \}\}: the query matched 0 nodes/
    )
    expect(error).not.toContain('aa-value-1')
    expect(fs.existsSync(file)).toBe(false)
  })
})

// Regression tests through the bundled action, as the runner runs it, for the masking defects of
// the hardening issue (1: 64 KiB values, 3: punctuation lines, 4: URL inputs, 9: deep JSON, 14:
// true/false/null and `unmasked`), and a handful of generated big and deep values (the bulk of
// the generated cases run in process: __tests__/unit/**/*.property.test.ts).
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { hasStackTrace } from '../harness/audit.js'
import { useMoto } from '../harness/jest-moto.js'
import { seedSecrets } from '../harness/moto.js'
import {
  anyValue,
  laterStepShows,
  ownLogShows,
  printedForms,
  SEED,
  shownPieces,
  type Generated
} from '../harness/properties.js'
import { findLeaks, runStep, tempDir, type StepResult } from '../harness/runner.js'

const moto = useMoto()

/** No piece of any value shows in the step's log, its errors, its summary; no stack trace. */
function expectClean(step: StepResult, values: string[]): void {
  expect(findLeaks(step.stdout + step.stderr, values)).toEqual([])
  expect(hasStackTrace(step.log)).toBe(false)
  for (const value of values.filter(v => v.length >= 6)) {
    expect(step.summary.includes(value)).toBe(false)
    for (const error of step.errors) expect(error.includes(value)).toBe(false)
  }
}

const PEM_BODY = 'MIIFazCCA1OgAwIBAgIUbigCertLine'
/** A CA bundle of about 60 KB: many certificates, each line distinct. */
const BUNDLE = Array.from({ length: 170 }, (_, i) =>
  [
    '-----BEGIN CERTIFICATE-----',
    ...Array.from({ length: 4 }, (_, j) => `${PEM_BODY}${i}x${j}${'Q'.repeat(40)}`),
    '-----END CERTIFICATE-----'
  ].join('\n')
).join('\n')

const WIDE_LEAVES = Array.from({ length: 720 }, (_, i) => `wide-value-${i}-${'z'.repeat(20)}`)
/** About 31 KB of JSON, 720 keys. */
const WIDE = JSON.stringify(Object.fromEntries(WIDE_LEAVES.map((leaf, i) => [`key${i}`, leaf])))

describe('defect 1: values of 32 KB to 64 KiB, whole and as JSON of 700+ keys', () => {
  it('fetch of a 60 KB PEM bundle masks every line and exports it', async () => {
    expect(BUNDLE.length).toBeGreaterThan(58_000)
    expect(BUNDLE.length).toBeLessThan(65_536)
    await seedSecrets(moto.client, [{ name: 'big/pem', value: BUNDLE }])
    const step = await runStep({
      inputs: { 'endpoint-url': moto.endpoint, 'secret-ids': 'big/pem' },
      env: { RUNNER_DEBUG: '1' }
    })
    expect(step.errors).toEqual([])
    expect(step.exitCode).toBe(0)
    expect(step.env.BIG_PEM).toBe(BUNDLE)
    expect(step.masks).toEqual(expect.arrayContaining([`${PEM_BODY}169x3${'Q'.repeat(40)}`]))
    expectClean(step, [BUNDLE])
    expect(shownPieces(laterStepShows(step.stdout, [BUNDLE]), [BUNDLE], 1, true)).toEqual([])
  })

  it('fetch, parse-json-secrets and lookup-jsonpath of 720 keys', async () => {
    await seedSecrets(moto.client, [{ name: 'big/json', value: WIDE }])
    const values = [WIDE, ...WIDE_LEAVES]
    for (const parse of ['false', 'true']) {
      const step = await runStep({
        inputs: {
          'endpoint-url': moto.endpoint,
          'secret-ids': 'big/json',
          'parse-json-secrets': parse
        }
      })
      expect(step.errors).toEqual([])
      expect(step.exitCode).toBe(0)
      if (parse === 'true') expect(step.env.BIG_JSON_KEY719).toBe(WIDE_LEAVES[719])
      else expect(step.env.BIG_JSON).toBe(WIDE)
      expectClean(step, values)
    }
    const lookup = await runStep({
      inputs: {
        'endpoint-url': moto.endpoint,
        mode: 'lookup-jsonpath',
        'secret-id': 'big/json',
        query: '$.key700'
      }
    })
    expect(lookup.errors).toEqual([])
    expect(lookup.outputs.value).toBe(WIDE_LEAVES[700])
    expectClean(lookup, values)
  })

  it('put with secret-file and file-encoding utf8 writes 64 KiB, masked', async () => {
    await seedSecrets(moto.client, [{ name: 'big/put', value: 'old' }])
    const workspace = tempDir('sma-ws-')
    const value = BUNDLE + '\n' + 'T'.repeat(65_536 - BUNDLE.length - 1)
    expect(Buffer.byteLength(value)).toBe(65_536)
    fs.writeFileSync(path.join(workspace, 'bundle.pem'), value)
    const step = await runStep({
      workspace,
      inputs: {
        'endpoint-url': moto.endpoint,
        mode: 'put',
        'secret-id': 'big/put',
        'secret-file': 'bundle.pem',
        'file-encoding': 'utf8'
      }
    })
    expect(step.errors).toEqual([])
    expect(step.exitCode).toBe(0)
    expect(step.outputs.changed).toBe('true')
    expectClean(step, [value])
  })

  it('a failure after a 64 KiB value was masked is one clean ::error:: line', async () => {
    const json = JSON.stringify({ BASH_ENV: '/tmp/evil.sh', ...JSON.parse(WIDE) })
    await seedSecrets(moto.client, [{ name: 'big', value: json }])
    const step = await runStep({
      inputs: { 'endpoint-url': moto.endpoint, 'secret-ids': ',big', 'parse-json-secrets': 'true' }
    })
    expect(step.exitCode).toBe(1)
    expect(step.errors).toHaveLength(1)
    expect(step.errors[0]).toMatch(/BASH_ENV.*big/)
    expect(step.env).toEqual({})
    expectClean(step, [json, ...WIDE_LEAVES])
  })
})

describe('defect 3: lines without a letter or digit', () => {
  it('masks a line of punctuation, and not lines of JSON structure', async () => {
    const value = 'user=deploy\n!@#$%^&*()_+\nend\n},'
    await seedSecrets(moto.client, [{ name: 'punct', value }])
    const step = await runStep({ inputs: { 'endpoint-url': moto.endpoint, 'secret-ids': 'punct' } })
    expect(step.exitCode).toBe(0)
    expect(step.masks).toEqual(expect.arrayContaining(['!@#$%^&*()_+', 'user=deploy', 'end']))
    expect(step.masks).not.toContain('},')
    // A later step printing the variable shows none of its lines.
    const shown = laterStepShows(step.stdout, [step.env.PUNCT])
    expect(shown).not.toContain('!@#$%^&*()_+')
    expect(shown).not.toContain('deploy')
  })
})

describe('defect 4: URL inputs', () => {
  it.each(['http-proxy', 'endpoint-url'])('%s that does not parse is not echoed', async input => {
    const step = await runStep({
      inputs: { 'secret-ids': 'any', [input]: 'http//user:Pr0xy-Pa55w0rd@proxy:3128' },
      env: { RUNNER_DEBUG: '1' }
    })
    expect(step.exitCode).toBe(1)
    expect(step.errors).toHaveLength(1)
    expect(step.errors[0]).toContain(`Input '${input}'`)
    expect(step.log).not.toContain('Pr0xy-Pa55w0rd')
    expect(step.log).not.toContain('user:')
    expect(hasStackTrace(step.log)).toBe(false)
  })
})

describe('defect 9: deep JSON', () => {
  it('a plain fetch of JSON 10,000 levels deep works and is masked', async () => {
    const objects = '{"a":'.repeat(10_000) + '"deep-leaf-x1"' + '}'.repeat(10_000)
    const arrays = '['.repeat(10_000) + '"deep-leaf-x2"' + ']'.repeat(10_000)
    await seedSecrets(moto.client, [
      { name: 'deep/objects', value: objects },
      { name: 'deep/arrays', value: arrays }
    ])
    const step = await runStep({
      inputs: { 'endpoint-url': moto.endpoint, 'secret-ids': 'deep/*' },
      env: { RUNNER_DEBUG: '1' }
    })
    expect(step.errors).toEqual([])
    expect(step.exitCode).toBe(0)
    expect(step.env.DEEP_OBJECTS).toBe(objects)
    expect(step.env.DEEP_ARRAYS).toBe(arrays)
    expect(step.masks).toEqual(expect.arrayContaining(['deep-leaf-x1', 'deep-leaf-x2']))
    expectClean(step, [objects, arrays, 'deep-leaf-x1', 'deep-leaf-x2'])
  })
})

describe('defect 14: true, false, null and the unmasked input', () => {
  const value = JSON.stringify({
    host: 'db.internal.example',
    port: 5432,
    username: 'u',
    password: 'Pw-unmasked-test-9',
    pin: '042',
    enabled: true,
    disabled: false,
    none: null
  })

  it('never masks true, false or null; keeps short leaves of undeclared keys', async () => {
    await seedSecrets(moto.client, [{ name: 'app', value }])
    const step = await runStep({
      inputs: { 'endpoint-url': moto.endpoint, 'secret-ids': 'app', 'parse-json-secrets': 'true' }
    })
    expect(step.exitCode).toBe(0)
    expect(step.masks).toEqual(
      expect.arrayContaining([
        value,
        'db.internal.example',
        '5432',
        'u',
        'Pw-unmasked-test-9',
        '042'
      ])
    )
    for (const literal of ['true', 'false', 'null']) expect(step.masks).not.toContain(literal)
  })

  it('leaves the leaves of unmasked keys alone, and masks the whole value and the rest', async () => {
    await seedSecrets(moto.client, [{ name: 'app', value }])
    const step = await runStep({
      inputs: {
        'endpoint-url': moto.endpoint,
        'secret-ids': 'app',
        'parse-json-secrets': 'true',
        unmasked: 'host\nPORT\nusername'
      }
    })
    expect(step.exitCode).toBe(0)
    expect(step.env.APP_HOST).toBe('db.internal.example')
    expect(step.masks).toEqual(expect.arrayContaining([value, 'Pw-unmasked-test-9', '042']))
    for (const plain of ['db.internal.example', '5432', 'u'])
      expect(step.masks).not.toContain(plain)
    expectClean(step, [value, 'Pw-unmasked-test-9'])
  })

  it('refuses an unmasked line that names no key', async () => {
    const step = await runStep({ inputs: { 'secret-ids': 'app', unmasked: 'host\n***' } })
    expect(step.exitCode).toBe(1)
    expect(step.errors).toEqual([expect.stringContaining("Input 'unmasked'")])
  })
})

describe('generated big and deep values through dist/', () => {
  const fits = (g: Generated) =>
    (typeof g.value === 'string' ? Buffer.byteLength(g.value) : g.value.length) <= 65_536 &&
    (typeof g.value === 'string' ? g.value.trim() !== '' : g.value.length > 0)
  const samples = fc
    .sample(anyValue, { seed: SEED, numRuns: 400 })
    .filter(fits)
    .filter(g => (typeof g.value === 'string' ? g.value.length : g.value.length) > 20_000)
    .slice(0, 4)

  it(`fetch hides every piece of them (seed ${SEED})`, async () => {
    expect(samples.length).toBeGreaterThan(0)
    await seedSecrets(
      moto.client,
      samples.map((g, i) => ({ name: `gen/s${i}`, value: g.value }))
    )
    for (const parse of ['false', 'true']) {
      const step = await runStep({
        inputs: {
          'endpoint-url': moto.endpoint,
          'secret-ids': 'gen/*',
          'parse-json-secrets': parse
        }
      })
      expect(hasStackTrace(step.log)).toBe(false)
      if (parse === 'false') expect(step.exitCode).toBe(0)
      const forms = samples.flatMap(printedForms)
      expect(shownPieces(ownLogShows(step.stdout + step.stderr), forms, 4)).toEqual([])
      const later = laterStepShows(step.stdout, [...forms, ...Object.values(step.env)])
      expect(shownPieces(later, forms, 1, true)).toEqual([])
    }
  }, 120_000)
})

// The injection property of issue 12 through every mode in-process (main.ts `run`, the real
// router, handlers and output layer) against moto: secrets whose names and JSON keys are
// generated hostile text (moto accepts any name; AWS allows only [A-Za-z0-9/_+=.@-], but JSON
// keys carry any text). Whatever the mode, stdout holds only the workflow commands the action
// means to write, each on one line; the summary holds no markup from a name; no refused env
// name is written. Seeded (FC_SEED replays); few runs each, as every run talks to moto.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import fc from 'fast-check'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { run } from '../../src/main.js'
import { refusedEnvNameReason } from '../../src/output/env-refused.js'
import { commandData, runnerCommands } from '../harness/commands.js'
import { hostileName, propertyOptions, refusedTwin } from '../harness/hostile.js'
import { useMoto } from '../harness/jest-moto.js'
import { seedSecrets } from '../harness/moto.js'
import { parseFileCommands, readActionMeta, tempDir } from '../harness/runner.js'

const moto = useMoto()
const defaults = Object.fromEntries(
  Object.entries(readActionMeta().inputs).map(([name, input]) => [
    name,
    String(input.default ?? '')
  ])
)
const FILES = ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'] as const
const saved = { ...process.env }
let stdout: string[] = []
let dir = ''
let counter = 0

beforeEach(() => {
  // The SDK's default credential chain reads process.env, not the env given to run().
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' })
  jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    stdout.push(String(chunk))
    return true
  })
})
afterEach(() => {
  // core.setFailed sets the exit code of this jest worker, which later test files share.
  process.exitCode = undefined
  jest.restoreAllMocks()
  process.env = { ...saved }
})

interface Step {
  /** The one ::error:: message, if the step failed. */
  error?: string
  stdout: string
  env: Record<string, string>
  outputs: Record<string, string>
  summary: string
}

/** One step in-process, as the runner runs it: fresh file commands, inputs with defaults. */
async function step(inputs: Record<string, string>, runnerOs: string): Promise<Step> {
  dir = tempDir('sma-inject-')
  for (const name of FILES) {
    process.env[name] = path.join(dir, name)
    fs.writeFileSync(process.env[name] as string, '')
  }
  process.exitCode = undefined
  stdout = []
  const all: Record<string, string> = { ...defaults, 'endpoint-url': moto.endpoint, ...inputs }
  const env = {
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_REGION: 'us-east-1',
    RUNNER_OS: runnerOs,
    RUNNER_TEMP: dir,
    GITHUB_WORKSPACE: dir
  }
  await run(name => all[name] ?? '', env)
  process.exitCode = undefined
  const read = (name: (typeof FILES)[number]) => fs.readFileSync(path.join(dir, name), 'utf8')
  const error = runnerCommands(stdout.join('')).find(c => c.command === 'error')
  return {
    error: error && commandData(error.line),
    stdout: stdout.join(''),
    env: parseFileCommands(read('GITHUB_ENV')),
    outputs: parseFileCommands(read('GITHUB_OUTPUT')),
    summary: read('GITHUB_STEP_SUMMARY')
  }
}

/** What every mode's step must satisfy, whatever the names. */
function expectNoInjection(result: Step, runnerOs: string): void {
  const commands = runnerCommands(result.stdout)
  for (const { command, line } of commands) {
    expect(['add-mask', 'debug', 'warning', 'error', 'save-state', 'notice']).toContain(command)
    // A message never breaks into lines; a mask is a value (its lines are task of the masker).
    if (command !== 'add-mask') expect(commandData(line)).not.toMatch(/[\r\n\u2028\u2029\u0085]/)
  }
  expect(commands.filter(c => c.command === 'error').length).toBeLessThanOrEqual(1)
  const markup = result.summary.replace(/<\/?(h3|table|tr|th|td|p|code)>/g, '')
  expect(markup).not.toMatch(/[<>]/)
  const platform = runnerOs === 'Windows' ? 'win32' : 'linux'
  for (const name of Object.keys(result.env)) {
    expect(refusedEnvNameReason(name, platform)).toBeUndefined()
  }
}

const runnerOs = fc.constantFrom('Windows', 'Linux')
const keys = fc.uniqueArray(fc.oneof(hostileName, refusedTwin), { minLength: 1, maxLength: 4 })
const names = fc.uniqueArray(hostileName, { minLength: 1, maxLength: 3 })

/** Unique per run, so runs need no moto reset. */
const prefix = () => `inj${++counter}/`

describe('hostile names and keys through every mode, in-process', () => {
  it('fetch: secret names listed by prefix*, JSON keys exported bare', async () => {
    const tally = { written: 0, refused: 0 }
    await fc.assert(
      fc.asyncProperty(
        names,
        keys,
        runnerOs,
        fc.constantFrom('uppercase', 'lowercase', 'none'),
        async (secretNames, jsonKeys, os, transformation) => {
          const at = prefix()
          const value = JSON.stringify(Object.fromEntries(jsonKeys.map(k => [k, 'v-inj'])))
          await seedSecrets(moto.client, [
            ...secretNames.map(name => ({ name: `${at}${name}`, value: 'v-inj' })),
            { name: `${at}json`, value }
          ])
          const listed = await step({ 'secret-ids': `${at}*`, 'export-outputs': 'true' }, os)
          expectNoInjection(listed, os)
          // Names that transform into a refused or a shared env name are refused, never written.
          if (listed.error) expect(listed.error).toMatch(/^Nothing was exported: /)
          else expect(listed.outputs.count).toBe(String(secretNames.length + 1))
          const bare = await step(
            {
              'secret-ids': `,${at}json`,
              'parse-json-secrets': 'true',
              'name-transformation': transformation,
              'export-outputs': 'true'
            },
            os
          )
          expectNoInjection(bare, os)
          if (bare.error) expect(bare.error).toMatch(/^Nothing was exported: /)
          else expect(bare.outputs.count).toBe('1')
          tally[listed.error ? 'refused' : 'written']++
          tally[bare.error ? 'refused' : 'written']++
        }
      ),
      propertyOptions(12)
    )
    expect(tally.written).toBeGreaterThan(2)
    expect(tally.refused).toBeGreaterThan(2)
  })

  it('check-changed: new, changed and gone names in log lines and the summary', async () => {
    await fc.assert(
      fc.asyncProperty(names, runnerOs, async (secretNames, os) => {
        const at = prefix()
        const inputs = {
          mode: 'check-changed',
          'secret-ids': `${at}*`,
          cache: 'file',
          'state-file': path.join(tempDir('sma-state-'), 'ids.json')
        }
        await seedSecrets(moto.client, [{ name: `${at}first`, value: 'v' }])
        expectNoInjection(await step(inputs, os), os)
        await seedSecrets(
          moto.client,
          secretNames.map(name => ({ name: `${at}${name}`, value: 'v' }))
        )
        const second = await step(inputs, os)
        expectNoInjection(second, os)
        expect(second.error).toBeUndefined()
        expect(second.outputs.changed).toBe('true')
      }),
      propertyOptions(12)
    )
  })

  // Here the secret is named in an input, which accepts AWS's alphabet only: the hostile text
  // is in the JSON keys of the value.
  const awsName = fc.stringMatching(/^[A-Za-z0-9/_+=.@-]{1,12}$/)

  it('lookup-jsonpath, put, rotate, push-generated: hostile JSON keys in the value', async () => {
    await fc.assert(
      fc.asyncProperty(awsName, keys, runnerOs, async (name, jsonKeys, os) => {
        const value = JSON.stringify(Object.fromEntries(jsonKeys.map(k => [k, 'v-inj'])))
        const [secret] = await seedSecrets(moto.client, [{ name: `${prefix()}${name}`, value }])
        const lookup = await step(
          { mode: 'lookup-jsonpath', 'secret-id': secret.arn, query: '$.*', result: 'all' },
          os
        )
        expectNoInjection(lookup, os)
        expect(lookup.error).toBeUndefined()
        expect(JSON.parse(lookup.outputs.value)).toHaveLength(jsonKeys.length)
        const put = await step(
          {
            mode: 'put',
            'secret-id': secret.arn,
            'secret-string': JSON.stringify({ ...JSON.parse(value), n: 1 })
          },
          os
        )
        expectNoInjection(put, os)
        expect(put.error).toBeUndefined()
        const rotate = await step(
          {
            mode: 'rotate',
            'secret-id': secret.arn,
            'rotation-strategy': 'in-workflow',
            phase: 'all',
            fields: 'password:\n  generator:\n    passwordLength: 24'
          },
          os
        )
        expectNoInjection(rotate, os)
        expect(rotate.error).toBeUndefined()
        expect(rotate.summary).not.toBe('')
        const pushed = await step(
          {
            mode: 'push-generated',
            'secret-id': secret.arn,
            'update-policy': 'MergeMissing',
            fields: 'token:\n  generator:\n    passwordLength: 20',
            'export-outputs': 'true'
          },
          os
        )
        expectNoInjection(pushed, os)
        expect(pushed.error).toBeUndefined()
      }),
      propertyOptions(10)
    )
  })
})

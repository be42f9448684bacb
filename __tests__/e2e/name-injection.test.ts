// Issue 12, defects 5, 6 and 12 through the bundled action: secret names and JSON keys come
// from whoever can create secrets. A name that holds a line break, `::`, `%`, a Unicode line
// separator or HTML never becomes a workflow command or markup; a JSON key the platform reads
// as a dangerous variable is refused in any case on Windows; outputs that differ only in case
// are refused. moto accepts any secret name (AWS allows only [A-Za-z0-9/_+=.@-]); JSON keys
// carry any text on AWS too.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import * as path from 'node:path'
import { commandData, runnerCommands } from '../harness/commands.js'
import { hostileName, propertyOptions, refusedTwin } from '../harness/hostile.js'
import { refusedEnvNameReason } from '../../src/output/env-refused.js'
import { useMoto } from '../harness/jest-moto.js'
import { seedSecrets } from '../harness/moto.js'
import { runStep, tempDir, type StepResult } from '../harness/runner.js'

const moto = useMoto()

const HOSTILE = [
  'evil/a\n::warning::injected-1\n::add-mask::e',
  'evil/b\r\n::error::injected-2',
  'evil/c%0A::notice::injected-3',
  'evil/d\u2028::add-mask::a\u2029',
  'evil/e\u0085::warning::injected-4',
  'evil/f<img src=x onerror=alert(1)>',
  'evil/g ##[warning]injected-5'
]

/** The commands a step wrote, as the runner reads them, except the masks and debug lines. */
function commands(step: StepResult): string[] {
  return runnerCommands(step.stdout)
    .filter(({ command }) => command !== 'debug')
    .map(({ line }) => line)
}

function expectNoInjection(step: StepResult): void {
  for (const { command, line } of runnerCommands(step.stdout)) {
    expect(command).toMatch(/^(debug|add-mask|warning|error|notice)$/)
    // A name never adds a line to a command's message either (a mask's data is a value).
    if (command !== 'add-mask') expect(commandData(line)).not.toMatch(/[\r\n\u2028\u2029\u0085]/)
  }
  expect(step.stdout).not.toMatch(/::add-mask::(e|a)\r?$/m)
  expect(step.stdout).not.toMatch(/^\s*::(warning|error|notice)::injected/m)
  expect(step.summary).not.toMatch(/<img|##\[warning\]injected/)
}

describe('hostile secret names, bundled', () => {
  it('check-changed logs and summarises every new name as text, no command, no markup', async () => {
    const workspace = tempDir('sma-ws-')
    await seedSecrets(moto.client, [{ name: 'evil/0', value: 'v' }])
    const inputs = {
      mode: 'check-changed',
      'endpoint-url': moto.endpoint,
      'secret-ids': 'evil/*',
      cache: 'file',
      'state-file': 'ids.json'
    }
    const first = await runStep({ inputs, workspace, env: { GITHUB_RUN_ID: '1' } })
    expect(first.exitCode).toBe(0)
    await seedSecrets(
      moto.client,
      HOSTILE.map(name => ({ name, value: 'v' }))
    )
    const second = await runStep({ inputs, workspace, env: { GITHUB_RUN_ID: '2' } })
    expect(second.errors).toEqual([])
    expect(second.exitCode).toBe(0)
    expect(commands(second)).toEqual([])
    expectNoInjection(second)
    // Every new name is logged, escaped, on a line of its own.
    expect(second.stdout).toContain('new: evil/a\\n:\\u003awarning:\\u003ainjected-1')
    expect(second.stdout).toContain('new: evil/d\\u2028:\\u003aadd-mask:\\u003aa\\u2029')
    expect(second.summary).toContain('evil/f&lt;img src=x onerror=alert(1)&gt;')
    expect(JSON.parse(second.outputs['changed-secrets'])).toEqual(HOSTILE.slice().sort())
    expect(path.isAbsolute(second.workspace)).toBe(true)
  })

  it('fetch summarises a name with HTML as text', async () => {
    await seedSecrets(moto.client, [{ name: 'evil/<img/src=x>', value: 'img-value-1' }])
    const step = await runStep({
      inputs: { 'endpoint-url': moto.endpoint, 'secret-ids': 'IMG,evil/<img/src=x>' }
    })
    expect(step.errors).toEqual([])
    expect(step.env).toEqual({ IMG: 'img-value-1' })
    expect(step.summary).toContain('evil/&lt;img/src=x&gt;')
    expectNoInjection(step)
  })

  it('a refusal quoting a hostile JSON key and secret name stays one error line', async () => {
    const key = 'x\n::warning::injected-6'
    await seedSecrets(moto.client, [{ name: 'evil/keys', value: JSON.stringify({ [key]: 'v' }) }])
    const step = await runStep({
      inputs: {
        'endpoint-url': moto.endpoint,
        'secret-ids': 'evil/keys',
        'parse-json-secrets': 'true',
        'export-outputs': 'true',
        'export-env': 'false'
      }
    })
    // The key becomes EVIL_KEYS_X___WARNING__INJECTED_6 as an env var; as an output too.
    expect(commands(step).filter(line => !line.startsWith('::add-mask::'))).toEqual(
      step.exitCode === 0 ? [] : [expect.stringMatching(/^::error::/)]
    )
    expectNoInjection(step)
  })
})

describe('dangerous env names in any letter case on Windows, bundled (defect 6)', () => {
  it.each(['Path', 'path', 'Bash_Env', 'makeflags', 'Cargo_Home', 'GoProxy'])(
    'refuses a JSON key %s exported bare when RUNNER_OS is Windows, writing nothing',
    async key => {
      await seedSecrets(moto.client, [
        { name: 'win/keys', value: JSON.stringify({ [key]: 'x', SAFE: 'y' }) }
      ])
      const step = await runStep({
        inputs: {
          'endpoint-url': moto.endpoint,
          'secret-ids': ',win/keys',
          'parse-json-secrets': 'true',
          'name-transformation': 'none'
        },
        env: { RUNNER_OS: 'Windows' }
      })
      expect(step.exitCode).toBe(1)
      expect(step.errors).toHaveLength(1)
      expect(step.errors[0]).toContain(`refused env var '${key}'`)
      expect(step.env).toEqual({})
      expect(step.outputs).toEqual({})
    }
  )

  it('treats keys that differ only in case as one variable on Windows', async () => {
    await seedSecrets(moto.client, [
      { name: 'win/twins', value: JSON.stringify({ Db_Pass: 'a-1', DB_PASS: 'a-2' }) }
    ])
    const inputs = {
      'endpoint-url': moto.endpoint,
      'secret-ids': ',win/twins',
      'parse-json-secrets': 'true',
      'name-transformation': 'none'
    }
    const windows = await runStep({ inputs, env: { RUNNER_OS: 'Windows' } })
    expect(windows.exitCode).toBe(1)
    expect(windows.errors[0]).toMatch(/DB_PASS.*twice.*'Db_Pass'/)
    expect(windows.env).toEqual({})
    const linux = await runStep({ inputs, env: { RUNNER_OS: 'Linux' } })
    expect(linux.errors).toEqual([])
    expect(linux.env).toEqual({ Db_Pass: 'a-1', DB_PASS: 'a-2' })
  })
})

describe('outputs that differ only in letter case, bundled (defect 12)', () => {
  it("refuses a JSON key COUNT beside fetch's own count output, writing nothing", async () => {
    await seedSecrets(moto.client, [{ name: 'out/keys', value: JSON.stringify({ COUNT: '7' }) }])
    const step = await runStep({
      inputs: {
        'endpoint-url': moto.endpoint,
        'secret-ids': ',out/keys',
        'parse-json-secrets': 'true',
        'export-outputs': 'true'
      }
    })
    expect(step.exitCode).toBe(1)
    expect(step.errors).toEqual([
      expect.stringMatching(/output 'COUNT' would be set twice \(as 'count'/)
    ])
    expect(step.outputs).toEqual({})
    expect(step.env).toEqual({})
  })

  it('refuses keys Key and key with name-transformation none', async () => {
    await seedSecrets(moto.client, [
      { name: 'out/twins', value: JSON.stringify({ Key: 'k-1', key: 'k-2' }) }
    ])
    const step = await runStep({
      inputs: {
        'endpoint-url': moto.endpoint,
        'secret-ids': ',out/twins',
        'parse-json-secrets': 'true',
        'name-transformation': 'none',
        'export-outputs': 'true',
        'export-env': 'false'
      }
    })
    expect(step.exitCode).toBe(1)
    expect(step.errors[0]).toMatch(/output 'key' would be set twice \(as 'Key'/)
    expect(step.outputs).toEqual({})
  })
})

describe('the injection property through dist (a few generated cases)', () => {
  let run = 0
  it('fetch: generated hostile secret names by prefix* and JSON keys exported bare', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(hostileName, { minLength: 1, maxLength: 3 }),
        fc.uniqueArray(fc.oneof(hostileName, refusedTwin), { minLength: 1, maxLength: 3 }),
        fc.constantFrom('Windows', 'Linux'),
        async (names, keys, runnerOs) => {
          const at = `gen${++run}/`
          await seedSecrets(moto.client, [
            ...names.map(name => ({ name: `${at}${name}`, value: 'gen-value' })),
            {
              name: `${at}json`,
              value: JSON.stringify(Object.fromEntries(keys.map(k => [k, 'v'])))
            }
          ])
          const env = { RUNNER_OS: runnerOs }
          const steps = [
            await runStep({
              inputs: { 'endpoint-url': moto.endpoint, 'secret-ids': `${at}*` },
              env
            }),
            await runStep({
              inputs: {
                'endpoint-url': moto.endpoint,
                'secret-ids': `,${at}json`,
                'parse-json-secrets': 'true',
                'name-transformation': 'none',
                'export-outputs': 'true'
              },
              env
            })
          ]
          const platform = runnerOs === 'Windows' ? 'win32' : 'linux'
          for (const step of steps) {
            expectNoInjection(step)
            for (const name of Object.keys(step.env)) {
              expect(refusedEnvNameReason(name, platform)).toBeUndefined()
            }
            if (step.exitCode !== 0) {
              expect(step.errors).toEqual([expect.stringMatching(/^Nothing was exported: /)])
              expect(step.env).toEqual({})
            }
          }
        }
      ),
      propertyOptions(4)
    )
  })
})

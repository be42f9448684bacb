// The injection property of issue 12, in-process over the output layer: generated hostile
// names and keys (CR/LF, `::`, `%`, HTML, Unicode line separators, Windows-case twins of
// refused names) through the log, the summary, env vars and outputs. No name ever makes a
// workflow command line the action did not mean to write, no raw `<`/`>` from a name reaches
// the summary, and no refused env name, nor two names one platform treats as one, is written.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import fc from 'fast-check'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { ActionError } from '../../../src/errors.js'
import { failureMessage } from '../../../src/failure.js'
import { emit } from '../../../src/output/emit.js'
import type { Emission, SecretTarget } from '../../../src/output/emission.js'
import { envNameKey, refusedEnvNameReason } from '../../../src/output/env-refused.js'
import { htmlText, logLine, logName } from '../../../src/output/escape.js'
import { log } from '../../../src/output/log.js'
import { outputNameKey } from '../../../src/output/output-names.js'
import { commandData, runnerCommands } from '../../harness/commands.js'
import { hostileName, propertyOptions, refusedTwin } from '../../harness/hostile.js'
import { parseFileCommands } from '../../harness/runner.js'

let dir: string
let stdout: string[]
const FILES = ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'] as const
const saved = { ...process.env }

function freshFiles(): void {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inject-'))
  for (const name of FILES) {
    process.env[name] = path.join(dir, name)
    fs.writeFileSync(process.env[name] as string, '')
  }
  stdout = []
}

beforeEach(() => {
  freshFiles()
  jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    stdout.push(String(chunk))
    return true
  })
})
afterEach(() => {
  // core.setFailed sets the exit code of this jest worker, which later test files share.
  process.exitCode = undefined
  jest.restoreAllMocks()
  fs.rmSync(dir, { recursive: true, force: true })
  process.env = { ...saved }
})

const read = (name: (typeof FILES)[number]) => fs.readFileSync(path.join(dir, name), 'utf8')
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/

/** Line breaks the runner or a viewer would honour inside one command's message. */
function expectOneLineCommands(text: string, allowed: string[]): void {
  for (const { command, line } of runnerCommands(text)) {
    expect(allowed).toContain(command)
    expect(commandData(line)).not.toMatch(/[\r\n\u2028\u2029\u0085]/)
  }
}

describe('escape', () => {
  it('logLine: one line, no leading ::, no ##[, nothing unsafe', () => {
    fc.assert(
      fc.property(hostileName, fc.string({ maxLength: 3 }), (name, lead) => {
        const line = logLine(`${lead}${name}`)
        expect(line).not.toMatch(UNSAFE)
        expect(line).not.toMatch(/^\s*::/)
        expect(line).not.toContain('##[')
        expect(runnerCommands(line)).toEqual([])
      }),
      propertyOptions(3000)
    )
  })

  it('logName: safe wherever a message puts it; htmlText: never markup', () => {
    fc.assert(
      fc.property(hostileName, name => {
        expect(logName(name)).not.toContain('::')
        expect(logName(name)).not.toMatch(UNSAFE)
        expect(htmlText(name)).not.toMatch(/[<>"']/)
        expect(htmlText(name)).not.toMatch(UNSAFE)
      }),
      propertyOptions(3000)
    )
  })

  it('keeps ordinary names as they are', () => {
    for (const name of ['prod/db', 'a:b', 'arn:aws:secretsmanager:us-east-1:1:secret:x', '50%']) {
      expect(logName(name)).toBe(name)
    }
  })
})

describe('log', () => {
  it('writes each message as one line: only the command asked for, if any', () => {
    const kinds = ['info', 'warning', 'error', 'notice', 'debug'] as const
    fc.assert(
      fc.property(fc.constantFrom(...kinds), hostileName, hostileName, (kind, a, b) => {
        stdout = []
        log[kind](`Secret '${a}' and key ${b}: done`)
        const text = stdout.join('')
        expect(text.split('\n').filter(line => line !== '')).toHaveLength(1)
        const commands = runnerCommands(text).map(c => c.command)
        expect(commands).toEqual(kind === 'info' ? [] : [kind])
        expectOneLineCommands(text, [kind])
      }),
      propertyOptions(2000)
    )
  })
})

const name = fc.oneof(hostileName, refusedTwin, fc.constantFrom('Key', 'key', 'COUNT', 'Db_Pass'))
const target: fc.Arbitrary<SecretTarget> = fc.record({
  name,
  value: fc.constantFrom('value-1', 'value-2'),
  source: hostileName,
  file: fc.option(name, { nil: undefined })
})

describe('emit', () => {
  it('refuses or writes only safe, distinct names; the summary and any error are text', async () => {
    const seen = { refused: 0, written: 0 }
    await fc.assert(
      fc.asyncProperty(
        fc.array(target, { minLength: 1, maxLength: 5 }),
        fc.constantFrom('Windows', 'Linux', 'macOS'),
        fc.array(
          fc.tuple(
            hostileName,
            hostileName.map(code => ({ code }))
          ),
          { maxLength: 3 }
        ),
        fc.array(hostileName, { maxLength: 2 }),
        async (secrets, runnerOs, rows, notes) => {
          freshFiles()
          const emission: Emission = {
            secrets,
            outputs: { count: String(secrets.length) },
            summary: { heading: `Fetched ${rows.length}`, header: ['Secret', 'Id'], rows, notes }
          }
          const env = { RUNNER_OS: runnerOs, GITHUB_STEP_SUMMARY: process.env.GITHUB_STEP_SUMMARY }
          const platform = runnerOs === 'Windows' ? 'win32' : 'linux'
          const config = { env: true, outputs: true, outputDir: path.join(dir, 'out') }
          let failure: unknown
          await emit(emission, config, env).catch(error => (failure = error))
          if (failure !== undefined) {
            expect(failure).toBeInstanceOf(ActionError)
            expect(read('GITHUB_ENV')).toBe('')
            expect(read('GITHUB_OUTPUT')).toBe('')
            stdout = []
            log.setFailed(failureMessage(failure))
            const commands = runnerCommands(stdout.join('')).map(c => c.command)
            expect(commands.filter(command => command !== 'debug')).toEqual(['error'])
            expectOneLineCommands(stdout.join(''), ['error', 'debug'])
            seen.refused++
            return
          }
          const envNames = Object.keys(parseFileCommands(read('GITHUB_ENV')))
          for (const envName of envNames) {
            expect(refusedEnvNameReason(envName, platform)).toBeUndefined()
          }
          const keys = envNames.map(n => envNameKey(n, platform))
          expect(new Set(keys).size).toBe(keys.length)
          const outputs = Object.keys(parseFileCommands(read('GITHUB_OUTPUT'))).map(outputNameKey)
          expect(new Set(outputs).size).toBe(outputs.length)
          expectOneLineCommands(stdout.join(''), ['add-mask', 'debug', 'save-state'])
          const markup = read('GITHUB_STEP_SUMMARY').replace(/<\/?(h3|table|tr|th|td|p|code)>/g, '')
          expect(markup).not.toMatch(/[<>]/)
          seen.written++
        }
      ),
      propertyOptions(1000)
    )
    // Both ways were taken: the property is not only about refusals.
    expect(seen.refused).toBeGreaterThan(50)
    expect(seen.written).toBeGreaterThan(50)
  })
})

// Every mode's emission over generated values, in process: main.ts's run() with the SDK client
// mocked (aws-sdk-client-mock), stdout and the runner's files captured, the log replayed as the
// runner masks it. No piece of the value may show in a log line, an error or the summary, a later
// step printing what was exported must see it masked, and nothing may throw. Seeded:
// FC_SEED=<seed> [FC_PATH=<path>] reruns a failure (see harness/properties.ts).
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  jest
} from '@jest/globals'
import {
  BatchGetSecretValueCommand,
  CreateSecretCommand,
  DescribeSecretCommand,
  GetRandomPasswordCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
  type SecretValueEntry
} from '@aws-sdk/client-secrets-manager'
import { mockClient } from 'aws-sdk-client-mock'
import fc from 'fast-check'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { run } from '../../../src/main.js'
import { masker } from '../../../src/output/mask.js'
import {
  anyValue,
  fcParams,
  laterStepShows,
  ownLogShows,
  pieces,
  printedForms,
  shownPieces,
  smallValue,
  type Generated
} from '../../harness/properties.js'
import { parseFileCommands } from '../../harness/runner.js'

const NAME = 'prop/secret'
const ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prop/secret-AbCdEf'
const VERSION = '01234567-89ab-cdef-0123-456789abcdef'
/** Outputs of ids, counts and flags (see action.yml): a later step printing them shows no value. */
const PLAIN_OUTPUTS = ['count', 'version-ids', 'arn', 'name', 'version-id', 'changed', 'created']
const PLAIN_OUTPUTS_PUSH = ['field-count', 'generated-fields']
const FILES = ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'] as const

const sm = mockClient(SecretsManagerClient)
const saved = { ...process.env }
let dir: string
let stdout: string[] = []

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emission-prop-'))
})
afterAll(() => {
  sm.restore()
  fs.rmSync(dir, { recursive: true, force: true })
})
beforeEach(() => {
  jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    stdout.push(String(chunk))
    return true
  })
})
afterEach(() => {
  jest.restoreAllMocks()
  process.env = { ...saved }
  process.exitCode = undefined
  masker.reset()
})

function entry(value: string | Uint8Array): SecretValueEntry {
  const data = typeof value === 'string' ? { SecretString: value } : { SecretBinary: value }
  return { ARN, Name: NAME, VersionId: VERSION, VersionStages: ['AWSCURRENT'], ...data }
}

/** Answers as AWS would for a secret holding `value` (or, for push-generated, none yet). */
function serve(value: string | Uint8Array, exists: boolean): void {
  sm.reset()
  const notFound = new ResourceNotFoundException({ message: 'not found', $metadata: {} })
  if (exists) sm.on(GetSecretValueCommand).resolves(entry(value))
  else sm.on(GetSecretValueCommand).rejects(notFound)
  sm.on(BatchGetSecretValueCommand).resolves({ SecretValues: [entry(value)], Errors: [] })
  sm.on(PutSecretValueCommand).resolves({ ARN, Name: NAME, VersionId: VERSION })
  sm.on(CreateSecretCommand).resolves({ ARN, Name: NAME, VersionId: VERSION })
  // put and push-generated describe the secret before they write (a deleted one is refused).
  if (exists) sm.on(DescribeSecretCommand).resolves({ ARN, Name: NAME })
  else sm.on(DescribeSecretCommand).rejects(notFound)
  sm.on(GetRandomPasswordCommand).resolves({
    RandomPassword: typeof value === 'string' ? value : 'binary-unused'
  })
}

interface Step {
  exitCode: number
  log: string
  summary: string
  /** Every value the step exported: env vars, outputs, files. */
  exported: string[]
}

/** One step: a new job's masker, fresh runner files, main's run() as index.ts calls it. */
async function step(inputs: Record<string, string>, value: string | Uint8Array): Promise<Step> {
  masker.reset()
  serve(value, inputs.mode !== 'push-generated')
  const runDir = fs.mkdtempSync(path.join(dir, 'run-'))
  const paths = Object.fromEntries(FILES.map(name => [name, path.join(runDir, name)]))
  for (const name of FILES) {
    process.env[name] = paths[name]
    fs.writeFileSync(paths[name], '')
  }
  const outputDir = path.join(runDir, 'out')
  stdout = []
  process.exitCode = undefined
  const env = { AWS_REGION: 'us-east-1', GITHUB_RUN_ID: '1', GITHUB_RUN_ATTEMPT: '1' }
  // '<out>' stands for this step's own output-dir.
  await run(name => (inputs[name] === '<out>' ? outputDir : (inputs[name] ?? '')), env)
  const exitCode = process.exitCode ?? 0
  process.exitCode = undefined
  const read = (name: (typeof FILES)[number]) => fs.readFileSync(paths[name], 'utf8')
  const files = fs.existsSync(outputDir)
    ? fs.readdirSync(outputDir).map(file => fs.readFileSync(path.join(outputDir, file), 'utf8'))
    : []
  const outputs = Object.entries(parseFileCommands(read('GITHUB_OUTPUT')))
  const exported = [
    ...Object.values(parseFileCommands(read('GITHUB_ENV'))),
    ...outputs
      .filter(([name]) => ![...PLAIN_OUTPUTS, ...PLAIN_OUTPUTS_PUSH].includes(name))
      .map(([, value]) => value),
    ...files
  ]
  process.env = { ...saved }
  return { exitCode, log: stdout.join(''), summary: read('GITHUB_STEP_SUMMARY'), exported }
}

/**
 * Nothing of the value shows in the step's log (pieces of 4+ characters: shorter ones are in any
 * log), in the summary, or where a later step prints what was exported; no stack trace.
 * `delivered: false`: a value refused before it was registered, which a later step never gets.
 */
function expectHidden(result: Step, generated: Generated, delivered = true): void {
  const forms = printedForms(generated)
  expect(shownPieces(ownLogShows(result.log), forms, 4)).toEqual([])
  expect(pieces(forms, 6).filter(piece => result.summary.includes(piece))).toEqual([])
  expect(result.log).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)
  if (!delivered) return
  const later = laterStepShows(result.log, [...forms, ...result.exported])
  expect(shownPieces(later, forms, 1, true)).toEqual([])
}

const bool = fc.constantFrom('true', 'false')

describe('every mode, generated values (in process)', () => {
  it('fetch, plain and parsed, to env, outputs and files', async () => {
    await fc.assert(
      fc.asyncProperty(smallValue, bool, bool, async (generated, parse, outputs) => {
        const inputs = {
          'secret-ids': NAME,
          'parse-json-secrets': parse,
          'export-outputs': outputs
        }
        const result = await step(inputs, generated.value)
        if (parse === 'false') expect(result.exitCode).toBe(0)
        expectHidden(result, generated)
      }),
      fcParams(600)
    )
  })

  it('fetch with output-dir writes the value as it is, masked', async () => {
    await fc.assert(
      fc.asyncProperty(smallValue, async generated => {
        const result = await step({ 'secret-ids': NAME, 'output-dir': '<out>' }, generated.value)
        expect(result.exitCode).toBe(0)
        expectHidden(result, generated)
      }),
      fcParams(150)
    )
  })

  it('lookup-jsonpath, one query and every match', async () => {
    await fc.assert(
      fc.asyncProperty(
        smallValue,
        fc.constantFrom('$', '$..*', '$.password'),
        bool,
        async (generated, query, all) => {
          const inputs = {
            mode: 'lookup-jsonpath',
            'secret-id': NAME,
            query,
            result: all === 'true' ? 'all' : 'first',
            'on-missing': 'default'
          }
          expectHidden(await step(inputs, generated.value), generated)
        }
      ),
      fcParams(500)
    )
  })

  it('put, from secret-string and from secret-file as utf8 or binary', async () => {
    await fc.assert(
      fc.asyncProperty(
        smallValue,
        fc.constantFrom('string', 'utf8', 'binary'),
        async (generated, how) => {
          const file = path.join(dir, `value-${Math.random()}`)
          fs.writeFileSync(file, generated.value)
          const binary = how === 'binary' || typeof generated.value !== 'string'
          const source: Record<string, string> =
            how === 'string' && !binary
              ? { 'secret-string': generated.value as string }
              : { 'secret-file': file, 'file-encoding': binary ? 'binary' : 'utf8' }
          const inputs = { mode: 'put', 'secret-id': NAME, 'skip-unchanged': 'false', ...source }
          const result = await step(inputs, generated.value)
          fs.rmSync(file, { force: true })
          // Refused values (empty, too big, not UTF-8) were never registered, nor delivered.
          expectHidden(result, generated, result.exitCode === 0)
        }
      ),
      fcParams(500)
    )
  })

  it('push-generated, a generated password and a static value', async () => {
    await fc.assert(
      fc.asyncProperty(smallValue, async generated => {
        const fields = JSON.stringify({ pw: { generator: { passwordLength: 32 } } })
        const inputs = { mode: 'push-generated', 'secret-id': NAME, fields }
        const result = await step(inputs, generated.value)
        const password = typeof generated.value === 'string' ? generated.value : 'binary-unused'
        expect(result.exitCode).toBe(0)
        expectHidden(result, { value: password, leaves: [] })
      }),
      fcParams(300)
    )
  })

  it('big, deep and wide values through fetch, parsed, and lookup-jsonpath', async () => {
    await fc.assert(
      fc.asyncProperty(anyValue, bool, async (generated, parse) => {
        const fetched = await step(
          { 'secret-ids': NAME, 'parse-json-secrets': parse, 'export-outputs': 'true' },
          generated.value
        )
        if (parse === 'false') expect(fetched.exitCode).toBe(0)
        expectHidden(fetched, generated)
        const looked = await step(
          { mode: 'lookup-jsonpath', 'secret-id': NAME, query: '$', 'on-missing': 'default' },
          generated.value
        )
        expectHidden(looked, generated)
      }),
      fcParams(30)
    )
  })
})

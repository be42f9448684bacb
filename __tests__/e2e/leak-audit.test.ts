// Leak audit, per mode, through the bundled action with debug logging on and hostile values:
// multi-line PEM keys, '%', '\r', quotes and backslashes, unicode, nested JSON with arrays,
// binary, and values that look like workflow commands. The main and post steps' logs are
// replayed as the runner masks them (a value is hidden only in lines after its ::add-mask::,
// line by line, and masks last for the whole job); no piece of a secret may show there, on
// stderr, in an error, a warning, the job summary or the saved state, and every value emitted
// (env var, output, file) must have been registered as a mask.
// Scenarios of modes not registered yet are skipped (see harness/modes.ts).
import { describe, expect } from '@jest/globals'
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager'
import * as fs from 'node:fs'
import * as path from 'node:path'
import {
  fragmentsIn,
  hasStackTrace,
  piecesIn,
  shownLog,
  unregistered,
  type Secret
} from '../harness/audit.js'
import { useMoto, type MotoHandle } from '../harness/jest-moto.js'
import { seedSecrets, type SeedItem } from '../harness/moto.js'
import { caseName, caseTest, type CaseGate } from '../harness/modes.js'
import { startProxy, type FaultFn } from '../harness/proxy.js'
import { runPostOf, runStep, tempDir, type StepResult } from '../harness/runner.js'

const moto = useMoto()

const PEM = [
  '-----BEGIN PRIVATE KEY-----',
  'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7leakAuditLine1',
  'xY9Zq0+leakAuditLine2/kBase64Body+/0123456789abcdefghijKLMNOPQRSTUVWX',
  'leakAuditLine3==',
  '-----END PRIVATE KEY-----',
  ''
].join('\n')
const JSON_SECRET = JSON.stringify({
  db: { user: 'json-user-x', pass: 'json-p"a\\ss\nsecond-line-x' },
  list: ['array-item-1', { deep: 'deep-value-x' }],
  num: 987654321,
  flag: true,
  nil: null
})
const BINARY = Uint8Array.from([0xff, 0xfe, 0x00, 0x10, 0x80, ...Buffer.from('binary-tail-x')])

/** One secret of each kind of hostile value. */
const HOSTILE: SeedItem[] = [
  { name: 'leak/pem', value: PEM },
  { name: 'leak/percent', value: '100%25-literal %0A-not-a-newline %3A pct-%-value' },
  { name: 'leak/cr', value: 'first-cr-line\rsecond-cr-line\r\nthird-crlf-line' },
  { name: 'leak/quotes', value: `quote"d 'single' back\\slash \\n-literal end` },
  { name: 'leak/unicode', value: 'pässwörd-密码-пароль-🔑-value' },
  { name: 'leak/json', value: JSON_SECRET },
  { name: 'leak/binary', value: BINARY },
  { name: 'leak/bintext', value: Buffer.from('binary-as-text-value\nbin-line-two') },
  { name: 'leak/command', value: '::warning::value-as-command\n::add-mask::decoy-mask-x' }
]

/** Outputs that carry ids, names, counts and flags, never values (see action.yml). */
const PLAIN_OUTPUTS = [
  'count',
  'version-ids',
  'arn',
  'name',
  'version-id',
  'changed',
  'created',
  'field-count',
  'generated-fields',
  'last-sync-time',
  'previous-version-id',
  'rotated',
  'pending-version-id',
  'changed-secrets',
  'previous-version-ids',
  'file',
  'secrets',
  'metadata',
  'deleted-secrets',
  'deletion-dates',
  'replication-status',
  'plan'
]

interface LeakScenario extends CaseGate {
  what: string
  inputs: Record<string, string>
  exit: 0 | 1
  seed?: SeedItem[]
  /** Secret values given as inputs. */
  secrets?: Secret[]
  /** Files put in the workspace first (e.g. for put's secret-file). */
  files?: Record<string, Secret>
  fault?: FaultFn
  /** Env for both steps; `{endpoint}` stands for moto's host:port. */
  env?: Record<string, string>
  /** Secrets the run created that the test cannot know before (generated passwords). */
  written?: (moto: MotoHandle) => Promise<Secret[]>
}

const stage = (id: string, VersionStage: string) => async (m: MotoHandle) => {
  const out = await m.client.send(new GetSecretValueCommand({ SecretId: id, VersionStage }))
  return [out.SecretString ?? '']
}

const scenarios: LeakScenario[] = [
  // --- fetch ---
  {
    mode: 'fetch',
    what: 'every kind of hostile value to env vars, outputs and files',
    seed: HOSTILE,
    inputs: { 'secret-ids': 'leak/*', 'export-outputs': 'true', 'output-dir': 'out' },
    exit: 0
  },
  {
    mode: 'fetch',
    what: 'a JSON secret flattened, under a prefix and with bare keys',
    seed: HOSTILE,
    inputs: {
      'secret-ids': 'leak/json\nKEYS,leak/json',
      'parse-json-secrets': 'true',
      'export-outputs': 'true',
      'output-dir': 'out'
    },
    exit: 0
  },
  {
    mode: 'fetch',
    what: 'values read one by one (a version stage)',
    seed: HOSTILE,
    inputs: { 'secret-ids': 'leak/*', 'version-stage': 'AWSCURRENT' },
    exit: 0
  },
  {
    mode: 'fetch',
    what: 'a fetch that fails after reading hostile values',
    seed: HOSTILE,
    inputs: { 'secret-ids': 'leak/*\nleak-missing/x', 'output-dir': 'out' },
    exit: 1
  },
  {
    mode: 'fetch',
    what: 'a hostile JSON secret whose keys are refused',
    seed: [{ name: 'leak/evil', value: JSON.stringify({ BASH_ENV: PEM, 'A=B': 'eq-value-x' }) }],
    inputs: { 'secret-ids': ',leak/evil', 'parse-json-secrets': 'true' },
    exit: 1
  },
  {
    mode: 'fetch',
    what: 'a mangled answer (the parser would quote the body)',
    seed: HOSTILE,
    inputs: { 'secret-ids': 'leak/*' },
    fault: ({ operation }) =>
      operation === 'BatchGetSecretValue'
        ? {
            kind: 'rewrite-response',
            rewrite: body => body.replace(/"SecretString":\s*"/g, '"SecretString":')
          }
        : undefined,
    exit: 1
  },
  {
    mode: 'fetch',
    what: 'an http-proxy password',
    seed: HOSTILE,
    inputs: { 'secret-ids': 'leak/pem', 'http-proxy': 'http://ci:proxy-pass-leak-x@127.0.0.1:9' },
    secrets: ['proxy-pass-leak-x'],
    exit: 1
  },

  {
    mode: 'fetch',
    what: 'an endpoint URL with a password, from the environment',
    seed: HOSTILE,
    inputs: { 'secret-ids': 'leak/pem', 'endpoint-url': '' },
    env: { AWS_ENDPOINT_URL: 'http://ci:endpoint-pass-leak-x@{endpoint}' },
    secrets: ['endpoint-pass-leak-x'],
    exit: 0
  },

  // --- lookup-jsonpath ---
  {
    mode: 'lookup-jsonpath',
    what: 'named queries over a hostile JSON secret to env and outputs',
    seed: HOSTILE,
    inputs: {
      'secret-id': 'leak/json',
      queries: 'USER=$.db.user\nPASS=$.db.pass\nLIST=$.list\nDEEP=$..deep',
      'export-env': 'true',
      'export-outputs': 'true',
      result: 'all'
    },
    exit: 0
  },
  {
    mode: 'lookup-jsonpath',
    what: 'a query that matches nothing',
    seed: HOSTILE,
    inputs: { 'secret-id': 'leak/json', query: '$.db.nothing', 'on-missing': 'fail' },
    exit: 1
  },

  // --- put ---
  {
    mode: 'put',
    what: 'a PEM key as secret-string',
    seed: [{ name: 'leak/target', value: 'old-target-value-x' }],
    inputs: { 'secret-id': 'leak/target', 'secret-string': PEM },
    secrets: [PEM],
    exit: 0
  },
  {
    mode: 'put',
    what: 'hostile JSON as secret-json, skipped when unchanged on the second run',
    seed: [{ name: 'leak/target', value: JSON_SECRET }],
    inputs: { 'secret-id': 'leak/target', 'secret-json': JSON_SECRET, 'skip-unchanged': 'true' },
    secrets: [JSON_SECRET],
    exit: 0
  },
  {
    mode: 'put',
    what: 'a binary secret-file',
    seed: [{ name: 'leak/target', value: 'old-target-value-x' }],
    files: { 'key.bin': BINARY },
    inputs: { 'secret-id': 'leak/target', 'secret-file': 'key.bin' },
    secrets: [BINARY],
    exit: 0
  },
  {
    mode: 'put',
    what: 'a write that fails (the secret is missing)',
    inputs: { 'secret-id': 'leak/none', 'secret-string': PEM },
    secrets: [PEM],
    exit: 1
  },

  // --- push-generated ---
  {
    mode: 'push-generated',
    what: 'hostile static values and a generated password',
    inputs: {
      'secret-id': 'leak/generated',
      fields: JSON.stringify({
        pem: { value: PEM },
        quotes: { value: `quote"d 'single' back\\slash` },
        password: { generator: { passwordLength: 40 } }
      })
    },
    secrets: [PEM, `quote"d 'single' back\\slash`],
    written: stage('leak/generated', 'AWSCURRENT'),
    exit: 0
  },

  // --- rotate ---
  {
    mode: 'rotate',
    what: 'in-workflow create: the pending value as an output',
    seed: [{ name: 'leak/rotated', value: 'old-rotated-value-x' }],
    inputs: {
      'secret-id': 'leak/rotated',
      'rotation-strategy': 'in-workflow',
      phase: 'create',
      generator: 'passwordLength: 48',
      'cancel-unfinished': 'false'
    },
    written: stage('leak/rotated', 'AWSPENDING'),
    exit: 0
  },
  {
    mode: 'rotate',
    what: 'in-workflow, all phases, of a hostile JSON secret',
    seed: [{ name: 'leak/rotated', value: JSON_SECRET }],
    inputs: {
      'secret-id': 'leak/rotated',
      'rotation-strategy': 'in-workflow',
      phase: 'all',
      fields: 'db:\n  value: rotated-db-value-x\npassword:\n  generator:\n    passwordLength: 32'
    },
    written: stage('leak/rotated', 'AWSCURRENT'),
    exit: 0
  },

  // --- render ---
  {
    mode: 'render',
    what: 'a template of every hostile value through every filter',
    seed: HOSTILE,
    inputs: {
      'output-file': 'out/app.conf',
      template: [
        'pem: {{ secret "leak/pem" | yaml }}',
        'pct={{ secret "leak/percent" | url }}',
        'cr={{ secret "leak/cr" | json }}',
        'quotes={{ secret "leak/quotes" | shell }}',
        'uni={{ secret "leak/unicode" | base64 }}',
        'pass={{ secret "leak/json" "$.db.pass" | yaml }}',
        'list={{ secret "leak/json" "list" }}',
        'bin={{ secret "leak/binary" }}',
        'cmd={{ secret "leak/command" | json | shell }}'
      ].join('\n')
    },
    exit: 0
  },
  {
    mode: 'render',
    what: 'every hostile value a .env holds, JSON flattened',
    // leak/quotes holds ', " and a literal \n: no quoting keeps it exact and inert in a shell.
    seed: HOSTILE.filter(item => item.name !== 'leak/quotes'),
    inputs: {
      'output-file': '.env',
      format: 'dotenv',
      'secret-ids': 'leak/*',
      'parse-json-secrets': 'true'
    },
    exit: 0
  },
  {
    mode: 'render',
    what: 'a .env refused for one hostile value, after reading them all',
    seed: HOSTILE,
    inputs: {
      'output-file': '.env',
      format: 'dotenv',
      'secret-ids': 'leak/*',
      'parse-json-secrets': 'true'
    },
    exit: 1
  },
  {
    mode: 'render',
    what: 'a render that fails after reading hostile values',
    seed: HOSTILE,
    inputs: {
      'output-file': 'out/app.conf',
      template:
        '{{ secret "leak/pem" }}{{ secret "leak/json" "$.db.none" }}{{ secret "leak/none" }}'
    },
    exit: 1
  },
  {
    mode: 'render',
    what: 'hostile multi-line values refused by docker-env',
    seed: HOSTILE,
    inputs: { 'output-file': 'app.env', format: 'docker-env', 'secret-ids': 'leak/*' },
    exit: 1
  },

  // --- check-changed ---
  {
    mode: 'check-changed',
    what: 'hostile secrets compared by version id',
    seed: HOSTILE,
    inputs: { 'secret-ids': 'leak/*', cache: 'none' },
    exit: 0
  },
  {
    mode: 'check-changed',
    what: 'metadata of hostile secrets, output and metadata.json',
    seed: HOSTILE,
    inputs: { 'secret-ids': 'leak/*', cache: 'none', 'output-dir': 'meta' },
    exit: 0
  },

  // --- dry runs and delete: values are never read into a plan ---
  {
    mode: 'put',
    what: 'a dry run of hostile JSON over a hostile secret',
    seed: [{ name: 'leak/target', value: JSON_SECRET }],
    inputs: { 'secret-id': 'leak/target', 'secret-string': PEM, 'dry-run': 'true' },
    secrets: [PEM],
    exit: 0
  },
  {
    mode: 'push-generated',
    what: 'a dry run of MergeMissing over a hostile secret',
    seed: [{ name: 'leak/generated', value: JSON_SECRET }],
    inputs: {
      'secret-id': 'leak/generated',
      fields: 'added:\n  value: added-static-value-x',
      'update-policy': 'MergeMissing',
      'dry-run': 'true'
    },
    secrets: ['added-static-value-x'],
    exit: 0
  },
  {
    mode: 'delete',
    what: 'hostile secrets deleted by prefix',
    seed: HOSTILE,
    inputs: { 'secret-ids': 'leak/*', 'max-deletions': '100' },
    exit: 0
  }
]

describe('leak audit: nothing shows, everything emitted is masked', () => {
  for (const s of scenarios) {
    caseTest(s)(caseName(s, s.what), async () => {
      if (s.seed) await seedSecrets(moto.client, s.seed)
      const { main, post, files } = await runJob(s)
      const written = (await s.written?.(moto)) ?? []
      const emitted = [...Object.values(main.env), ...secretOutputs(main), ...files]
      const secrets: Secret[] = [
        ...(s.seed ?? []).map(item => item.value),
        ...(s.secrets ?? []),
        ...written,
        ...emitted
      ]

      expect({ exit: main.exitCode, errors: main.errors.length }).toEqual({
        exit: s.exit,
        errors: s.exit
      })
      expect(post.exitCode).toBe(0)
      expect(hasStackTrace(main.log + post.log)).toBe(false)
      expect(piecesIn(shownLog(main.stdout, post.stdout), secrets)).toEqual([])
      expect(piecesIn(main.stderr + post.stderr, secrets)).toEqual([])
      const messages = [...main.errors, ...main.warnings, ...post.errors, ...post.warnings]
      expect(fragmentsIn(messages.join('\n'), secrets)).toEqual([])
      expect(fragmentsIn(main.summary + post.summary, secrets)).toEqual([])
      // The entry's phase flag is a constant, never made from a value (a JSON leaf may be true).
      const { isPost, ...mainState } = main.state
      expect(isPost).toBe('true')
      expect(piecesIn(JSON.stringify([mainState, post.state]), secrets)).toEqual([])
      expect(unregistered(emitted, main.masks)).toEqual([])
    })
  }
})

const DEBUG_ENV = { RUNNER_DEBUG: '1', ACTIONS_STEP_DEBUG: 'true' }

/** Main then post, as a job runs them; the files main wrote are read before post removes them. */
async function runJob(s: LeakScenario) {
  const proxy = s.fault ? await startProxy({ target: moto.endpoint, fault: s.fault }) : undefined
  try {
    const workspace = tempDir('sma-ws-')
    for (const [name, value] of Object.entries(s.files ?? {})) {
      fs.writeFileSync(path.join(workspace, name), value)
    }
    const inputs = { mode: s.mode, 'endpoint-url': proxy?.endpoint ?? moto.endpoint, ...s.inputs }
    const host = new URL(moto.endpoint).host
    const env: Record<string, string> = { ...DEBUG_ENV, ...s.env }
    for (const name of Object.keys(env)) env[name] = env[name].replace('{endpoint}', host)
    const main = await runStep({ inputs, env, workspace, timeoutMs: 30_000 })
    const dir = s.inputs['output-dir'] && path.join(workspace, s.inputs['output-dir'])
    const files = filesIn(dir)
    // metadata.json must hold no value of any seeded secret.
    const metadata = dir && path.join(dir, 'metadata.json')
    if (metadata && fs.existsSync(metadata)) {
      const text = fs.readFileSync(metadata, 'utf8')
      expect(
        piecesIn(
          text,
          (s.seed ?? []).map(item => item.value)
        )
      ).toEqual([])
    }
    const post = await runPostOf(main, { inputs, env })
    return { main, post, files }
  } finally {
    await proxy?.stop()
  }
}

/**
 * Each secret file's content as the log could show it: its text, or base64 when it is not UTF-8.
 * check-changed's metadata.json holds names and settings, no value: it is checked apart.
 */
function filesIn(dir: string | undefined): string[] {
  if (!dir || !fs.existsSync(dir)) return []
  const names = fs.readdirSync(dir).filter(name => name !== 'metadata.json')
  return names.map(name => {
    const bytes = fs.readFileSync(path.join(dir, name))
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      return bytes.toString('base64')
    }
  })
}

function secretOutputs(step: StepResult): string[] {
  return Object.entries(step.outputs)
    .filter(([name]) => !PLAIN_OUTPUTS.includes(name))
    .map(([, value]) => value)
}

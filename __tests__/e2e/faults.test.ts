// Fault injection, per mode, through the bundled action: a proxy of our own in front of moto
// answers ThrottlingException (400), InternalServiceError (500), resets connections, cuts the
// answer after the server acted, or answers later than the client's request timeout.
// Every case completes through the SDK's retries or fails with one clear error, within the step
// timeout; a write happens exactly once; a rotation leaves a readable AWSCURRENT and no
// AWSPENDING; a failed fetch exports nothing. Cases of modes not registered yet are skipped.
import { afterAll, beforeAll, beforeEach, describe, expect } from '@jest/globals'
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  fragmentsIn,
  hasStackTrace,
  piecesIn,
  shownLog,
  snapshotSecrets,
  versionsOf,
  type SecretsSnapshot
} from '../harness/audit.js'
import { useMoto, type MotoHandle } from '../harness/jest-moto.js'
import { seedSecrets, type SeedItem } from '../harness/moto.js'
import { caseName, caseTest, type CaseGate } from '../harness/modes.js'
import { startProxy, type Fault, type FaultFn, type TestProxy } from '../harness/proxy.js'
import { runStep, type StepResult } from '../harness/runner.js'

const moto = useMoto()
let proxy: TestProxy
/** What the runner sets with `permissions: id-token: write`, served by a local stand-in. */
const oidc: { server?: http.Server; env: Record<string, string> } = { env: {} }

beforeAll(async () => {
  proxy = await startProxy({ target: moto.endpoint })
  oidc.server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ value: 'header.payload.signature' }))
  })
  await new Promise<void>(resolve => oidc.server?.listen(0, '127.0.0.1', resolve))
  const { port } = oidc.server.address() as AddressInfo
  oidc.env = {
    ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:${port}/token?x=1`,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token'
  }
})
afterAll(async () => {
  await proxy?.stop()
  await new Promise(resolve => oidc.server?.close(resolve))
})
beforeEach(() => {
  proxy.setFault(undefined)
  proxy.resetCounts()
})

interface Context {
  step: StepResult
  proxy: TestProxy
  moto: MotoHandle
  /** moto before the step */
  before: SecretsSnapshot
}

interface FaultCase extends CaseGate {
  what: string
  inputs: Record<string, string>
  seed: SeedItem[]
  fault: FaultFn
  /** Env for the step, e.g. a short SMA_REQUEST_TIMEOUT_MS. */
  env?: Record<string, string>
  outcome: 'completes' | 'fails'
  /** For 'fails': the one error must match. */
  error?: RegExp
  /** What the mode must have done (or not done): results, versions, stages. */
  check?: (context: Context) => Promise<void> | void
}

/** Short enough that a delayed answer is a timeout, long enough for moto on a busy machine. */
const TIMEOUT_ENV = { SMA_REQUEST_TIMEOUT_MS: '1000' }
const LATE: Fault = { kind: 'delay', ms: 4000 }

/** The fault on the first call of an operation (all operations when none is given). */
const first =
  (fault: Fault, operation?: string): FaultFn =>
  req =>
    req.n === 1 && (operation === undefined || req.operation === operation) ? fault : undefined
/** The fault on every call of an operation (all operations when none is given). */
const always =
  (fault: Fault, operation?: string | RegExp): FaultFn =>
  req =>
    operation === undefined || new RegExp(operation).test(req.operation) ? fault : undefined

// --- fetch ---------------------------------------------------------------------------------

const FETCH_SEED: SeedItem[] = [
  { name: 'flt/db', value: '{"user":"fault-user-1","password":"fault-pw-1"}' },
  { name: 'flt/token', value: 'fault-token-value-2' },
  { name: 'flt/pem', value: '-----BEGIN KEY-----\nFAULTKEYLINE1\nFAULTKEYLINE2\n-----END KEY-----' }
]
const FETCH_INPUTS = { 'secret-ids': 'flt/*', 'parse-json-secrets': 'true', 'max-attempts': '3' }
const FETCH_ENV = {
  FLT_DB_USER: 'fault-user-1',
  FLT_DB_PASSWORD: 'fault-pw-1',
  FLT_TOKEN: 'fault-token-value-2',
  FLT_PEM: FETCH_SEED[2].value
}
const fetched = ({ step }: Context) => expect(step.env).toEqual(FETCH_ENV)
const exportedNothing = ({ step }: Context) => {
  expect(step.env).toEqual({})
  expect(step.outputs).toEqual({})
}

const fetchCase = (
  what: string,
  fault: FaultFn,
  outcome: FaultCase['outcome'],
  more: Partial<FaultCase> = {}
): FaultCase => ({
  mode: 'fetch',
  what,
  fault,
  outcome,
  seed: FETCH_SEED,
  inputs: FETCH_INPUTS,
  check: outcome === 'completes' ? fetched : exportedNothing,
  ...more
})

/** Each secret by name, with GetSecretValue (a chosen stage). */
const BY_NAME = { 'secret-ids': 'flt/db\nflt/token\nflt/pem', 'version-stage': 'AWSCURRENT' }
/** The answer to GetSecretValue of one secret, rewritten. */
const readOf =
  (id: string, rewrite: (body: string) => string): FaultFn =>
  req =>
    req.operation === 'GetSecretValue' && req.body.includes(`"${id}"`)
      ? { kind: 'rewrite-response', rewrite }
      : undefined

const HUNDRED_AND_THIRTY: SeedItem[] = Array.from({ length: 130 }, (_, i) => ({
  name: `many/s${i}`,
  value: `many-value-${i}`
}))

const fetchCases: FaultCase[] = [
  fetchCase(
    'a throttled batch read is retried',
    first({ kind: 'throttle' }, 'BatchGetSecretValue'),
    'completes',
    {
      check: context => {
        fetched(context)
        expect(context.proxy.calls().BatchGetSecretValue).toBe(2)
      }
    }
  ),
  fetchCase(
    'every second call throttled',
    req => (req.total % 2 === 0 ? { kind: 'throttle' } : undefined),
    'completes'
  ),
  fetchCase(
    'an internal error while listing',
    first({ kind: 'internal' }, 'ListSecrets'),
    'completes'
  ),
  fetchCase(
    'a reset connection on the first call of each operation',
    first({ kind: 'reset' }),
    'completes'
  ),
  fetchCase(
    'the answer to a read is lost',
    first({ kind: 'drop-response' }, 'BatchGetSecretValue'),
    'completes'
  ),
  fetchCase(
    'a read answered after the request timeout is retried',
    first(LATE, 'BatchGetSecretValue'),
    'completes',
    {
      env: TIMEOUT_ENV,
      check: context => {
        fetched(context)
        expect(context.proxy.calls().BatchGetSecretValue).toBe(2)
      }
    }
  ),
  fetchCase(
    "a read's answer that stalls after its headers is retried",
    first({ kind: 'stall-body' }, 'BatchGetSecretValue'),
    'completes',
    {
      env: TIMEOUT_ENV,
      check: context => {
        fetched(context)
        expect(context.proxy.calls().BatchGetSecretValue).toBe(2)
      }
    }
  ),
  fetchCase('every answer stalls after its headers', always({ kind: 'stall-body' }), 'fails', {
    env: TIMEOUT_ENV,
    inputs: { ...FETCH_INPUTS, 'max-attempts': '2' },
    error:
      /^Nothing was exported: 1 secret\(s\) could not be read: No answer from Secrets Manager within the request timeout \(ListSecrets for 'flt\/\*'\) after 2 attempts/
  }),
  fetchCase('every answer later than the request timeout', always(LATE), 'fails', {
    env: TIMEOUT_ENV,
    inputs: { ...FETCH_INPUTS, 'max-attempts': '2' },
    error:
      /^Nothing was exported: 1 secret\(s\) could not be read: No answer from Secrets Manager within the request timeout \(ListSecrets for 'flt\/\*'\) after 2 attempts/
  }),
  fetchCase('throttled on every call', always({ kind: 'throttle' }), 'fails', {
    error: /Throttled by Secrets Manager.*'flt\/\*'.*max-attempts/
  }),
  fetchCase(
    'internal errors on every read',
    always({ kind: 'internal' }, 'BatchGetSecretValue'),
    'fails',
    {
      error:
        /BatchGetSecretValue for 'arn:[^']*flt\/db[^']*' failed: InternalServiceError, HTTP 500/
    }
  ),
  fetchCase('a reset connection on every call', always({ kind: 'reset' }), 'fails', {
    error: /Could not reach Secrets Manager.*ECONNRESET/
  }),
  fetchCase(
    'one of three secrets cannot be read: nothing is exported',
    req => (req.body.includes('flt/token') ? { kind: 'internal' } : undefined),
    'fails',
    {
      inputs: {
        'secret-ids': 'flt/db\nflt/token\nflt/pem',
        'version-stage': 'AWSCURRENT',
        'max-attempts': '2'
      },
      error:
        /^Nothing was exported: 1 secret\(s\) could not be read: GetSecretValue for 'flt\/token' failed/
    }
  ),
  fetchCase(
    'the second page of a listing fails: nothing is exported',
    req =>
      req.operation === 'ListSecrets' && req.body.includes('NextToken')
        ? { kind: 'internal' }
        : undefined,
    'fails',
    {
      seed: HUNDRED_AND_THIRTY,
      inputs: { 'secret-ids': 'many/*', 'max-attempts': '2' },
      error: /ListSecrets for 'many\/\*' failed: InternalServiceError/
    }
  ),
  fetchCase(
    'a mangled answer: a clear error that quotes none of it',
    always({
      kind: 'rewrite-response',
      rewrite: body => body.replace(/"SecretString":\s*"/g, '"SecretString":')
    }),
    'fails',
    {
      error:
        /BatchGetSecretValue .*failed: the endpoint answered HTTP 200 with something that is not a Secrets Manager response/
    }
  ),
  ...[
    ['{}', /GetSecretValue of 'flt\/token' answered without a value, name or ARN/],
    ['', /GetSecretValue of 'flt\/token' answered without a value, name or ARN/],
    ['{"Name":"flt/token"}', /GetSecretValue of 'flt\/token' answered without a value, name or ARN/]
  ].map(([answer, error]) =>
    fetchCase(
      `a hollow answer (HTTP 200, '${String(answer)}'): nothing is exported`,
      readOf('flt/token', () => String(answer)),
      'fails',
      { inputs: BY_NAME, error: error as RegExp }
    )
  ),
  fetchCase(
    'an answer that names another secret: nothing is exported',
    readOf('flt/token', body => body.replaceAll('flt/token', 'flt/other')),
    'fails',
    { inputs: BY_NAME, error: /'flt\/token': AWS's answer did not hold it under its name and ARN/ }
  ),
  fetchCase(
    'a listed secret answered under another name: nothing is exported',
    always(
      {
        kind: 'rewrite-response',
        rewrite: body => body.replace(/"Name":\s*"flt\/token"/, '"Name": "flt/zzz"')
      },
      'BatchGetSecretValue'
    ),
    'fails',
    { error: /'flt\/token': AWS's answer did not hold it under its name and ARN/ }
  ),
  fetchCase(
    'a value that is a number: refused, and never shown',
    readOf('flt/token', body =>
      body.replace(/"SecretString":\s*"[^"]*"/, '"SecretString": 987654321')
    ),
    'fails',
    {
      inputs: BY_NAME,
      error: /GetSecretValue of 'flt\/token' answered without a value, name or ARN/,
      check: ({ step }) => {
        expect(shownLog(step.stdout) + step.errors.join('\n')).not.toContain('987654321')
      }
    }
  ),
  fetchCase(
    'a batch answer whose Errors is no list',
    always(
      { kind: 'rewrite-response', rewrite: () => '{"SecretValues":[],"Errors":"x"}' },
      'BatchGetSecretValue'
    ),
    'fails',
    {
      error:
        /BatchGetSecretValue failed: the endpoint answered with something that is not a Secrets Manager response \(its Errors is no list/
    }
  ),
  fetchCase(
    'a batch answer without the values is read again secret by secret',
    always(
      { kind: 'rewrite-response', rewrite: () => '{"SecretValues":[],"Errors":[]}' },
      'BatchGetSecretValue'
    ),
    'completes'
  )
]

// --- write modes ---------------------------------------------------------------------------

const current = async (id: string): Promise<string | undefined> =>
  (await moto.client.send(new GetSecretValueCommand({ SecretId: id, VersionStage: 'AWSCURRENT' })))
    .SecretString

/** Versions written by the step: exactly `n` more than before. */
async function expectNewVersions(id: string, before: SecretsSnapshot, n: number): Promise<void> {
  const after = await versionsOf(moto.client, id)
  expect(Object.keys(after).length - Object.keys(before[id] ?? {}).length).toBe(n)
}

/** A readable AWSCURRENT and no AWSPENDING left behind. */
async function expectRotationSafe(id: string): Promise<void> {
  expect(await current(id)).toEqual(expect.any(String))
  const stages = Object.values(await versionsOf(moto.client, id)).flat()
  expect(stages).toContain('AWSCURRENT')
  expect(stages).not.toContain('AWSPENDING')
}

const PUT_SEED: SeedItem[] = [{ name: 'w/app', value: 'old-put-value-1' }]
const PUT_INPUTS = { 'secret-id': 'w/app', 'secret-string': 'new-put-value-2', 'max-attempts': '3' }
const putOnce = async ({ before }: Context) => {
  await expectNewVersions('w/app', before, 1)
  expect(await current('w/app')).toBe('new-put-value-2')
}
const putNothing = async ({ before }: Context) => {
  await expectNewVersions('w/app', before, 0)
  expect(await current('w/app')).toBe('old-put-value-1')
}

const GEN_FIELDS = 'username:\n  value: gen-user\npassword:\n  generator:\n    passwordLength: 24'
const ROTATE_SEED: SeedItem[] = [{ name: 'r/token', value: 'old-rotated-value-1' }]
const ROTATE_INPUTS = {
  'secret-id': 'r/token',
  'rotation-strategy': 'in-workflow',
  phase: 'all',
  generator: 'passwordLength: 32',
  'max-attempts': '3'
}
const rotated = async ({ before }: Context) => {
  await expectRotationSafe('r/token')
  expect(await current('r/token')).not.toBe('old-rotated-value-1')
  await expectNewVersions('r/token', before, 1)
}
const notRotated = async () => {
  await expectRotationSafe('r/token')
  expect(await current('r/token')).toBe('old-rotated-value-1')
}

const writeCases: FaultCase[] = [
  // put
  {
    mode: 'put',
    what: 'the answer to the write is lost: written once',
    seed: PUT_SEED,
    inputs: PUT_INPUTS,
    fault: first({ kind: 'drop-response' }, 'PutSecretValue'),
    outcome: 'completes',
    check: putOnce
  },
  {
    mode: 'put',
    what: 'a throttled write: written once',
    seed: PUT_SEED,
    inputs: PUT_INPUTS,
    fault: first({ kind: 'throttle' }, 'PutSecretValue'),
    outcome: 'completes',
    check: putOnce
  },
  {
    mode: 'put',
    what: 'a write answered after the timeout: written once',
    seed: PUT_SEED,
    inputs: PUT_INPUTS,
    env: TIMEOUT_ENV,
    fault: first(LATE, 'PutSecretValue'),
    outcome: 'completes',
    check: putOnce
  },
  {
    mode: 'put',
    what: 'a reset connection on the first call of each operation: written once',
    seed: PUT_SEED,
    inputs: PUT_INPUTS,
    fault: first({ kind: 'reset' }),
    outcome: 'completes',
    check: putOnce
  },
  {
    mode: 'put',
    what: 'internal errors on every write: nothing written',
    seed: PUT_SEED,
    inputs: PUT_INPUTS,
    fault: always({ kind: 'internal' }, 'PutSecretValue'),
    outcome: 'fails',
    error: /'w\/app'/,
    check: putNothing
  },
  {
    mode: 'put',
    what: 'the answer to a create is lost: created once',
    seed: [],
    inputs: { ...PUT_INPUTS, 'create-if-missing': 'true' },
    fault: first({ kind: 'drop-response' }, 'CreateSecret'),
    outcome: 'completes',
    check: putOnce
  },
  // push-generated
  {
    mode: 'push-generated',
    what: 'the answer to the create is lost: created once',
    seed: [],
    inputs: { 'secret-id': 'w/gen', fields: GEN_FIELDS, 'max-attempts': '3' },
    fault: first({ kind: 'drop-response' }, 'CreateSecret'),
    outcome: 'completes',
    check: ({ before }) => expectNewVersions('w/gen', before, 1)
  },
  {
    mode: 'push-generated',
    what: 'a throttled password generation and a lost write answer: written once',
    seed: [{ name: 'w/gen', value: '{"username":"gen-user"}' }],
    inputs: {
      'secret-id': 'w/gen',
      fields: GEN_FIELDS,
      'update-policy': 'MergeMissing',
      'max-attempts': '3'
    },
    fault: req =>
      (req.operation === 'GetRandomPassword' || req.operation === 'PutSecretValue') && req.n === 1
        ? { kind: req.operation === 'GetRandomPassword' ? 'throttle' : 'drop-response' }
        : undefined,
    outcome: 'completes',
    check: ({ before }) => expectNewVersions('w/gen', before, 1)
  },
  // rotate (in-workflow: the workflow is the rotation function)
  {
    mode: 'rotate',
    what: 'the answer to the pending write is lost',
    seed: ROTATE_SEED,
    inputs: ROTATE_INPUTS,
    fault: first({ kind: 'drop-response' }, 'PutSecretValue'),
    outcome: 'completes',
    check: rotated
  },
  {
    mode: 'rotate',
    what: 'the answer to the stage move is lost',
    seed: ROTATE_SEED,
    inputs: ROTATE_INPUTS,
    fault: first({ kind: 'drop-response' }, 'UpdateSecretVersionStage'),
    outcome: 'completes',
    check: rotated
  },
  {
    mode: 'rotate',
    what: 'the stage move answered after the timeout',
    seed: ROTATE_SEED,
    inputs: ROTATE_INPUTS,
    env: TIMEOUT_ENV,
    fault: first(LATE, 'UpdateSecretVersionStage'),
    outcome: 'completes',
    check: rotated
  },
  {
    mode: 'rotate',
    what: 'AWSCURRENT cannot be moved: the pending version is removed',
    seed: ROTATE_SEED,
    inputs: ROTATE_INPUTS,
    // Only the move fails: removing AWSPENDING (RemoveFromVersionId alone) still goes through.
    fault: req =>
      req.operation === 'UpdateSecretVersionStage' && req.body.includes('MoveToVersionId')
        ? { kind: 'internal' }
        : undefined,
    outcome: 'fails',
    error: /'r\/token'/,
    check: notRotated
  },
  {
    mode: 'rotate',
    what: 'AWSPENDING cannot be removed once AWSCURRENT moved: rotated, with a warning',
    seed: ROTATE_SEED,
    inputs: ROTATE_INPUTS,
    fault: req =>
      req.operation === 'UpdateSecretVersionStage' &&
      req.body.includes('"VersionStage":"AWSPENDING"')
        ? { kind: 'internal' }
        : undefined,
    outcome: 'completes',
    check: async ({ step, before }) => {
      expect(step.outputs.rotated).toBe('true')
      expect(step.warnings).toEqual([expect.stringMatching(/AWSPENDING could not be removed/)])
      expect(await current('r/token')).not.toBe('old-rotated-value-1')
      await expectNewVersions('r/token', before, 1)
    }
  },
  {
    mode: 'rotate',
    what: 'every pending write fails',
    seed: ROTATE_SEED,
    inputs: ROTATE_INPUTS,
    fault: always({ kind: 'reset' }, 'PutSecretValue'),
    outcome: 'fails',
    error: /'r\/token'|Could not reach/,
    check: notRotated
  },

  // --- read modes --------------------------------------------------------------------------
  {
    mode: 'lookup-jsonpath',
    what: 'a throttled read is retried',
    seed: FETCH_SEED,
    inputs: { 'secret-id': 'flt/db', query: '$.user', 'max-attempts': '3' },
    fault: first({ kind: 'throttle' }),
    outcome: 'completes',
    check: ({ step }) => expect(step.outputs.value).toBe('fault-user-1')
  },
  {
    mode: 'lookup-jsonpath',
    what: 'every read fails: no value',
    seed: FETCH_SEED,
    inputs: { 'secret-id': 'flt/db', query: '$.user', 'max-attempts': '2' },
    fault: always({ kind: 'internal' }),
    outcome: 'fails',
    error: /'flt\/db'/
  },
  {
    mode: 'check-changed',
    what: 'every second call throttled',
    seed: FETCH_SEED,
    inputs: { 'secret-ids': 'flt/*', cache: 'none', 'first-run': 'changed', 'max-attempts': '3' },
    fault: req => (req.total % 2 === 0 ? { kind: 'throttle' } : undefined),
    outcome: 'completes',
    check: ({ step }) => expect(step.outputs.changed).toBe('true')
  },
  {
    mode: 'check-changed',
    what: 'answers later than the timeout',
    seed: FETCH_SEED,
    inputs: { 'secret-ids': 'flt/*', cache: 'none', 'max-attempts': '2' },
    env: TIMEOUT_ENV,
    fault: always(LATE),
    outcome: 'fails',
    error: /request timeout/
  }
]

// --- role assumption: STS behind the same endpoint, a local stand-in for the OIDC provider ---

const ROLE_INPUTS = {
  ...FETCH_INPUTS,
  'role-to-assume': 'arn:aws:iam::123456789012:role/ci-secrets-reader'
}
const roleCase = (
  what: string,
  fault: FaultFn,
  outcome: FaultCase['outcome'],
  more: Partial<FaultCase> = {}
): FaultCase => fetchCase(what, fault, outcome, { inputs: ROLE_INPUTS, ...more })

const roleCases: FaultCase[] = [
  roleCase(
    'a throttled role assumption is retried',
    first({ kind: 'throttle' }, 'AssumeRoleWithWebIdentity'),
    'completes'
  ),
  roleCase(
    'a lost answer to the role assumption',
    first({ kind: 'drop-response' }, 'AssumeRoleWithWebIdentity'),
    'completes'
  ),
  roleCase(
    'the role assumption fails every time',
    always({ kind: 'internal' }, 'AssumeRoleWithWebIdentity'),
    'fails',
    {
      error: /role-to-assume|ci-secrets-reader/
    }
  )
]

const cases = [...fetchCases, ...writeCases, ...roleCases]

describe('faults: completes through retries or fails clearly, and never half-done', () => {
  for (const c of cases) {
    caseTest(c)(caseName(c, c.what), async () => {
      await seedSecrets(moto.client, c.seed)
      const before = await snapshotSecrets(moto.client)
      proxy.resetCounts()
      proxy.setFault(c.fault)
      const step = await runStep({
        inputs: { mode: c.mode, 'endpoint-url': proxy.endpoint, ...c.inputs },
        env: { ...oidc.env, ...c.env },
        // The bound: a case that neither completes nor fails by then fails the test.
        timeoutMs: 45_000
      })
      proxy.setFault(undefined)

      if (c.outcome === 'completes') {
        expect({ exit: step.exitCode, errors: step.errors }).toEqual({ exit: 0, errors: [] })
      } else {
        expect({ exit: step.exitCode, errors: step.errors }).toEqual({
          exit: 1,
          errors: [expect.stringMatching(c.error ?? /./)]
        })
        expect(hasStackTrace(step.log)).toBe(false)
        expect(step.env).toEqual({})
      }
      const values = c.seed.map(item => item.value)
      expect(piecesIn(shownLog(step.stdout), values)).toEqual([])
      expect(fragmentsIn(step.errors.join('\n') + step.summary, values)).toEqual([])
      await c.check?.({ step, proxy, moto, before })
    })
  }
})

// Bad input, table-driven, through the bundled action: every row must exit 1 with exactly one
// ::error:: that names the input or the secret, show no stack trace and no secret, and write
// nothing (no env var, no output, no file, no change in moto).
// A row carries the mode it exercises; rows of modes not registered yet are skipped (see
// harness/modes.ts), so enabling a mode after a merge enables its rows.
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { Mode } from '../../src/inputs/common.js'
import {
  fragmentsIn,
  hasStackTrace,
  piecesIn,
  shownLog,
  snapshotSecrets,
  type Secret
} from '../harness/audit.js'
import { createIamUser, enforceIam } from '../harness/iam.js'
import { useMoto, type MotoHandle } from '../harness/jest-moto.js'
import { seedSecrets, type SeedItem } from '../harness/moto.js'
import { caseName, caseTest, type CaseGate } from '../harness/modes.js'
import { startProxy, type FaultFn } from '../harness/proxy.js'
import { PROJECT_DIR, runStep, tempDir } from '../harness/runner.js'

const moto = useMoto()

interface BadInput extends CaseGate {
  /** What is wrong: the test name. */
  what: string
  /** Merged over the mode's valid inputs (VALID); '' clears one. */
  inputs: Record<string, string>
  /** The one error must match: it names the input (Input 'x') or the secret. */
  error: RegExp
  env?: Record<string, string | null>
  /** Secret values given as inputs: they must never show either. */
  secrets?: string[]
  /** endpoint-url is a proxy in front of moto that injects this fault. */
  fault?: FaultFn
  /** No endpoint-url: the SDK's own endpoint for the region (no request reaches moto). */
  realEndpoint?: boolean
  /** Before the step; may return env for it (credentials of a moto IAM user). */
  setup?: (moto: MotoHandle) => Promise<Record<string, string> | void>
  /** After the step, also when it failed. */
  teardown?: (moto: MotoHandle) => Promise<void>
  /** A file put in the workspace first. */
  workspaceFile?: string
}

/** Present in moto before every row; their values must never show. */
const SEEDED: SeedItem[] = [
  { name: 'app/db', value: '{"user":"admin-user-x","password":"seeded-db-pw-1"}' },
  { name: 'app/token', value: 'seeded-token-value-2' }
]
const SEEDED_VALUES: Secret[] = SEEDED.map(item => item.value)

/** Inputs with which each mode succeeds: a row changes one thing. */
const VALID: Record<Mode, Record<string, string>> = {
  fetch: { 'secret-ids': 'app/db' },
  'lookup-jsonpath': { 'secret-id': 'app/db', query: '$.user' },
  put: { 'secret-id': 'app/token', 'secret-string': 'new-token-value-3' },
  'push-generated': {
    'secret-id': 'app/generated',
    fields: 'password:\n  generator:\n    passwordLength: 24'
  },
  rotate: {
    'secret-id': 'app/token',
    'rotation-strategy': 'in-workflow',
    generator: 'passwordLength: 24'
  },
  'check-changed': { 'secret-ids': 'app/db', cache: 'none' },
  render: { 'output-file': 'out/app.conf', template: 'user={{ secret "app/db" "$.user" }}\n' },
  delete: { 'secret-id': 'app/token' }
}

const input = (name: string) => new RegExp(`Input '${name}'`)
const ALL_MODES = Object.keys(VALID) as Mode[]
const VERSION_ID = 'EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE'
const NO_CREDENTIALS = {
  AWS_ACCESS_KEY_ID: null,
  AWS_SECRET_ACCESS_KEY: null,
  AWS_PROFILE: null,
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
  AWS_CONFIG_FILE: '/nonexistent/config'
}
const deniedReads: FaultFn = ({ operation }) =>
  /GetSecretValue/.test(operation) ? { kind: 'denied' } : undefined

/** A row that changes the given inputs of a mode; `more` adds the other fields. */
function bad(
  mode: Mode,
  what: string,
  inputs: Record<string, string>,
  error: RegExp,
  more: Partial<BadInput> = {}
): BadInput {
  return { mode, what, inputs, error, ...more }
}

const ROLE = 'arn:aws:iam::123456789012:role/ci'
const F = 'fetch'
const L = 'lookup-jsonpath'
const G = 'push-generated'
const C = 'check-changed'
const R = 'render'
const D = 'delete'

/** Inputs every mode shares: each of these rows runs in every mode. */
const common = (mode: Mode): BadInput[] => [
  bad(mode, 'a region with underscores', { 'aws-region': 'us_east_1' }, input('aws-region')),
  bad(mode, 'a region in capitals', { 'aws-region': 'US-EAST-1' }, input('aws-region')),
  bad(mode, 'non-numeric max-attempts', { 'max-attempts': 'three' }, input('max-attempts')),
  bad(mode, 'max-attempts 0', { 'max-attempts': '0' }, input('max-attempts')),
  bad(
    mode,
    'an endpoint-url that is no URL',
    { 'endpoint-url': 'not a url' },
    input('endpoint-url')
  ),
  bad(
    mode,
    'an 11-digit account in role-to-assume',
    { 'role-to-assume': 'arn:aws:iam::12345678901:role/ci' },
    input('role-to-assume')
  ),
  bad(mode, 'export-env that is not a boolean', { 'export-env': 'maybe' }, input('export-env'))
]

const rows: BadInput[] = [
  bad(F, 'an unknown mode', { mode: 'teleport' }, /Input 'mode'.*teleport/),
  bad(F, 'a mode with a typo', { mode: 'fetch-all' }, /Input 'mode'.*fetch-all/),
  ...ALL_MODES.flatMap(common),
  // output-dir means something to fetch, lookup-jsonpath and check-changed only.
  ...(['put', G, 'rotate', R, D] as Mode[]).map(mode =>
    bad(
      mode,
      'an output-dir, which this mode would not write',
      { 'output-dir': 'out' },
      input('output-dir')
    )
  ),

  // --- connection and role inputs: parsed alike for every mode, so run once (in fetch) ---
  bad(F, 'a region without its number', { 'aws-region': 'us-east' }, input('aws-region')),
  bad(F, 'max-attempts above 20', { 'max-attempts': '100' }, input('max-attempts')),
  bad(F, 'negative max-attempts', { 'max-attempts': '-1' }, input('max-attempts')),
  bad(F, 'fractional max-attempts', { 'max-attempts': '2.5' }, input('max-attempts')),
  bad(F, 'an ftp endpoint-url', { 'endpoint-url': 'ftp://example.com' }, input('endpoint-url')),
  bad(F, 'a socks http-proxy', { 'http-proxy': 'socks5://proxy:1080' }, input('http-proxy')),
  bad(
    F,
    'a malformed http-proxy with a password (not shown)',
    { 'http-proxy': 'http://ci:proxy-pw-s3cr3t@proxy host:3128' },
    input('http-proxy'),
    { secrets: ['proxy-pw-s3cr3t'] }
  ),
  bad(
    F,
    'a user ARN as role',
    { 'role-to-assume': 'arn:aws:iam::123456789012:user/bob' },
    input('role-to-assume')
  ),
  bad(
    F,
    'a role name instead of an ARN',
    { 'role-to-assume': 'ci-secrets-reader' },
    input('role-to-assume')
  ),
  bad(
    F,
    'a non-numeric role duration',
    { 'role-to-assume': ROLE, 'role-duration-seconds': 'forever' },
    input('role-duration-seconds')
  ),
  bad(
    F,
    'a role duration under 900 s',
    { 'role-to-assume': ROLE, 'role-duration-seconds': '60' },
    input('role-duration-seconds')
  ),
  bad(
    F,
    'a role session name with a space',
    { 'role-to-assume': ROLE, 'role-session-name': 'my session' },
    input('role-session-name')
  ),
  bad(
    F,
    'role-chaining that is not a boolean',
    { 'role-to-assume': ROLE, 'role-chaining': 'yes' },
    input('role-chaining')
  ),
  bad(
    F,
    'role-to-assume without an OIDC token',
    { 'role-to-assume': ROLE },
    /role-to-assume|id-token/
  ),
  bad(
    F,
    'export-outputs that is not a boolean',
    { 'export-outputs': 'TRUE1' },
    input('export-outputs')
  ),
  bad(F, 'no region anywhere', {}, /aws-region/, {
    env: { AWS_REGION: null, AWS_DEFAULT_REGION: null }
  }),
  bad(
    F,
    'an unknown region (its endpoint does not resolve)',
    { 'aws-region': 'xx-nowhere-9', 'max-attempts': '1' },
    /aws-region.*xx-nowhere-9|xx-nowhere-9.*aws-region/,
    { realEndpoint: true }
  ),
  bad(
    F,
    'an unknown region at an endpoint that answers HTML (moto)',
    { 'aws-region': 'xx-nowhere-9', 'max-attempts': '1' },
    /app\/db.*aws-region/
  ),
  bad(F, 'no credentials', { 'max-attempts': '1' }, /credentials.*role-to-assume/, {
    env: NO_CREDENTIALS
  }),

  // --- fetch ---
  bad(F, 'no secret-ids', { 'secret-ids': '' }, input('secret-ids')),
  bad(F, 'secret-ids of comments only', { 'secret-ids': '# none\n   \n' }, input('secret-ids')),
  bad(F, 'two commas in a line', { 'secret-ids': 'A,B,app/db' }, /Input 'secret-ids'.*A,B,app\/db/),
  bad(F, 'an alias with no id', { 'secret-ids': 'ALIAS,' }, /Input 'secret-ids'.*ALIAS,/),
  bad(F, 'a wildcard of under 3 characters', { 'secret-ids': 'ap*' }, /Input 'secret-ids'.*ap\*/),
  bad(
    F,
    'a wildcard in the middle',
    { 'secret-ids': 'app/*/db' },
    /Input 'secret-ids'.*app\/\*\/db/
  ),
  bad(F, 'a double wildcard', { 'secret-ids': 'app/**' }, /Input 'secret-ids'.*app\/\*\*/),
  bad(
    F,
    'a secret ARN with a short account',
    { 'secret-ids': 'arn:aws:secretsmanager:us-east-1:1234:secret:app/db' },
    /Input 'secret-ids'.*:1234:/
  ),
  bad(F, 'an S3 ARN', { 'secret-ids': 'arn:aws:s3:::bucket' }, /Input 'secret-ids'.*arn:aws:s3/),
  bad(
    F,
    'a secret id with a space',
    { 'secret-ids': 'app/my db' },
    /Input 'secret-ids'.*app\/my db/
  ),
  bad(
    F,
    'an alias starting with a digit',
    { 'secret-ids': '1DB,app/db' },
    /Input 'secret-ids'.*1DB/
  ),
  bad(
    F,
    'a lowercase alias under uppercase',
    { 'secret-ids': 'db,app/db' },
    /Input 'secret-ids'.*'db'/
  ),
  bad(F, 'an alias with a hyphen', { 'secret-ids': 'MY-DB,app/db' }, /Input 'secret-ids'.*MY-DB/),
  bad(
    F,
    'an unknown name-transformation',
    { 'name-transformation': 'camel' },
    input('name-transformation')
  ),
  bad(
    F,
    'parse-json-secrets that is not a boolean',
    { 'parse-json-secrets': 'yes' },
    input('parse-json-secrets')
  ),
  bad(F, 'a too short version-id', { 'version-id': 'v1' }, input('version-id')),
  bad(
    F,
    'a version-stage with a space',
    { 'version-stage': 'AWS CURRENT' },
    input('version-stage')
  ),
  bad(
    F,
    'both version-id and version-stage',
    { 'version-id': VERSION_ID, 'version-stage': 'AWSPREVIOUS' },
    input('version-id')
  ),
  bad(F, 'a missing secret', { 'secret-ids': 'app/db\napp/missing' }, /'app\/missing' not found/),
  bad(F, 'a wildcard matching nothing', { 'secret-ids': 'nothing/*' }, /'nothing\/\*'/),
  bad(F, 'an unknown version id', { 'version-id': VERSION_ID }, /'app\/db'/),
  bad(F, 'a stage no version has', { 'version-stage': 'NOSUCHSTAGE' }, /'app\/db'/),
  bad(
    F,
    'access denied (an injected AccessDeniedException)',
    {},
    /Access denied to secretsmanager:GetSecretValue for 'app\/db'/,
    { fault: deniedReads }
  ),
  bad(
    F,
    "access denied by moto's IAM (an XML 403)",
    { 'secret-ids': 'app/db\napp/token' },
    /(?=.*Access denied to secretsmanager:GetSecretValue for 'app\/db')(?=.*'app\/token')/,
    {
      setup: async ({ endpoint }) => {
        const key = await createIamUser(endpoint, 'lister', ['secretsmanager:ListSecrets'])
        await enforceIam(endpoint, true)
        return { AWS_ACCESS_KEY_ID: key.accessKeyId, AWS_SECRET_ACCESS_KEY: key.secretAccessKey }
      },
      teardown: ({ endpoint }) => enforceIam(endpoint, false)
    }
  ),
  bad(F, 'an output-dir that is a file', { 'output-dir': 'taken' }, /output-dir 'taken'/, {
    workspaceFile: 'taken'
  }),

  // --- lookup-jsonpath ---
  bad(L, 'no secret-id', { 'secret-id': '' }, input('secret-id')),
  bad(L, 'a wildcard secret-id', { 'secret-id': 'app/*' }, input('secret-id')),
  bad(L, 'neither query nor queries', { query: '' }, /Input 'quer(y|ies)'/),
  bad(L, 'both query and queries', { queries: 'USER=$.user' }, /Input 'quer(y|ies)'/),
  bad(L, 'an unclosed filter', { query: '$[?(@.user ==' }, input('query')),
  bad(L, 'an unclosed bracket', { query: '$.user[' }, input('query')),
  bad(L, 'a queries line without =', { query: '', queries: 'USER $.user' }, input('queries')),
  bad(
    L,
    'a queries name starting with a digit',
    { query: '', queries: '1USER=$.user' },
    input('queries')
  ),
  bad(L, 'a queries line with a bad path', { query: '', queries: 'USER=$..[' }, input('queries')),
  bad(L, 'an unknown result', { result: 'some' }, input('result')),
  bad(L, 'an unknown on-missing', { 'on-missing': 'ignore' }, input('on-missing')),
  bad(L, 'a query that matches nothing', { query: '$.nothing' }, /query|app\/db/),
  bad(
    L,
    'result single with two matches',
    { query: '$.*', result: 'single' },
    /query|result|app\/db/
  ),
  bad(L, 'a secret that is not JSON', { 'secret-id': 'app/token' }, /'app\/token'/),
  bad(L, 'a missing secret', { 'secret-id': 'app/missing' }, /'app\/missing'/),

  // --- put ---
  bad('put', 'no secret-id', { 'secret-id': '' }, input('secret-id')),
  bad('put', 'a wildcard secret-id', { 'secret-id': 'app/*' }, input('secret-id')),
  bad('put', 'no value', { 'secret-string': '' }, /secret-string|secret-json|secret-file/),
  bad(
    'put',
    'both secret-string and secret-json',
    { 'secret-json': '{"k":"put-json-value-4"}' },
    /secret-string|secret-json/
  ),
  bad(
    'put',
    'invalid secret-json (not echoed)',
    { 'secret-string': '', 'secret-json': '{"password":"put-json-secret-5",' },
    input('secret-json')
  ),
  bad(
    'put',
    'secret-json that is a bare word',
    { 'secret-string': '', 'secret-json': 'hunter2-bare-word' },
    input('secret-json')
  ),
  bad(
    'put',
    'a secret-file that does not exist',
    { 'secret-string': '', 'secret-file': 'no/such/file' },
    input('secret-file')
  ),
  bad(
    'put',
    'an unknown file-encoding',
    {
      'secret-string': '',
      'secret-file': path.join(PROJECT_DIR, 'action.yml'),
      'file-encoding': 'base64'
    },
    input('file-encoding')
  ),
  bad(
    'put',
    'create-if-missing that is not a boolean',
    { 'create-if-missing': 'sometimes' },
    input('create-if-missing')
  ),
  bad(
    'put',
    'skip-unchanged that is not a boolean',
    { 'skip-unchanged': 'y' },
    input('skip-unchanged')
  ),
  bad(
    'put',
    'a too short client-request-token',
    { 'client-request-token': 'tok' },
    input('client-request-token')
  ),
  bad(
    'put',
    'a version stage with a space',
    { 'version-stages': 'AWSCURRENT\nMY STAGE' },
    input('version-stages')
  ),
  bad('put', 'tags that are invalid JSON', { tags: '{"team":' }, input('tags')),
  bad('put', 'a tags line without =', { tags: 'team platform' }, input('tags')),
  bad(
    'put',
    'a missing secret without create-if-missing',
    { 'secret-id': 'app/missing' },
    /'app\/missing'/
  ),

  // --- push-generated ---
  bad(G, 'no secret-id', { 'secret-id': '' }, input('secret-id')),
  bad(G, 'no fields', { fields: '' }, input('fields')),
  bad(G, 'fields that are invalid YAML', { fields: 'password: [' }, input('fields')),
  bad(G, 'fields that are a list', { fields: '- a\n- b' }, input('fields')),
  bad(
    G,
    'a static value with a lone surrogate',
    { fields: 'pw:\n  value: "x\\ud800y"', 'export-outputs': 'true' },
    input('fields')
  ),
  bad(
    G,
    'a field with value and generator (not echoed)',
    { fields: 'pw:\n  value: field-value-secret-6\n  generator:\n    passwordLength: 10' },
    input('fields'),
    { secrets: ['field-value-secret-6'] }
  ),
  bad(
    G,
    'a non-numeric passwordLength',
    { fields: 'pw:\n  generator:\n    passwordLength: ten' },
    input('fields')
  ),
  bad(
    G,
    'an unknown generator option',
    { fields: 'pw:\n  generator:\n    passwordLength: 10\n    symbols: true' },
    input('fields')
  ),
  bad(G, 'an unknown update-policy', { 'update-policy': 'Sometimes' }, input('update-policy')),

  // --- rotate ---
  bad('rotate', 'no secret-id', { 'secret-id': '' }, input('secret-id')),
  bad(
    'rotate',
    'an unknown rotation-strategy',
    { 'rotation-strategy': 'manual' },
    input('rotation-strategy')
  ),
  bad(
    'rotate',
    'an S3 ARN as rotation-lambda-arn',
    { 'rotation-strategy': 'lambda', generator: '', 'rotation-lambda-arn': 'arn:aws:s3:::bucket' },
    input('rotation-lambda-arn')
  ),
  bad(
    'rotate',
    'non-numeric rotation-days',
    { 'rotation-strategy': 'lambda', generator: '', 'rotation-days': 'ten' },
    input('rotation-days')
  ),
  bad(
    'rotate',
    'both rotation-days and rotation-schedule',
    {
      'rotation-strategy': 'lambda',
      generator: '',
      'rotation-days': '30',
      'rotation-schedule': 'rate(30 days)'
    },
    /Input 'rotation-(days|schedule)'/
  ),
  bad(
    'rotate',
    'a negative wait-timeout-seconds',
    { 'rotation-strategy': 'lambda', generator: '', 'wait-timeout-seconds': '-5' },
    input('wait-timeout-seconds')
  ),
  bad('rotate', 'an unknown phase', { phase: 'middle' }, input('phase')),
  bad(
    'rotate',
    'phase finish with nothing pending',
    { phase: 'finish', generator: '' },
    /'app\/token'.*AWSPENDING|AWSPENDING.*'app\/token'/
  ),
  bad(
    'rotate',
    'a malformed pending-version-id',
    { phase: 'finish', generator: '', 'pending-version-id': 'v1' },
    input('pending-version-id')
  ),
  bad(
    'rotate',
    'a generator that is invalid YAML',
    { generator: 'passwordLength: [' },
    input('generator')
  ),
  bad('rotate', 'a missing secret', { 'secret-id': 'app/missing' }, /'app\/missing'/),

  // --- check-changed ---
  bad(C, 'no secret-ids', { 'secret-ids': '' }, input('secret-ids')),
  bad(C, 'a bad wildcard', { 'secret-ids': 'a*' }, input('secret-ids')),
  bad(C, 'an unknown cache', { cache: 'redis' }, input('cache')),
  bad(C, 'cache file without state-file', { cache: 'file' }, input('state-file')),
  bad(C, 'an unknown first-run', { 'first-run': 'maybe' }, input('first-run')),
  bad(C, 'a missing secret', { 'secret-ids': 'app/missing' }, /'app\/missing'/),

  // --- render: every refusal leaves no file (the workspace stays empty) ---
  bad(R, 'no output-file', { 'output-file': '' }, input('output-file')),
  bad(
    R,
    'an output-file that exists',
    { 'output-file': 'taken' },
    /Input 'output-file'.*overwrite/,
    {
      workspaceFile: 'taken'
    }
  ),
  bad(R, 'no template', { template: '' }, input('template')),
  bad(R, 'template and template-file', { 'template-file': 'x.tpl' }, input('template-file')),
  bad(
    R,
    'a template-file that does not exist',
    { template: '', 'template-file': 'no/such.tpl' },
    input('template-file')
  ),
  bad(
    R,
    'an unclosed placeholder',
    { template: 'a\nb {{ secret "app/db"' },
    /Input 'template': line 2, column 3: '\{\{' is not closed/
  ),
  bad(
    R,
    'an unknown filter',
    { template: '{{ secret "app/db" | rot13 }}' },
    /line 1, column 22: unknown filter 'rot13'/
  ),
  bad(R, 'a logic keyword', { template: '{{ if "x" }}' }, /line 1, column 4: unknown 'if'/),
  bad(
    R,
    'invalid JSONPath',
    { template: '{{ secret "app/db" "$[" }}' },
    /line 1, column 20: .*not valid JSONPath/
  ),
  bad(
    R,
    'every syntax problem at once',
    { template: '{{ secret "app/db" | nope }}\n{{ oops }}' },
    /line 1, column 22.*; line 2, column 4/
  ),
  bad(
    R,
    'a template without a secret',
    { template: 'just {{ "text" }}' },
    /Input 'template': names no secret/
  ),
  bad(R, 'secret-ids with a template', { 'secret-ids': 'app/db' }, input('secret-ids')),
  bad(R, 'export-env in render', { 'export-env': 'true' }, input('export-env')),
  bad(
    R,
    'an unknown format',
    { template: '', format: 'toml', 'secret-ids': 'app/db' },
    input('format')
  ),
  bad(R, 'a format without secret-ids', { template: '', format: 'dotenv' }, input('secret-ids')),
  bad(R, 'a format and a template', { format: 'json', 'secret-ids': 'app/db' }, input('template')),
  bad(
    R,
    'a missing secret, named with its placeholder and line',
    { template: 'a={{ secret "app/token" }}\nb={{ secret "app/missing" }}' },
    /line 2, column 3: \{\{ secret "app\/missing" \}\}.*app\/missing/
  ),
  bad(
    R,
    'a query that matches nothing',
    { template: '{{ secret "app/db" "$.nope" }}' },
    /line 1, column 1: .*"\$\.nope".*matched 0 nodes/
  ),
  bad(
    R,
    'a query that matches several',
    { template: '{{ secret "app/db" "$.*" }}' },
    /matched 2 nodes/
  ),
  bad(
    R,
    'a query on a secret that is not JSON',
    { template: '{{ secret "app/token" "$.a" }}' },
    /'app\/token' is not valid JSON/
  ),
  bad(
    R,
    'a missing secret and a failed query together',
    { template: '{{ secret "app/none" }}\n{{ secret "app/db" "$.x" }}' },
    /line 1, column 1.*app\/none.*; line 2, column 1.*matched 0 nodes/
  ),
  bad(
    R,
    'a dotenv name fetch refuses',
    { template: '', format: 'dotenv', 'secret-ids': 'LD_PRELOAD,app/token' },
    /refused variable "LD_PRELOAD"/
  ),
  // --- the lifecycle inputs of the write modes ---
  bad('put', 'dry-run that is not a boolean', { 'dry-run': 'yes' }, input('dry-run')),
  bad(
    'put',
    'a replica region that is no region',
    { 'replica-regions': 'mars-1' },
    input('replica-regions')
  ),
  bad(
    'put',
    "a replica in the secret's own region (refused before the value is written)",
    { 'replica-regions': 'eu-west-1\nus-east-1' },
    /Input 'replica-regions': us-east-1 is the secret's own region/
  ),
  bad(
    G,
    "a replica in the secret's own region",
    { 'replica-regions': 'us-east-1' },
    /Input 'replica-regions': us-east-1 is the secret's own region/
  ),
  bad(
    G,
    'restore-if-deleted that is not a boolean',
    { 'restore-if-deleted': '1' },
    input('restore-if-deleted')
  ),
  bad('rotate', 'dry-run that is not a boolean', { 'dry-run': 'on' }, input('dry-run')),

  // --- delete ---
  bad(D, 'no secret at all', { 'secret-id': '' }, input('secret-ids')),
  bad(D, 'both secret-id and secret-ids', { 'secret-ids': 'app/db' }, input('secret-id')),
  bad(
    D,
    'a recovery window of 6 days',
    { 'recovery-window-days': '6' },
    input('recovery-window-days')
  ),
  bad(
    D,
    'a recovery window of 31 days',
    { 'recovery-window-days': '31' },
    input('recovery-window-days')
  ),
  bad(
    D,
    'a recovery window with a forced delete',
    { 'recovery-window-days': '7', 'force-delete-without-recovery': 'true' },
    input('recovery-window-days')
  ),
  bad(D, 'an unknown deletion-policy', { 'deletion-policy': 'Keep' }, input('deletion-policy')),
  bad(D, 'max-deletions 0', { 'max-deletions': '0' }, input('max-deletions')),
  bad(
    D,
    'an alias in secret-ids',
    { 'secret-id': '', 'secret-ids': 'DB,app/db' },
    input('secret-ids')
  ),
  bad(D, 'a wildcard in secret-id', { 'secret-id': 'app/*' }, input('secret-id')),
  bad(
    D,
    'a missing secret with on-missing: fail',
    { 'secret-id': '', 'secret-ids': 'app/db\napp/missing', 'on-missing': 'fail' },
    /no secret matches 'app\/missing' \(on-missing: fail\): nothing was deleted/
  ),
  bad(
    D,
    'a wildcard over max-deletions',
    { 'secret-id': '', 'secret-ids': 'app/*', 'max-deletions': '1' },
    /names 2 secrets \('app\/db', 'app\/token'\), more than max-deletions \(1\)/
  )
]

describe('bad input is refused: one clear error, no stack, no secret, nothing written', () => {
  it('has at least 40 rows that run now, and rows for every mode', () => {
    const runnable = rows.filter(row => caseTest(row) !== it.skip)
    expect(runnable.length).toBeGreaterThanOrEqual(40)
    for (const mode of ALL_MODES) {
      expect(rows.filter(row => row.mode === mode).length).toBeGreaterThan(common(mode).length + 5)
    }
  })

  for (const row of rows) {
    caseTest(row)(caseName(row, row.what), async () => {
      await seedSecrets(moto.client, SEEDED)
      const before = await snapshotSecrets(moto.client)
      const step = await runRow(row)
      const secrets = [...SEEDED_VALUES, ...secretInputs(row), ...(row.secrets ?? [])]

      expect({ exit: step.exitCode, errors: step.errors }).toEqual({
        exit: 1,
        errors: [expect.stringMatching(row.error)]
      })
      expect(hasStackTrace(step.log)).toBe(false)
      expect(piecesIn(shownLog(step.stdout), secrets)).toEqual([])
      expect(piecesIn(step.stderr, secrets)).toEqual([])
      expect(fragmentsIn(step.errors.join('\n') + step.summary, secrets)).toEqual([])

      expect(step.env).toEqual({})
      expect(step.outputs).toEqual({})
      expect(step.path).toEqual([])
      expect(fs.readdirSync(step.workspace).filter(name => name !== row.workspaceFile)).toEqual([])
      expect(await snapshotSecrets(moto.client)).toEqual(before)
    })
  }
})

async function runRow(row: BadInput) {
  const proxy = row.fault
    ? await startProxy({ target: moto.endpoint, fault: row.fault })
    : undefined
  try {
    const env = { ...row.env, ...((await row.setup?.(moto)) ?? {}) }
    const inputs = inputsOf(row)
    if (!row.realEndpoint) inputs['endpoint-url'] ??= proxy?.endpoint ?? moto.endpoint
    const workspace = tempDir('sma-ws-')
    if (row.workspaceFile) fs.writeFileSync(path.join(workspace, row.workspaceFile), 'not a dir')
    return await runStep({ inputs, env, workspace, timeoutMs: 30_000 })
  } finally {
    await row.teardown?.(moto)
    await proxy?.stop()
  }
}

function inputsOf(row: BadInput): Record<string, string> {
  return { mode: row.mode, ...VALID[row.mode], ...row.inputs }
}

/** Inputs that carry a secret value in put: never echoed either. */
function secretInputs(row: BadInput): string[] {
  const inputs = inputsOf(row)
  return ['secret-string', 'secret-json'].map(name => inputs[name] ?? '').filter(Boolean)
}

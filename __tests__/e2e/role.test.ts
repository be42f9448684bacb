// role-to-assume, bundled, as the runner runs it: moto's STS behind the test proxy (to see each
// request's parameters and signer), and a stand-in for the runner's OIDC token endpoint.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { CreateSecretCommand } from '@aws-sdk/client-secrets-manager'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { clientInAccount } from '../harness/accounts.js'
import { useMoto } from '../harness/jest-moto.js'
import { startOidcServer, TEST_SUBJECT, type OidcServer } from '../harness/oidc-server.js'
import { startProxy, type FaultRequest, type Proxy } from '../harness/proxy.js'
import { findLeaks, runAction, runStep, tempDir, type StepResult } from '../harness/runner.js'

const moto = useMoto()
let proxy: Proxy
let oidc: OidcServer
let seen: FaultRequest[]

const ROLE_ACCOUNT = '111111111111'
const ROLE_ARN = `arn:aws:iam::${ROLE_ACCOUNT}:role/ci-secrets-reader`
const DB_JSON = '{"username":"svc-111","password":"pw-only-in-111"}'
const AMBIENT_KEY = 'AKIAAMBIENTKEY000001'

beforeAll(async () => {
  proxy = await startProxy({ target: moto.endpoint })
  oidc = await startOidcServer()
})
afterAll(async () => {
  await proxy?.stop()
  await oidc?.stop()
})
beforeEach(async () => {
  seen = []
  proxy.resetCounts()
  proxy.setFault(req => void seen.push(req))
  oidc.reset()
  const other = await clientInAccount(moto.endpoint, ROLE_ACCOUNT)
  await other.send(new CreateSecretCommand({ Name: 'app/db', SecretString: DB_JSON }))
  other.destroy()
})

const fetchInputs = (extra: Record<string, string> = {}) => ({
  'endpoint-url': proxy.endpoint,
  'secret-ids': 'app/db',
  'parse-json-secrets': 'true',
  'role-to-assume': ROLE_ARN,
  ...extra
})

const requestsTo = (service: string) =>
  seen.filter(r => (r.headers.authorization ?? '').includes(`/${service}/aws4_request`))
const stsParams = (operation: string) =>
  seen
    .filter(r => r.operation === operation)
    .map(r => Object.fromEntries(new URLSearchParams(r.body)))
const signer = (req: FaultRequest) =>
  /Credential=([A-Z0-9]+)\//.exec(req.headers.authorization!)![1]

/** Every file the step could have written: file commands, workspace and RUNNER_TEMP. */
function writtenFiles(step: StepResult): string {
  return [step.workspace, step.runnerTemp]
    .flatMap(dir =>
      fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map(f => path.join(dir, f))
    )
    .filter(file => fs.statSync(file).isFile())
    .map(file => fs.readFileSync(file, 'utf8'))
    .join('\n')
}

const awsNames = (env: Record<string, string>) => Object.keys(env).filter(n => /^AWS_/i.test(n))

describe('role-to-assume with GitHub OIDC, bundled', () => {
  it("reads the role's account's secret, keeps the credentials inside the step, masks everything", async () => {
    const { main, post } = await runAction({ inputs: fetchInputs(), env: oidc.env() })
    expect(main.errors).toEqual([])
    expect(main.exitCode).toBe(0)
    expect(main.env).toEqual({ APP_DB_USERNAME: 'svc-111', APP_DB_PASSWORD: 'pw-only-in-111' })

    expect(oidc.requests()).toEqual([
      expect.objectContaining({
        audience: 'sts.amazonaws.com',
        authorization: `Bearer ${oidc.requestToken}`
      })
    ])
    const token = oidc.tokenFor('sts.amazonaws.com')
    expect(stsParams('AssumeRoleWithWebIdentity')).toEqual([
      expect.objectContaining({
        RoleArn: ROLE_ARN,
        RoleSessionName: 'GitHubActions-4242-1',
        DurationSeconds: '900',
        WebIdentityToken: token
      })
    ])

    // Secrets Manager was called with the role's session, not the runner's 'testing' keys.
    const reads = requestsTo('secretsmanager')
    expect(reads.length).toBeGreaterThan(0)
    const accessKeyId = signer(reads[0])
    const sessionToken = String(reads[0].headers['x-amz-security-token'])
    expect(accessKeyId).toMatch(/^ASIA/)
    expect(reads.every(r => signer(r) === accessKeyId)).toBe(true)

    // Nothing exported or written: no AWS_* variable, no credential in any file.
    expect(awsNames(main.env)).toEqual([])
    expect(awsNames(post.env)).toEqual([])
    const files = writtenFiles(main)
    for (const credential of [accessKeyId, sessionToken, token]) {
      expect(files).not.toContain(credential)
      expect(main.masks).toContain(credential)
    }
    expect(main.masks).toEqual(expect.arrayContaining(['svc-111', 'pw-only-in-111']))
    expect(
      findLeaks(main.stdout + main.stderr, [
        DB_JSON,
        'pw-only-in-111',
        accessKeyId,
        sessionToken,
        token
      ])
    ).toEqual([])

    // fetch has no post hook: the post step needs no client, so assumes nothing.
    expect(post.exitCode).toBe(0)
    expect(post.warnings).toEqual([])
    expect(oidc.requests()).toHaveLength(1)
  })

  it('without the role, the same secret is not visible to the ambient credentials', async () => {
    const inputs = fetchInputs({ 'role-to-assume': '' })
    const step = await runStep({ inputs, env: oidc.env() })
    expect(step.exitCode).toBe(1)
    expect(step.errors).toEqual([expect.stringMatching(/'app\/db' not found/)])
    expect(oidc.requests()).toEqual([])
  })

  it('sends STS to AWS_ENDPOINT_URL_STS before endpoint-url', async () => {
    const step = await runStep({
      inputs: fetchInputs({ 'endpoint-url': moto.endpoint }),
      env: { ...oidc.env(), AWS_ENDPOINT_URL_STS: proxy.endpoint }
    })
    expect(step.errors).toEqual([])
    expect(proxy.calls()).toEqual({ AssumeRoleWithWebIdentity: 1 })
  })

  it('fails naming permissions: id-token: write when the token endpoint is missing', async () => {
    const step = await runStep({ inputs: fetchInputs() })
    expect(step.exitCode).toBe(1)
    expect(step.errors).toEqual([expect.stringContaining('permissions: id-token: write')])
    expect(proxy.total()).toBe(0)
    expect(step.env).toEqual({})
  })

  it('refuses a malformed role ARN before any request', async () => {
    const step = await runStep({
      inputs: fetchInputs({ 'role-to-assume': 'arn:aws:iam::1111:role/short-account' }),
      env: oidc.env()
    })
    expect(step.exitCode).toBe(1)
    expect(step.errors).toEqual([
      expect.stringMatching(/^Input 'role-to-assume': .*not an IAM role ARN/)
    ])
    expect(oidc.requests()).toEqual([])
    expect(proxy.total()).toBe(0)
  })

  it('reports AccessDenied once, with the role ARN and the sub to put in the trust policy', async () => {
    proxy.setFault(req => (req.operation.startsWith('AssumeRole') ? { kind: 'denied' } : undefined))
    const step = await runStep({ inputs: fetchInputs(), env: oidc.env() })
    expect(step.exitCode).toBe(1)
    expect(step.errors).toHaveLength(1)
    expect(step.errors[0]).toContain(`Could not assume role ${ROLE_ARN}`)
    expect(step.errors[0]).toContain(`sub '${TEST_SUBJECT}'`)
    expect(proxy.calls()).toEqual({ AssumeRoleWithWebIdentity: 1 })
    expect(step.env).toEqual({})
  })
})

describe('role-chaining, bundled', () => {
  it('assumes the role with the ambient credentials, with external id and duration', async () => {
    const step = await runStep({
      inputs: fetchInputs({
        'role-chaining': 'true',
        'role-external-id': 'ext-42',
        'role-duration-seconds': '1800',
        'role-session-name': 'chained-deploy'
      }),
      env: { AWS_ACCESS_KEY_ID: AMBIENT_KEY, AWS_SECRET_ACCESS_KEY: 'ambient-secret' }
    })
    expect(step.errors).toEqual([])
    expect(step.env).toEqual({ APP_DB_USERNAME: 'svc-111', APP_DB_PASSWORD: 'pw-only-in-111' })
    expect(oidc.requests()).toEqual([])
    const [assume] = seen.filter(r => r.operation === 'AssumeRole')
    expect(signer(assume)).toBe(AMBIENT_KEY)
    expect(stsParams('AssumeRole')).toEqual([
      expect.objectContaining({
        RoleArn: ROLE_ARN,
        ExternalId: 'ext-42',
        DurationSeconds: '1800',
        RoleSessionName: 'chained-deploy'
      })
    ])
    const reads = requestsTo('secretsmanager')
    expect(reads.map(signer).every(key => key.startsWith('ASIA'))).toBe(true)
    expect(awsNames(step.env)).toEqual([])
  })

  it('says so when no credentials are present to chain from', async () => {
    const step = await runStep({
      inputs: fetchInputs({ 'role-chaining': 'true' }),
      env: { AWS_ACCESS_KEY_ID: null, AWS_SECRET_ACCESS_KEY: null, HOME: tempDir('sma-home-') }
    })
    expect(step.exitCode).toBe(1)
    expect(step.errors).toEqual([expect.stringMatching(/no credentials are present to chain from/)])
  })
})

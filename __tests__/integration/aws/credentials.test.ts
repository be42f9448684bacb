// resolveCredentials against moto's STS, with a stand-in for the runner's OIDC token endpoint
// and the test proxy in between (to see what reaches STS and to inject faults).
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
import { CreateSecretCommand, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager'
import { clientSettings, createSecretsManagerClient } from '../../../src/aws/client.js'
import { REFRESH_WINDOW_MS } from '../../../src/aws/assume-role.js'
import { resolveCredentials } from '../../../src/aws/credentials.js'
import type { RoleConfig } from '../../../src/aws/config.js'
import { clientInAccount } from '../../harness/accounts.js'
import { useCapturedStdout, useMoto } from '../../harness/jest-moto.js'
import { startOidcServer, TEST_SUBJECT, type OidcServer } from '../../harness/oidc-server.js'
import { startProxy, type FaultRequest, type Proxy } from '../../harness/proxy.js'
import { parseWorkflowCommands } from '../../harness/runner.js'

const moto = useMoto()
const stdout = useCapturedStdout()
let proxy: Proxy
let oidc: OidcServer
let seen: FaultRequest[]

const ROLE_ACCOUNT = '111111111111'
const ROLE_ARN = `arn:aws:iam::${ROLE_ACCOUNT}:role/ci-secrets-reader`
const RUN_ENV = { GITHUB_RUN_ID: '777', GITHUB_RUN_ATTEMPT: '2', GITHUB_REPOSITORY: 'octo-org/x' }
const TOKEN_VARS = ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'] as const

beforeAll(async () => {
  proxy = await startProxy({ target: moto.endpoint })
  oidc = await startOidcServer()
})
afterAll(async () => {
  await proxy?.stop()
  await oidc?.stop()
})
beforeEach(() => {
  seen = []
  proxy.resetCounts()
  proxy.setFault(req => void seen.push(req))
  oidc.reset()
  // core.getIDToken reads the runner's variables from process.env.
  Object.assign(process.env, oidc.env())
})
afterEach(() => {
  for (const name of TOKEN_VARS) delete process.env[name]
})

const role = (overrides: Partial<RoleConfig> = {}): RoleConfig => ({
  arn: ROLE_ARN,
  audience: 'sts.amazonaws.com',
  durationSeconds: 900,
  chaining: false,
  ...overrides
})

function settingsFor(env: NodeJS.ProcessEnv, endpoint = proxy.endpoint) {
  return clientSettings({ region: 'us-east-1', endpoint, maxAttempts: 3 }, [], env)
}

async function resolve(r: RoleConfig, env: NodeJS.ProcessEnv = { ...RUN_ENV, ...oidc.env() }) {
  const settings = settingsFor(env)
  const provider = await resolveCredentials(r, settings, env)
  return { settings, provider: provider! }
}

const stsParams = (operation: string) =>
  seen
    .filter(r => r.operation === operation)
    .map(r => Object.fromEntries(new URLSearchParams(r.body)))

const masks = () =>
  parseWorkflowCommands(stdout.text())
    .filter(c => c.command === 'add-mask')
    .map(c => c.data)

async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (err: unknown) => err
  )
  expect(error).toBeInstanceOf(Error)
  expect((error as Error).name).toBe('ActionError')
  return (error as Error).message
}

describe('role-to-assume with GitHub OIDC', () => {
  it('asks the token endpoint for the audience, assumes the role, and masks the credentials', async () => {
    const { provider } = await resolve(role({ audience: 'my-audience' }))
    const credentials = await provider()

    expect(oidc.requests()).toEqual([
      {
        path: '/idtoken/run-4242',
        audience: 'my-audience',
        authorization: `Bearer ${oidc.requestToken}`
      }
    ])
    const [call] = stsParams('AssumeRoleWithWebIdentity')
    expect(call).toMatchObject({
      RoleArn: ROLE_ARN,
      RoleSessionName: 'GitHubActions-777-2',
      DurationSeconds: '900',
      WebIdentityToken: oidc.tokenFor('my-audience')
    })
    // Unsigned, as AWS expects: no credentials of the runner are sent.
    expect(seen[0].headers.authorization).toBeUndefined()

    expect(credentials.accessKeyId).toMatch(/^ASIA/)
    expect(credentials.expiration).toBeInstanceOf(Date)
    expect(masks()).toEqual(
      expect.arrayContaining([
        oidc.tokenFor('my-audience'),
        credentials.accessKeyId,
        credentials.secretAccessKey,
        credentials.sessionToken
      ])
    )
    expect(stdout.text()).toContain(`Assumed role ${ROLE_ARN} as session GitHubActions-777-2`)
  })

  it("reads secrets of the role's account, which the ambient credentials cannot see", async () => {
    const other = await clientInAccount(moto.endpoint, ROLE_ACCOUNT)
    await other.send(new CreateSecretCommand({ Name: 'acct/db', SecretString: 'in-111' }))
    other.destroy()

    const { settings, provider } = await resolve(role())
    const client = createSecretsManagerClient({ ...settings, credentials: provider })
    const read = await client.send(new GetSecretValueCommand({ SecretId: 'acct/db' }))
    expect(read.ARN).toContain(`:${ROLE_ACCOUNT}:secret:acct/db`)
    expect(read.SecretString).toBe('in-111')
    client.destroy()

    const ambient = moto.client // account 123456789012
    await expect(ambient.send(new GetSecretValueCommand({ SecretId: 'acct/db' }))).rejects.toThrow(
      /can't find the specified secret/i
    )
  })

  it('uses the given session name and duration', async () => {
    await resolve(role({ sessionName: 'deploy@prod', durationSeconds: 3600 }))
    expect(stsParams('AssumeRoleWithWebIdentity')[0]).toMatchObject({
      RoleSessionName: 'deploy@prod',
      DurationSeconds: '3600'
    })
  })

  it('says the job needs id-token: write when the token variables are missing', async () => {
    for (const name of TOKEN_VARS) delete process.env[name]
    const message = await failure(resolve(role(), RUN_ENV))
    expect(message).toContain('permissions: id-token: write')
    expect(proxy.total()).toBe(0)
  })

  it('reports a refused token request with its status and the permission hint', async () => {
    oidc.setReply({ kind: 'status', status: 403 })
    const refused = await failure(resolve(role()))
    expect(refused).toMatch(/HTTP 403/)
    expect(refused).toContain('permissions: id-token: write')

    oidc.setReply({ kind: 'status', status: 500 })
    const broken = await failure(resolve(role()))
    expect(broken).toMatch(/HTTP 500.*re-run/)
    expect(proxy.total()).toBe(0)
  })

  it('reports AccessDenied at once, with the role ARN and the sub condition to check', async () => {
    proxy.setFault(req => (req.operation.startsWith('AssumeRole') ? { kind: 'denied' } : undefined))
    const message = await failure(resolve(role()))
    expect(proxy.calls()).toEqual({ AssumeRoleWithWebIdentity: 1 }) // not retried
    expect(message).toContain(`Could not assume role ${ROLE_ARN}`)
    expect(message).toContain('access denied')
    expect(message).toContain(`token.actions.githubusercontent.com:sub`)
    expect(message).toContain(`sub '${TEST_SUBJECT}'`)
    expect(message).toContain(`oidc-provider/token.actions.githubusercontent.com`)
    expect(message).not.toContain(oidc.tokenFor('sts.amazonaws.com'))
  })

  it('retries throttling and connection resets, then succeeds', async () => {
    proxy.setFault(req => {
      if (req.operation !== 'AssumeRoleWithWebIdentity') return undefined
      if (req.n === 1) return { kind: 'throttle' }
      if (req.n === 2) return { kind: 'reset' }
      return undefined
    })
    const { provider } = await resolve(role())
    expect((await provider()).accessKeyId).toMatch(/^ASIA/)
    expect(proxy.calls()).toEqual({ AssumeRoleWithWebIdentity: 3 })
  })

  it('gives up after max-attempts throttles with one clear error', async () => {
    proxy.setFault(req => (req.operation.startsWith('Assume') ? { kind: 'throttle' } : undefined))
    const message = await failure(resolve(role()))
    expect(message).toMatch(/throttled by STS after all retries.*max-attempts/)
    expect(proxy.calls()).toEqual({ AssumeRoleWithWebIdentity: 3 })
  })

  it('assumes the role again when the credentials near expiry', async () => {
    const { provider } = await resolve(role())
    const first = await provider()
    expect(await provider()).toBe(first)
    const later = first.expiration!.getTime() - REFRESH_WINDOW_MS + 1000
    jest.spyOn(Date, 'now').mockReturnValue(later)
    const renewed = await provider()
    expect(renewed.accessKeyId).not.toBe(first.accessKeyId)
    expect(oidc.requests()).toHaveLength(2)
    expect(proxy.calls()).toEqual({ AssumeRoleWithWebIdentity: 2 })
  })
})

describe('role-chaining', () => {
  const AMBIENT = { accessKeyId: 'AKIAAMBIENTKEY000001', secretAccessKey: 'ambient-secret' }

  beforeEach(() => {
    process.env.AWS_ACCESS_KEY_ID = AMBIENT.accessKeyId
    process.env.AWS_SECRET_ACCESS_KEY = AMBIENT.secretAccessKey
  })
  afterEach(() => {
    delete process.env.AWS_ACCESS_KEY_ID
    delete process.env.AWS_SECRET_ACCESS_KEY
  })

  it('assumes the role with the credentials already present, never asking for a token', async () => {
    const chained = role({ chaining: true, externalId: 'ext-42', durationSeconds: 1800 })
    const { settings, provider } = await resolve(chained)
    expect(oidc.requests()).toEqual([])
    expect(stsParams('AssumeRole')[0]).toMatchObject({
      RoleArn: ROLE_ARN,
      ExternalId: 'ext-42',
      DurationSeconds: '1800',
      RoleSessionName: 'GitHubActions-777-2'
    })
    expect(seen[0].headers.authorization).toContain(`Credential=${AMBIENT.accessKeyId}/`)

    const other = await clientInAccount(moto.endpoint, ROLE_ACCOUNT)
    await other.send(new CreateSecretCommand({ Name: 'chained', SecretString: 'chained-value' }))
    other.destroy()
    const client = createSecretsManagerClient({ ...settings, credentials: provider })
    const read = await client.send(new GetSecretValueCommand({ SecretId: 'chained' }))
    expect(read.SecretString).toBe('chained-value')
    client.destroy()
  })

  it('names the trust policy and the external id condition when denied', async () => {
    proxy.setFault(req => (req.operation === 'AssumeRole' ? { kind: 'denied' } : undefined))
    const message = await failure(resolve(role({ chaining: true, externalId: 'ext-42' })))
    expect(message).toContain(`Could not assume role ${ROLE_ARN}`)
    expect(message).toMatch(/sts:AssumeRole on this role.*sts:ExternalId/)
    expect(message).not.toContain('ext-42')
    expect(proxy.calls()).toEqual({ AssumeRole: 1 })
  })
})

// The post step with role-to-assume: the role is assumed only when a mode's post hook asks for
// a client, and that client reads as the role. A stand-in hook is registered for a probe mode.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { CreateSecretCommand, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager'
import { runPost } from '../../src/cleanup.js'
import { STATE_MODE, STATE_REGION } from '../../src/state.js'
import { postHooks, type PostHook } from '../../src/modes/post-hooks.js'
import { clientInAccount } from '../harness/accounts.js'
import { useCapturedStdout, useMoto } from '../harness/jest-moto.js'
import { startOidcServer, type OidcServer } from '../harness/oidc-server.js'
import { parseWorkflowCommands } from '../harness/runner.js'

const moto = useMoto()
const stdout = useCapturedStdout()
let oidc: OidcServer
let read: string[] = []
let askClient = true

const PROBE = 'probe-post'
const ROLE_ARN = 'arn:aws:iam::111111111111:role/ci-post'
const STATE_VARS = [`STATE_${STATE_MODE}`, `STATE_${STATE_REGION}`]

const probe: PostHook = async context => {
  if (!askClient) return
  const client = await context.client()
  const out = await client.send(new GetSecretValueCommand({ SecretId: 'post/db' }))
  read.push(out.SecretString ?? '')
}

beforeAll(async () => {
  oidc = await startOidcServer()
  postHooks[PROBE] = async () => probe
})
afterAll(async () => {
  delete postHooks[PROBE]
  await oidc?.stop()
})
beforeEach(() => {
  read = []
  askClient = true
  oidc.reset()
  Object.assign(process.env, oidc.env(), {
    [`STATE_${STATE_MODE}`]: PROBE,
    [`STATE_${STATE_REGION}`]: 'us-east-1'
  })
})
afterEach(() => {
  for (const name of [...STATE_VARS, ...Object.keys(oidc.env())]) delete process.env[name]
})

const inputs =
  (values: Record<string, string>) =>
  (name: string): string =>
    values[name] ?? ''

const warnings = () =>
  parseWorkflowCommands(stdout.text())
    .filter(c => c.command === 'warning')
    .map(c => c.data)

describe('post step with role-to-assume', () => {
  it("assumes the role for a post hook's client, which reads in the role's account", async () => {
    const other = await clientInAccount(moto.endpoint, '111111111111')
    await other.send(new CreateSecretCommand({ Name: 'post/db', SecretString: 'post-111' }))
    other.destroy()

    await runPost(inputs({ 'role-to-assume': ROLE_ARN, 'endpoint-url': moto.endpoint }), {
      ...process.env
    })
    expect(warnings()).toEqual([])
    expect(read).toEqual(['post-111'])
    expect(oidc.requests()).toHaveLength(1)
  })

  it('does not assume the role when the hook needs no client', async () => {
    askClient = false
    await runPost(inputs({ 'role-to-assume': ROLE_ARN, 'endpoint-url': moto.endpoint }), {
      ...process.env
    })
    expect(oidc.requests()).toEqual([])
    expect(warnings()).toEqual([])
  })

  it('warns, without failing the job, when the role cannot be assumed', async () => {
    oidc.setReply({ kind: 'status', status: 403 })
    await runPost(inputs({ 'role-to-assume': ROLE_ARN, 'endpoint-url': moto.endpoint }), {
      ...process.env
    })
    expect(process.exitCode ?? 0).toBe(0)
    expect(warnings()).toEqual([expect.stringMatching(/Post step: .*HTTP 403.*id-token: write/)])
    expect(read).toEqual([])
  })
})

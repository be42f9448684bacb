import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import * as http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { useMoto } from '../harness/jest-moto.js'
import { seedSecrets } from '../harness/moto.js'
import { runStep } from '../harness/runner.js'

const moto = useMoto()

// The default chain as a CodeBuild or ECS runner has it: no keys, a container credentials
// endpoint. Nothing else of the chain can answer.
const CONTAINER_ONLY = {
  AWS_ACCESS_KEY_ID: null,
  AWS_SECRET_ACCESS_KEY: null,
  AWS_SESSION_TOKEN: null,
  AWS_PROFILE: null,
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
  AWS_CONFIG_FILE: '/nonexistent/config',
  AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: null,
  SMA_CREDENTIALS_TIMEOUT_MS: '2000'
}

let server: http.Server
let silent = false
const held: Socket[] = []
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (silent) return void held.push(req.socket)
    const expiration = new Date(Date.now() + 3600_000).toISOString()
    res.setHeader('content-type', 'application/json')
    res.end(
      JSON.stringify({
        AccessKeyId: 'ASIACONTAINEREXAMPLE',
        SecretAccessKey: 'container-secret-key',
        Token: 'container-session-token',
        Expiration: expiration
      })
    )
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
})
afterAll(async () => {
  held.forEach(socket => socket.destroy())
  server.closeAllConnections()
  await new Promise(resolve => server.close(resolve))
})

const endpoint = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/creds`

describe('the default credential chain, bundled', () => {
  it('reads with the credentials a container endpoint hands out', async () => {
    await seedSecrets(moto.client, [{ name: 'from-container', value: 'container-read-value' }])
    silent = false
    const step = await runStep({
      inputs: { 'endpoint-url': moto.endpoint, 'secret-ids': 'from-container' },
      env: { ...CONTAINER_ONLY, AWS_CONTAINER_CREDENTIALS_FULL_URI: endpoint() }
    })
    expect(step.errors).toEqual([])
    expect(step.env.FROM_CONTAINER).toBe('container-read-value')
  })

  // Without the deadline, the SDK's request to the endpoint only warns at its timeout and the
  // step waits on: runStep kills it after 30 s and fails the test.
  it('fails the step at its deadline when the endpoint never answers', async () => {
    silent = true
    const step = await runStep({
      inputs: { 'endpoint-url': moto.endpoint, 'secret-ids': 'from-container' },
      env: { ...CONTAINER_ONLY, AWS_CONTAINER_CREDENTIALS_FULL_URI: endpoint() },
      timeoutMs: 30_000
    })
    expect(step.exitCode).toBe(1)
    expect(step.errors).toHaveLength(1)
    expect(step.errors[0]).toMatch(
      /No AWS credentials within 2 s: a credentials endpoint did not answer \(BatchGetSecretValue\): check AWS_CONTAINER_CREDENTIALS_FULL_URI/
    )
    expect(step.stderr).not.toMatch(/\n\s+at /)
    expect(Object.keys(step.env)).toEqual([])
  })
})

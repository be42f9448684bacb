import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import * as http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { useMoto } from '../harness/jest-moto.js'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { loadedFiles } from '../harness/loads.js'
import { seedSecrets } from '../harness/moto.js'
import { startProxy } from '../harness/proxy.js'
import { runStep, tempDir } from '../harness/runner.js'

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

/** Those of the files that hold the SDK's chain past its first link (keys in the environment). */
function withChain(files: string[]): string[] {
  const chain = 'defaultProvider::fromIni'
  return files.filter(file => fs.readFileSync(file, 'utf8').includes(chain))
}

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
    const env = { ...CONTAINER_ONLY, AWS_CONTAINER_CREDENTIALS_FULL_URI: endpoint() }
    const inputs = { 'endpoint-url': moto.endpoint, 'secret-ids': 'from-container' }
    const loaded = await loadedFiles(probe => runStep({ inputs, env: { ...env, ...probe } }))
    expect(withChain(loaded)).toHaveLength(1)
  })

  it('reads none of the rest of the chain when the keys are in the environment', async () => {
    await seedSecrets(moto.client, [{ name: 'from-env', value: 'env-read-value' }])
    const inputs = { 'endpoint-url': moto.endpoint, 'secret-ids': 'from-env' }
    const loaded = await loadedFiles(env => runStep({ inputs, env }))
    expect(loaded.length).toBeGreaterThan(1)
    expect(withChain(loaded)).toEqual([])
  })

  // The SDK's rule: a named profile wins over keys in the environment.
  it('takes a named profile over keys in the environment, as the SDK does', async () => {
    await seedSecrets(moto.client, [{ name: 'from-profile', value: 'profile-read-value' }])
    const file = path.join(tempDir('sma-profile-'), 'credentials')
    fs.writeFileSync(file, '[ci]\naws_access_key_id = AKIDCI\naws_secret_access_key = ci-secret\n')
    const inputs = { 'endpoint-url': moto.endpoint, 'secret-ids': 'from-profile' }
    const env = { AWS_SHARED_CREDENTIALS_FILE: file, AWS_CONFIG_FILE: '/nonexistent/config' }
    const named = await runStep({ inputs, env: { ...env, AWS_PROFILE: 'ci' } })
    expect(named.errors).toEqual([])
    expect(named.env.FROM_PROFILE).toBe('profile-read-value')
    const missing = await runStep({ inputs, env: { ...env, AWS_PROFILE: 'missing' } })
    expect(missing.exitCode).toBe(1)
    expect(missing.errors).toHaveLength(1)
    expect(missing.errors[0]).toMatch(/credentials/i)
    expect(missing.env).toEqual({})
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
      /No AWS credentials within 2 s: the default credential chain did not finish \(BatchGetSecretValue\): check AWS_CONTAINER_CREDENTIALS_FULL_URI/
    )
    expect(step.stderr).not.toMatch(/\n\s+at /)
    expect(Object.keys(step.env)).toEqual([])
  })

  it("fails the step at its deadline when a profile's credential_process never ends", async () => {
    const dir = tempDir('sma-process-')
    const hang = path.join(dir, 'hang.sh')
    fs.writeFileSync(hang, '#!/bin/sh\nsleep 5\n', { mode: 0o755 })
    fs.writeFileSync(path.join(dir, 'config'), `[profile hang]\ncredential_process = ${hang}\n`)
    const step = await runStep({
      inputs: { 'endpoint-url': moto.endpoint, 'secret-ids': 'from-container' },
      env: { ...CONTAINER_ONLY, AWS_CONFIG_FILE: path.join(dir, 'config'), AWS_PROFILE: 'hang' },
      timeoutMs: 30_000
    })
    expect(step.exitCode).toBe(1)
    expect(step.errors).toEqual([
      expect.stringMatching(/No AWS credentials within 2 s: .*credential_process/)
    ])
  })

  // A profile's role_arn makes the chain call STS: its denial is not Secrets Manager's.
  it('blames a denied STS call inside the chain on the chain, not on Secrets Manager', async () => {
    await seedSecrets(moto.client, [{ name: 'from-role-profile', value: 'role-profile-value' }])
    const proxy = await startProxy({
      target: moto.endpoint,
      fault: req => (req.operation.startsWith('AssumeRole') ? { kind: 'denied' } : undefined)
    })
    try {
      const dir = tempDir('sma-role-profile-')
      fs.writeFileSync(
        path.join(dir, 'credentials'),
        '[src]\naws_access_key_id = AKIDSRC\naws_secret_access_key = src-secret\n'
      )
      fs.writeFileSync(
        path.join(dir, 'config'),
        '[profile chain]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = src\n'
      )
      const step = await runStep({
        inputs: { 'endpoint-url': proxy.endpoint, 'secret-ids': 'from-role-profile' },
        env: {
          ...CONTAINER_ONLY,
          AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'),
          AWS_CONFIG_FILE: path.join(dir, 'config'),
          AWS_PROFILE: 'chain',
          AWS_ENDPOINT_URL_STS: proxy.endpoint
        }
      })
      expect(step.exitCode).toBe(1)
      expect(step.errors).toEqual([
        expect.stringContaining(
          'No usable AWS credentials (BatchGetSecretValue): the default credential chain failed ' +
            'with AccessDenied'
        )
      ])
      expect(step.errors[0]).not.toContain('secretsmanager:')
      expect(step.warnings).toEqual([])
      expect(step.env).toEqual({})
    } finally {
      await proxy.stop()
    }
  })
})

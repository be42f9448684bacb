import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import * as http from 'node:http'
import * as net from 'node:net'
import type { AddressInfo, Socket } from 'node:net'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { useMoto } from '../harness/jest-moto.js'
import { seedSecrets } from '../harness/moto.js'
import { PROJECT_DIR, runStep, tempDir } from '../harness/runner.js'

const moto = useMoto()

/** A plain forward HTTP proxy: requests arrive with absolute URLs, as proxies receive them. */
let proxy: http.Server
let proxied: string[] = []
beforeAll(async () => {
  proxy = http.createServer((req, res) => {
    proxied.push(req.url ?? '')
    const upstream = http.request(
      req.url ?? '',
      { method: req.method, headers: req.headers },
      up => {
        res.writeHead(up.statusCode ?? 502, up.headers)
        up.pipe(res)
      }
    )
    upstream.on('error', () => res.destroy())
    req.pipe(upstream)
  })
  await new Promise<void>(resolve => proxy.listen(0, '127.0.0.1', resolve))
})
afterAll(async () => {
  proxy.closeAllConnections()
  await new Promise(resolve => proxy.close(resolve))
})

const proxyUrl = () => `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`

describe('http-proxy', () => {
  it('sends every request through the proxy from the input, or from HTTPS_PROXY/HTTP_PROXY', async () => {
    await seedSecrets(moto.client, [{ name: 'via-proxy', value: 'proxied-value' }])
    proxied = []
    const step = await runStep({
      inputs: { 'endpoint-url': moto.endpoint, 'secret-ids': 'via-proxy', 'http-proxy': proxyUrl() }
    })
    expect(step.errors).toEqual([])
    expect(step.env.VIA_PROXY).toBe('proxied-value')
    expect(proxied).toEqual([`${moto.endpoint}/`])

    proxied = []
    const fromEnv = await runStep({
      inputs: { 'endpoint-url': moto.endpoint, 'secret-ids': 'via-proxy' },
      env: { HTTP_PROXY: proxyUrl() }
    })
    expect(fromEnv.env.VIA_PROXY).toBe('proxied-value')
    expect(proxied).toHaveLength(1)
  })

  it('goes direct for hosts NO_PROXY lists', async () => {
    await seedSecrets(moto.client, [{ name: 'direct', value: 'direct-value' }])
    proxied = []
    const step = await runStep({
      inputs: { 'endpoint-url': moto.endpoint, 'secret-ids': 'direct' },
      env: { HTTP_PROXY: proxyUrl(), NO_PROXY: '127.0.0.1' }
    })
    expect(step.env.DIRECT).toBe('direct-value')
    expect(proxied).toEqual([])
  })
})

/**
 * A forward proxy for HTTPS: records each CONNECT target and refuses the tunnel (403), as a
 * proxy that may not reach the host would. No request goes further than this process.
 */
async function startConnectRecorder() {
  const targets: string[] = []
  const server = http.createServer((_req, res) => res.writeHead(405).end())
  server.on('connect', (req: http.IncomingMessage, socket: Socket) => {
    targets.push(req.url ?? '')
    socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n')
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    targets: () => [...targets],
    stop: async () => {
      server.closeAllConnections()
      await new Promise(resolve => server.close(resolve))
    }
  }
}

const GUARD = fileURLToPath(new URL('../harness/loopback-only.mjs', import.meta.url))
const CHINA_HOST = 'secretsmanager.cn-north-1.amazonaws.com.cn'

/**
 * A step with no endpoint-url talks to AWS's own host names: it runs with the loopback-only
 * guard, so no name reaches a DNS server and no connection leaves loopback (this machine has a
 * non-loopback resolver and a default route). Returns the names the step looked up.
 */
async function offlineStep(inputs: Record<string, string>, env: Record<string, string | null>) {
  const lookups = path.join(tempDir('sma-lookups-'), 'lookups.log')
  const step = await runStep({
    inputs: { 'max-attempts': '1', ...inputs },
    env: {
      NODE_OPTIONS: `--import=${GUARD}`,
      SMA_LOOKUP_LOG: lookups,
      SMA_REQUEST_TIMEOUT_MS: '2000',
      HTTPS_PROXY: null,
      HTTP_PROXY: null,
      NO_PROXY: null,
      ...env
    },
    timeoutMs: 30_000
  })
  const looked = existsSync(lookups)
    ? readFileSync(lookups, 'utf8').split('\n').filter(Boolean)
    : []
  return { step, lookups: looked }
}

describe('China partition: the proxy decision uses the .amazonaws.com.cn host', () => {
  let guardChecked = false
  let recorder: Awaited<ReturnType<typeof startConnectRecorder>>

  beforeAll(async () => {
    recorder = await startConnectRecorder()
    // The guard is what keeps the direct attempt below on this machine: check it answers
    // lookups and refuses non-loopback addresses, with names and addresses that stay local
    // without it too ('vm' is in /etc/hosts, 0.0.0.0 is this host).
    const probe = spawnSync(
      path.join(PROJECT_DIR, 'node_modules', '.bin', 'node'),
      [
        `--import=${GUARD}`,
        '--input-type=module',
        '-e',
        `import https from 'node:https'; import net from 'node:net'
         const seen = []
         const note = what => e => { seen.push(what + ': ' + e.message); if (seen.length === 3) console.log(JSON.stringify(seen.sort())) }
         https.get('https://vm:1/').on('error', note('https'))
         net.connect(1, '0.0.0.0').on('error', note('ip'))
         net.connect({ port: 1, host: 'localhost' }).on('error', note('localhost'))`
      ],
      { encoding: 'utf8', timeout: 20_000 }
    )
    expect(JSON.parse(probe.stdout)).toEqual([
      'https: getaddrinfo ENOTFOUND vm (loopback-only test guard)',
      'ip: connect to 0.0.0.0 refused (loopback-only test guard)',
      expect.stringMatching(/^localhost: connect ECONNREFUSED 127\.0\.0\.1:1$/)
    ])
    guardChecked = true
  })
  afterAll(async () => {
    await recorder.stop()
  })

  it('without NO_PROXY, the proxy is asked for secretsmanager.cn-north-1.amazonaws.com.cn:443', async () => {
    expect(guardChecked).toBe(true)
    const before = recorder.targets().length
    const { step, lookups } = await offlineStep(
      { 'aws-region': 'cn-north-1', 'secret-ids': 'app/db' },
      { HTTPS_PROXY: recorder.url }
    )
    const targets = recorder.targets().slice(before)
    // One CONNECT: a proxy's refusal is no IAM denial, so no fallback to per-secret reads.
    expect(targets).toEqual([`${CHINA_HOST}:443`])
    expect(lookups).toEqual([])
    expect(step.exitCode).toBe(1)
    expect(step.errors).toHaveLength(1)
    expect(step.errors[0]).toMatch(/HTTP 403 without an AWS request id .* proxy or firewall/)
    expect(step.errors[0]).not.toMatch(/Access denied/)
    expect(step.stderr).not.toMatch(/\n\s+at /)
  })

  it('NO_PROXY=.amazonaws.com.cn sends nothing to the proxy: the step goes direct (and fails here)', async () => {
    expect(guardChecked).toBe(true)
    const before = recorder.targets().length
    const { step, lookups } = await offlineStep(
      { 'aws-region': 'cn-north-1', 'secret-ids': 'app/db' },
      { HTTPS_PROXY: recorder.url, NO_PROXY: '.amazonaws.com.cn' }
    )
    expect(recorder.targets().slice(before)).toEqual([])
    // The direct attempt, answered by the guard: the China host, nothing else.
    expect(new Set(lookups)).toEqual(new Set([CHINA_HOST]))
    expect(step.exitCode).toBe(1)
    expect(step.errors).toHaveLength(1)
    expect(step.errors[0]).toContain(`Could not reach Secrets Manager at ${CHINA_HOST}`)
    expect(step.stderr).not.toMatch(/\n\s+at /)
  })

  it('an aws-cn ARN is read in its region through the proxy, by its .amazonaws.com.cn host', async () => {
    expect(guardChecked).toBe(true)
    const before = recorder.targets().length
    const arn = 'arn:aws-cn:secretsmanager:cn-northwest-1:123456789012:secret:app/db-AbCdEf'
    // AWS_REGION (us-east-1, the names' region) stays: the ARN names its own region. NO_PROXY
    // .amazonaws.com is the commercial suffix: it must not match the China host.
    const { step, lookups } = await offlineStep(
      { 'secret-ids': arn },
      { HTTPS_PROXY: recorder.url, NO_PROXY: '.amazonaws.com' }
    )
    const targets = recorder.targets().slice(before)
    expect(targets.length).toBeGreaterThan(0)
    expect(new Set(targets)).toEqual(
      new Set(['secretsmanager.cn-northwest-1.amazonaws.com.cn:443'])
    )
    expect(lookups).toEqual([])
    expect(step.exitCode).toBe(1)
    expect(step.errors).toHaveLength(1)
    expect(step.stderr).not.toMatch(/\n\s+at /)
  })
})

describe('a proxy that never answers CONNECT', () => {
  let silent: net.Server
  const sockets: net.Socket[] = []
  beforeAll(async () => {
    silent = net.createServer(socket => sockets.push(socket.on('error', () => {})))
    await new Promise<void>(resolve => silent.listen(0, '127.0.0.1', resolve))
  })
  afterAll(async () => {
    for (const socket of sockets) socket.destroy()
    await new Promise(resolve => silent.close(resolve))
  })

  // Without the exit, the open tunnel socket keeps the process (and the job) running: runStep
  // kills it after 30 s and fails the test.
  it('fails the step at the request timeout and ends it, though the tunnel socket stays open', async () => {
    const port = (silent.address() as AddressInfo).port
    const { step } = await offlineStep(
      { 'secret-ids': 'app/db' },
      { HTTPS_PROXY: `http://127.0.0.1:${port}` }
    )
    expect(step.exitCode).toBe(1)
    expect(step.errors).toHaveLength(1)
    expect(step.errors[0]).toMatch(/No answer from Secrets Manager within the request timeout/)
    expect(step.log).toContain('a connection was still open 1000 ms after the step ended: exiting')
    expect(step.stderr).not.toMatch(/\n\s+at /)
  })
})

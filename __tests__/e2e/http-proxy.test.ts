import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { useMoto } from '../harness/jest-moto.js'
import { seedSecrets } from '../harness/moto.js'
import { runStep } from '../harness/runner.js'

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

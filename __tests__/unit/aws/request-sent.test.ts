import { afterEach, describe, expect, it } from '@jest/globals'
import { BatchGetSecretValueCommand } from '@aws-sdk/client-secrets-manager'
import { channel } from 'node:diagnostics_channel'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createSecretsManagerClient } from '../../../src/aws/client.js'
import { watchFirstRequest } from '../../../src/aws/request-sent.js'

/** A server that holds every request until `release()`; `seen` counts the requests it got. */
async function holdingServer(body = '{}') {
  const held: http.ServerResponse[] = []
  const server = http.createServer((req, res) => {
    req.resume()
    req.on('end', () => held.push(res))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    seen: () => held.length,
    release: () => {
      for (const res of held.splice(0)) res.end(body)
    },
    close: () =>
      new Promise<void>(resolve => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

/** One GET; resolves with the request (as sent) once the answer has been read. */
function get(url: string, onRequest?: (req: http.ClientRequest) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, res => {
      let text = ''
      res.on('data', chunk => (text += chunk))
      res.on('end', () => resolve(text))
    })
    req.on('error', reject)
    onRequest?.(req)
  })
}

const started = () => channel('http.client.request.start').hasSubscribers

let cleanup: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const step of cleanup) await step()
  cleanup = []
})

describe('watchFirstRequest', () => {
  it('resolves once the request has been written, while its answer is still held', async () => {
    const server = await holdingServer('answer')
    cleanup.push(server.close)
    let request: http.ClientRequest | undefined
    let answered = false
    const { running, sent } = watchFirstRequest(async () => {
      const text = await get(server.url, req => (request = req))
      answered = true
      return text
    })
    await sent
    expect(request?.writableFinished).toBe(true)
    expect(answered).toBe(false)
    await waitFor(() => server.seen() === 1)
    server.release()
    await expect(running).resolves.toBe('answer')
    expect(started()).toBe(false)
  })

  it('watches the first request only', async () => {
    const server = await holdingServer()
    cleanup.push(server.close)
    const { running, sent } = watchFirstRequest(async () => {
      const first = get(server.url)
      const second = get(server.url)
      return Promise.all([first, second])
    })
    await sent
    expect(started()).toBe(false)
    await waitFor(() => server.seen() === 2)
    server.release()
    await expect(running).resolves.toEqual(['{}', '{}'])
  })

  it("resolves when a client of the factory has sent the SDK's request", async () => {
    const server = await holdingServer('{"SecretValues":[],"Errors":[]}')
    cleanup.push(server.close)
    const client = createSecretsManagerClient({
      region: 'us-east-1',
      endpoint: server.url,
      maxAttempts: 1,
      requestTimeoutMs: 10_000,
      credentialsTimeoutMs: 30_000,
      credentials: async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' })
    })
    cleanup.push(async () => client.destroy())
    const requests: http.ClientRequest[] = []
    const capture = (message: unknown) =>
      requests.push((message as { request: http.ClientRequest }).request)
    channel('http.client.request.start').subscribe(capture)
    cleanup.push(async () => void channel('http.client.request.start').unsubscribe(capture))
    const { running, sent } = watchFirstRequest(() =>
      client.send(new BatchGetSecretValueCommand({ SecretIdList: ['a'] }))
    )
    await sent
    expect(requests.map(req => req.writableFinished)).toEqual([true])
    await waitFor(() => server.seen() === 1)
    server.release()
    await expect(running).resolves.toMatchObject({ SecretValues: [] })
  })

  it('resolves when the work settles without a request, and passes its result on', async () => {
    const done = watchFirstRequest(async () => 42)
    await done.sent
    await expect(done.running).resolves.toBe(42)
    const failed = watchFirstRequest(async () => {
      throw new Error('no request')
    })
    await failed.sent
    await expect(failed.running).rejects.toThrow('no request')
    const thrown = watchFirstRequest((): Promise<never> => {
      throw new Error('thrown at once')
    })
    await thrown.sent
    await expect(thrown.running).rejects.toThrow('thrown at once')
    expect(started()).toBe(false)
  })

  it('resolves when the request ends unwritten (nothing listens on the port)', async () => {
    const server = await holdingServer()
    const url = server.url
    await server.close()
    const { running, sent } = watchFirstRequest(() => get(url))
    const outcome = running.then(
      () => 'answered',
      (error: NodeJS.ErrnoException) => error.code
    )
    await sent
    await expect(outcome).resolves.toBe('ECONNREFUSED')
  })
})

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) {
    await new Promise(resolve => setTimeout(resolve, 5))
  }
  expect(condition()).toBe(true)
}

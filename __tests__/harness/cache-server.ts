// A stand-in for the runner's cache service: the v1 REST protocol that @actions/cache 6 speaks
// when ACTIONS_CACHE_SERVICE_V2 is unset (see shared RUNNER.md). It keeps uploaded archives in
// memory and serves them back. No jest imports here: scripts/*.ts may import it through tsx.
import { randomBytes } from 'node:crypto'
import http from 'node:http'
import type net from 'node:net'

export interface CacheEntry {
  id: number
  key: string
  version: string
  size: number
  committed: boolean
}

export interface CacheServer {
  /** The base URL, ending in '/', as the runner gives it in ACTIONS_CACHE_URL. */
  url: string
  /** What a step needs to use this server. */
  env: { ACTIONS_CACHE_URL: string; ACTIONS_RUNTIME_TOKEN: string }
  entries(): CacheEntry[]
  /** The archive bytes of the committed entry with this key. */
  archive(key: string): Buffer | undefined
  /** `METHOD route` of every request, e.g. `GET cache`, `POST caches`, `PATCH caches/1`. */
  requests(): string[]
  /** Answer every API request with this HTTP status (a broken service); undefined to heal. */
  setFailure(status: number | undefined): void
  clear(): void
  stop(): Promise<void>
}

interface Stored extends CacheEntry {
  chunks: { start: number; data: Buffer }[]
  data?: Buffer
}

const API = '/_apis/artifactcache/'

export async function startCacheServer(): Promise<CacheServer> {
  const token = randomBytes(16).toString('hex')
  let stored: Stored[] = []
  let log: string[] = []
  let failure: number | undefined
  let nextId = 1

  const server = http.createServer((req, res) => {
    readBody(req)
      .then(body => route(req, res, body))
      .catch(err => reply(res, 500, { message: String(err) }))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  const base = `http://127.0.0.1:${port}/`

  function route(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): void {
    const url = new URL(req.url ?? '/', base)
    if (req.method === 'GET' && url.pathname.startsWith('/download/')) return download(url, res)
    if (!url.pathname.startsWith(API)) return reply(res, 404, { message: 'not found' })
    const resource = url.pathname.slice(API.length)
    log.push(`${req.method} ${resource}`)
    if (failure !== undefined) return reply(res, failure, { message: 'cache service failure' })
    if (req.headers.authorization !== `Bearer ${token}`) {
      return reply(res, 401, { message: 'bad or missing bearer token' })
    }
    if (req.method === 'GET' && resource === 'cache') return lookup(url, res)
    if (req.method === 'GET' && resource === 'caches') {
      return reply(res, 200, { totalCount: 0, artifactCaches: [] })
    }
    if (req.method === 'POST' && resource === 'caches') return reserve(body, res)
    const id = /^caches\/(\d+)$/.exec(resource)?.[1]
    const entry = stored.find(e => String(e.id) === id)
    if (!entry) return reply(res, 404, { message: `no cache ${id}` })
    if (req.method === 'PATCH') return upload(entry, req, body, res)
    if (req.method === 'POST') return commit(entry, body, res)
    reply(res, 405, { message: 'method not allowed' })
  }

  // As the service: each key in order, an exact match first, then the newest key it prefixes.
  function lookup(url: URL, res: http.ServerResponse): void {
    const keys = (url.searchParams.get('keys') ?? '').split(',')
    const version = url.searchParams.get('version') ?? ''
    const usable = stored.filter(e => e.committed && e.version === version)
    for (const key of keys) {
      const hit =
        usable.find(e => e.key === key) ??
        usable.filter(e => e.key.startsWith(key)).sort((a, b) => b.id - a.id)[0]
      if (hit) {
        const archiveLocation = `${base}download/${hit.id}?sig=${randomBytes(8).toString('hex')}`
        return reply(res, 200, { cacheKey: hit.key, scope: 'refs/heads/main', archiveLocation })
      }
    }
    reply(res, 204)
  }

  function reserve(body: Buffer, res: http.ServerResponse): void {
    const { key, version } = JSON.parse(body.toString('utf8')) as { key: string; version: string }
    if (stored.some(e => e.key === key && e.version === version)) {
      return reply(res, 409, {
        message: `Cache already exists. Scope: refs/heads/main, Key: ${key}`
      })
    }
    const entry: Stored = { id: nextId++, key, version, size: 0, committed: false, chunks: [] }
    stored.push(entry)
    reply(res, 201, { cacheId: entry.id })
  }

  function upload(
    entry: Stored,
    req: http.IncomingMessage,
    body: Buffer,
    res: http.ServerResponse
  ) {
    const range = /^bytes (\d+)-(\d+)\/\*$/.exec(String(req.headers['content-range'] ?? ''))
    if (!range || Number(range[2]) - Number(range[1]) + 1 !== body.length || entry.committed) {
      return reply(res, 400, { message: 'bad Content-Range or cache already committed' })
    }
    entry.chunks.push({ start: Number(range[1]), data: body })
    reply(res, 204)
  }

  function commit(entry: Stored, body: Buffer, res: http.ServerResponse): void {
    const { size } = JSON.parse(body.toString('utf8')) as { size: number }
    const chunks = [...entry.chunks].sort((a, b) => a.start - b.start)
    let offset = 0
    for (const chunk of chunks) {
      if (chunk.start !== offset) return reply(res, 400, { message: 'chunks are not contiguous' })
      offset += chunk.data.length
    }
    if (offset !== size) return reply(res, 400, { message: `got ${offset} bytes, not ${size}` })
    entry.data = Buffer.concat(chunks.map(chunk => chunk.data))
    entry.size = size
    entry.committed = true
    reply(res, 204)
  }

  function download(url: URL, res: http.ServerResponse): void {
    const id = Number(url.pathname.slice('/download/'.length))
    const entry = stored.find(e => e.id === id && e.committed)
    if (!entry?.data) return reply(res, 404, { message: 'no such archive' })
    res.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': entry.data.length
    })
    res.end(entry.data)
  }

  return {
    url: base,
    env: { ACTIONS_CACHE_URL: base, ACTIONS_RUNTIME_TOKEN: token },
    entries: () =>
      stored.map(({ id, key, version, size, committed }) => ({
        id,
        key,
        version,
        size,
        committed
      })),
    archive: key => stored.find(e => e.key === key && e.committed)?.data,
    requests: () => [...log],
    setFailure: status => (failure = status),
    clear: () => {
      stored = []
      log = []
      failure = undefined
    },
    stop: async () => {
      server.closeAllConnections()
      await new Promise(resolve => server.close(resolve))
    }
  }
}

function reply(res: http.ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status)
    res.end()
    return
  }
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text)
  })
  res.end(text)
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

// A reverse proxy in front of moto, used as the action's endpoint-url: counts operations,
// adds latency and injects faults. No jest imports here: scripts/*.ts import it through tsx.
import http from 'node:http'
import type net from 'node:net'

export type Fault =
  | { kind: 'throttle' }
  | { kind: 'denied' }
  | { kind: 'internal' }
  /** AWS's answer to a ClientRequestToken that already names a version of another value. */
  | { kind: 'exists' }
  | { kind: 'reset' }
  | { kind: 'drop-response' }
  /** Forwards, then sends the answer's headers and half its body, and never the rest. */
  | { kind: 'stall-body' }
  | { kind: 'delay'; ms: number }
  /** Forwards, then answers with the server's response body rewritten (a mangling middlebox). */
  | { kind: 'rewrite-response'; rewrite: (body: string) => string }

export interface FaultRequest {
  operation: string
  /** 1-based count of this operation, this request included */
  n: number
  /** count of all requests, this one included */
  total: number
  body: string
  /** The request's headers (Authorization names the access key that signed it). */
  headers: http.IncomingHttpHeaders
}

export type FaultFn = (req: FaultRequest) => Fault | undefined

/** The region a request was signed for, from its SigV4 credential scope ('?' when unsigned). */
export function regionOf(req: Pick<FaultRequest, 'headers'>): string {
  return /Credential=[^/]+\/\d+\/([a-z0-9-]+)\//.exec(String(req.headers.authorization))?.[1] ?? '?'
}

export interface TestProxy {
  endpoint: string
  calls(): Record<string, number>
  total(): number
  resetCounts(): void
  setLatency(ms: number): void
  setFault(fn: FaultFn | undefined): void
  stop(): Promise<void>
}
export type { TestProxy as Proxy }

export interface ProxyOptions {
  target: string
  latencyMs?: number
  fault?: FaultFn
}

interface Incoming {
  req: http.IncomingMessage
  res: http.ServerResponse
  body: Buffer
  operation: string
}

export async function startProxy(opts: ProxyOptions): Promise<TestProxy> {
  const target = new URL(opts.target)
  const agent = new http.Agent({ keepAlive: true })
  let counts: Record<string, number> = {}
  let total = 0
  let latencyMs = opts.latencyMs ?? 0
  let fault = opts.fault

  const handle = async (inc: Incoming) => {
    total++
    const n = (counts[inc.operation] = (counts[inc.operation] ?? 0) + 1)
    const body = inc.body.toString('utf8')
    const f = fault?.({ operation: inc.operation, n, total, body, headers: inc.req.headers })
    if (
      f?.kind === 'throttle' ||
      f?.kind === 'internal' ||
      f?.kind === 'denied' ||
      f?.kind === 'exists'
    ) {
      return sendFault(inc, f.kind)
    }
    if (f?.kind === 'reset') return inc.req.socket.destroy()
    if (f?.kind === 'delay') await sleep(f.ms)
    await sleep(latencyMs)
    await forward(inc, target, agent, f)
  }

  const server = http.createServer((req, res) => {
    readBody(req)
      .then(body => handle({ req, res, body, operation: operationOf(req, body) }))
      .catch(err => replyError(res, 502, String(err)))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo

  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls: () => ({ ...counts }),
    total: () => total,
    resetCounts: () => {
      counts = {}
      total = 0
    },
    setLatency: ms => (latencyMs = ms),
    setFault: fn => (fault = fn),
    stop: async () => {
      server.closeAllConnections()
      await new Promise(resolve => server.close(resolve))
      agent.destroy()
    }
  }
}

/** `secretsmanager.GetSecretValue` -> `GetSecretValue`; query protocol: `Action=`; else `METHOD /path`. */
export function operationOf(req: http.IncomingMessage, body: Buffer | string): string {
  const target = req.headers['x-amz-target']
  if (typeof target === 'string' && target) return target.slice(target.lastIndexOf('.') + 1)
  const url = new URL(req.url ?? '/', 'http://proxy')
  const action = url.searchParams.get('Action') ?? queryAction(req, body)
  return action ?? `${req.method} ${url.pathname}`
}

function queryAction(req: http.IncomingMessage, body: Buffer | string): string | null {
  const type = req.headers['content-type'] ?? ''
  if (!type.startsWith('application/x-www-form-urlencoded')) return null
  return new URLSearchParams(body.toString()).get('Action')
}

function isQueryProtocol(req: http.IncomingMessage): boolean {
  return !req.headers['x-amz-target']
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function forward(
  inc: Incoming,
  target: URL,
  agent: http.Agent,
  fault: Fault | undefined
): Promise<void> {
  return new Promise(resolve => {
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: inc.req.method,
        path: inc.req.url,
        headers: inc.req.headers,
        agent
      },
      up => relay(up, inc, fault).then(resolve)
    )
    upstream.on('error', err => {
      replyError(inc.res, 502, `proxy: upstream error: ${err.message}`)
      resolve()
    })
    upstream.end(inc.body)
  })
}

async function relay(up: http.IncomingMessage, inc: Incoming, fault?: Fault): Promise<void> {
  let body = await readBody(up)
  // drop-response: the write happened upstream, but the client never hears back.
  if (fault?.kind === 'drop-response') return void inc.req.socket.destroy()
  const headers = { ...up.headers }
  if (fault?.kind === 'stall-body') {
    delete headers['transfer-encoding']
    inc.res.writeHead(up.statusCode ?? 502, { ...headers, 'content-length': String(body.length) })
    return void inc.res.write(body.subarray(0, Math.floor(body.length / 2)))
  }
  if (fault?.kind === 'rewrite-response') {
    body = Buffer.from(fault.rewrite(body.toString('utf8')), 'utf8')
    headers['content-length'] = String(body.length)
    delete headers['content-encoding']
    delete headers['transfer-encoding']
  }
  inc.res.writeHead(up.statusCode ?? 502, headers)
  inc.res.end(body)
}

const FAULTS = {
  throttle: { status: 400, json: 'ThrottlingException', query: 'Throttling', msg: 'Rate exceeded' },
  denied: {
    status: 400,
    json: 'AccessDeniedException',
    query: 'AccessDenied',
    msg: 'User is not authorized to perform this action'
  },
  exists: {
    status: 400,
    json: 'ResourceExistsException',
    query: 'EntityAlreadyExists',
    msg: 'You cannot modify an existing version. Use a new ClientRequestToken.'
  },
  internal: {
    status: 500,
    json: 'InternalServiceError',
    query: 'InternalFailure',
    msg: 'Injected internal error'
  }
}

/** A JSON error for JSON-protocol services (Secrets Manager), an XML one for query (STS). */
function sendFault(inc: Incoming, kind: keyof typeof FAULTS): void {
  const f = FAULTS[kind]
  const requestId = `proxy-${Date.now()}`
  if (isQueryProtocol(inc.req)) {
    const type = kind === 'internal' ? 'Receiver' : 'Sender'
    const xml =
      `<ErrorResponse><Error><Type>${type}</Type><Code>${f.query}</Code>` +
      `<Message>${f.msg}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`
    inc.res.writeHead(f.status, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId })
    return void inc.res.end(xml)
  }
  inc.res.writeHead(f.status, {
    'content-type': 'application/x-amz-json-1.1',
    'x-amzn-errortype': f.json,
    'x-amzn-requestid': requestId
  })
  inc.res.end(JSON.stringify({ __type: f.json, message: f.msg }))
}

function replyError(res: http.ServerResponse, status: number, message: string): void {
  if (res.headersSent || res.destroyed) return
  res.writeHead(status, { 'content-type': 'text/plain' })
  res.end(message)
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise(resolve => setTimeout(resolve, ms)) : Promise.resolve()
}

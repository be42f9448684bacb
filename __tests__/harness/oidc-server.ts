// A stand-in for the runner's OIDC token endpoint (see shared RUNNER.md): core.getIDToken GETs
// `<ACTIONS_ID_TOKEN_REQUEST_URL>&audience=<aud>` with `Authorization: Bearer <request token>`
// and reads `{"value": "<jwt>"}`. Records each request; can answer an HTTP error instead.
// No jest imports here: scripts/*.ts may import it through tsx.
import http from 'node:http'
import type net from 'node:net'

export interface TokenRequest {
  path: string
  audience: string | null
  authorization: string | undefined
}

export type TokenReply = { kind: 'token' } | { kind: 'status'; status: number }

export interface OidcServer {
  /** ACTIONS_ID_TOKEN_REQUEST_URL, with a query string as the runner's has. */
  url: string
  /** ACTIONS_ID_TOKEN_REQUEST_TOKEN */
  requestToken: string
  /** Both variables, for a step's env. */
  env(): Record<string, string>
  requests(): TokenRequest[]
  /** The token the server gives for an audience. */
  tokenFor(audience: string): string
  setReply(reply: TokenReply): void
  reset(): void
  stop(): Promise<void>
}

export const TEST_SUBJECT = 'repo:octo-org/octo-repo:ref:refs/heads/main'

export interface OidcOptions {
  subject?: string
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

/** Unsigned but JWT-shaped: header.claims.signature, with the claims GitHub puts in. */
export function jwtFor(audience: string, subject = TEST_SUBJECT): string {
  const claims = {
    iss: 'https://token.actions.githubusercontent.com',
    aud: audience,
    sub: subject,
    repository: 'octo-org/octo-repo',
    run_id: '4242'
  }
  return `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url(claims)}.c2lnbmF0dXJlLW5vdC1jaGVja2Vk`
}

export async function startOidcServer(opts: OidcOptions = {}): Promise<OidcServer> {
  const requestToken = 'runtime-request-token-0f3a9c'
  let requests: TokenRequest[] = []
  let reply: TokenReply = { kind: 'token' }
  const tokenFor = (audience: string) => jwtFor(audience, opts.subject)

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://oidc')
    const audience = url.searchParams.get('audience')
    requests.push({ path: url.pathname, audience, authorization: req.headers.authorization })
    if (reply.kind === 'status') {
      res.writeHead(reply.status, { 'content-type': 'application/json' })
      return void res.end(JSON.stringify({ message: `injected HTTP ${reply.status}` }))
    }
    if (req.headers.authorization !== `Bearer ${requestToken}`) {
      res.writeHead(401, { 'content-type': 'application/json' })
      return void res.end(JSON.stringify({ message: 'bad request token' }))
    }
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ value: tokenFor(audience ?? '') }))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  const url = `http://127.0.0.1:${port}/idtoken/run-4242?api-version=2.0`

  return {
    url,
    requestToken,
    env: () => ({
      ACTIONS_ID_TOKEN_REQUEST_URL: url,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken
    }),
    requests: () => [...requests],
    tokenFor,
    setReply: next => (reply = next),
    reset: () => {
      requests = []
      reply = { kind: 'token' }
    },
    stop: async () => {
      server.closeAllConnections()
      await new Promise(resolve => server.close(resolve))
    }
  }
}

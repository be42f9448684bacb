// The real moto server (Python) over HTTP, as the AWS peer of tests, benchmarks and demos.
// No jest imports here: scripts/*.ts import this file through tsx.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import net from 'node:net'
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { findMotoServer } from '../../scripts/bootstrap.mjs'

export interface MotoServer {
  endpoint: string
  port: number
  pid: number
  reset(): Promise<void>
  config(body: unknown): Promise<void>
  stop(): Promise<void>
}

export interface MotoOptions {
  env?: Record<string, string>
}

const READY_TIMEOUT_MS = 30_000
const INSTALL_HINT = 'node scripts/bootstrap.mjs --moto (it installs moto into .venv)'

export async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const { port } = server.address() as net.AddressInfo
  await new Promise(resolve => server.close(resolve))
  return port
}

export async function startMoto(opts: MotoOptions = {}): Promise<MotoServer> {
  const command = motoCommand()
  let lastError: unknown
  // A free port can be taken between the probe and moto's bind: try a few ports.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(command, await freePort(), opts.env ?? {})
    } catch (err) {
      lastError = err
      if (!(err instanceof MotoExitedError)) throw err
    }
  }
  throw lastError
}

class MotoExitedError extends Error {}

async function startOnce(
  command: string[],
  port: number,
  env: Record<string, string>
): Promise<MotoServer> {
  const [bin, ...args] = command
  const child = spawn(bin, [...args, '-H', '127.0.0.1', '-p', String(port)], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PYTHONUNBUFFERED: '1', ...env }
  })
  const tail = captureTail(child)
  const endpoint = `http://127.0.0.1:${port}`
  const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)))
  const killOnExit = () => killGroup(child.pid!, 'SIGKILL')
  process.once('exit', killOnExit)
  try {
    await waitReady(endpoint, exited, tail)
  } catch (err) {
    killGroup(child.pid!, 'SIGKILL')
    process.removeListener('exit', killOnExit)
    throw err
  }
  const stop = async () => {
    process.removeListener('exit', killOnExit)
    await stopChild(child, exited)
  }
  return {
    endpoint,
    port,
    pid: child.pid!,
    reset: () => motoPost(endpoint, '/moto-api/reset'),
    config: body => motoPost(endpoint, '/moto-api/config', JSON.stringify(body)),
    stop
  }
}

function captureTail(child: ChildProcess): () => string {
  let text = ''
  const keep = (chunk: Buffer) => {
    text = (text + chunk.toString('utf8')).slice(-4000)
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  return () => text
}

async function waitReady(
  endpoint: string,
  exited: Promise<number | null>,
  tail: () => string
): Promise<void> {
  let exitCode: number | null | undefined
  void exited.then(code => (exitCode = code ?? -1))
  const deadline = Date.now() + READY_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new MotoExitedError(
        `moto_server exited (code ${exitCode}) before it was ready:\n${tail()}`
      )
    }
    if (await answers(`${endpoint}/moto-api/`)) return
    await sleep(100)
  }
  throw new Error(`moto_server did not answer on ${endpoint} within 30 s. Its output:\n${tail()}`)
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) })
    await res.arrayBuffer()
    return res.ok
  } catch {
    return false
  }
}

async function motoPost(endpoint: string, route: string, body?: string): Promise<void> {
  const res = await fetch(`${endpoint}${route}`, { method: 'POST', body })
  const text = await res.text()
  if (!res.ok) throw new Error(`POST ${route} failed: HTTP ${res.status} ${text.slice(0, 500)}`)
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  killGroup(child.pid!, 'SIGTERM')
  const timer = setTimeout(() => killGroup(child.pid!, 'SIGKILL'), 5000)
  await exited
  clearTimeout(timer)
  // The exit of the leader does not prove its children are gone: sweep the group.
  killGroup(child.pid!, 'SIGKILL')
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch {
    // already gone
  }
}

/**
 * The command that starts moto: `moto_server` on PATH or in the project's .venv (where
 * scripts/bootstrap.mjs installs it), else the module of a python3 that has it.
 */
function motoCommand(): string[] {
  const server = findMotoServer()
  if (server) return [server]
  // pip may have put the script outside PATH (e.g. ~/.local/bin): the module still works.
  const probe = spawnSync('python3', ['-c', 'import moto.server, flask'], { stdio: 'ignore' })
  if (probe.status === 0) return ['python3', '-m', 'moto.server']
  throw new Error(`moto_server is not on PATH nor in .venv. Run: ${INSTALL_HINT}`)
}

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms))
}

export interface TestCredentials {
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
}

/** An SDK client for seeding and inspecting moto: dummy credentials, us-east-1, no retries. */
export function testClient(
  endpoint: string,
  opts: { region?: string; credentials?: TestCredentials } = {}
): SecretsManagerClient {
  return new SecretsManagerClient({
    endpoint,
    region: opts.region ?? 'us-east-1',
    credentials: opts.credentials ?? { accessKeyId: 'testing', secretAccessKey: 'testing' },
    maxAttempts: 1
  })
}

export interface SeedItem {
  name: string
  value: string | Uint8Array
  description?: string
}

export interface SeededSecret {
  name: string
  arn: string
  versionId: string
}

/** CreateSecret for each item, 20 at a time. A string value is SecretString, bytes SecretBinary. */
export async function seedSecrets(
  client: SecretsManagerClient,
  items: SeedItem[]
): Promise<SeededSecret[]> {
  const seeded: SeededSecret[] = []
  for (let i = 0; i < items.length; i += 20) {
    seeded.push(...(await Promise.all(items.slice(i, i + 20).map(item => seedOne(client, item)))))
  }
  return seeded
}

async function seedOne(client: SecretsManagerClient, item: SeedItem): Promise<SeededSecret> {
  const value =
    typeof item.value === 'string' ? { SecretString: item.value } : { SecretBinary: item.value }
  const command = new CreateSecretCommand({
    Name: item.name,
    Description: item.description,
    ...value
  })
  for (let attempt = 1; ; attempt++) {
    try {
      const out = await client.send(command)
      return { name: item.name, arn: out.ARN!, versionId: out.VersionId! }
    } catch (error) {
      // moto's threaded server now and then answers a burst of parallel creates with an HTML
      // HTTP 500 (seen while seeding 1000 secrets); the create did not happen, so try again.
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata
        ?.httpStatusCode
      if (attempt >= 3 || status === undefined || status < 500) throw error
    }
  }
}

// Jest glue: one moto server per test file, state reset before each test, and cleanup of
// runStep's temp dirs (the jest sandbox never sees process 'exit').
import { afterAll, afterEach, beforeAll, beforeEach, jest } from '@jest/globals'
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { startMoto, testClient, type MotoOptions, type MotoServer } from './moto.js'
import { removeTempDirs } from './runner.js'

export interface MotoHandle {
  readonly endpoint: string
  readonly server: MotoServer
  readonly client: SecretsManagerClient
}

/** Removes runStep's temp dirs after the file's tests (useMoto does it too). */
export function useTempCleanup(): void {
  afterAll(() => removeTempDirs())
}

/** Call at the top level of a test file (or a describe), before hooks that use the handle. */
export function useMoto(opts?: MotoOptions): MotoHandle {
  let server: MotoServer | undefined
  let client: SecretsManagerClient | undefined

  beforeAll(async () => {
    server = await startMoto(opts)
    client = testClient(server.endpoint)
  }, 60_000)
  beforeEach(async () => {
    await ready().reset()
  })
  afterAll(async () => {
    client?.destroy()
    await server?.stop()
    removeTempDirs()
  })

  function ready(): MotoServer {
    if (!server)
      throw new Error('useMoto: moto is not started yet (use the handle inside hooks or tests)')
    return server
  }
  return {
    get endpoint() {
      return ready().endpoint
    },
    get server() {
      return ready()
    },
    get client() {
      ready()
      return client!
    }
  }
}

/** Captures what the code under test prints (masks, workflow commands) instead of showing it. */
export function useCapturedStdout(): { text(): string } {
  let chunks: string[] = []
  beforeEach(() => {
    chunks = []
    jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
      chunks.push(String(chunk))
      return true
    })
  })
  afterEach(() => {
    jest.restoreAllMocks()
  })
  return { text: () => chunks.join('') }
}

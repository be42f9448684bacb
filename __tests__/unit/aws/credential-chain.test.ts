// The bundle's credential chain against the SDK's own, over the environments a runner can have.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { defaultProvider as sdkDefaultProvider } from '@aws-sdk/credential-provider-node'
import fc from 'fast-check'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { defaultProvider } from '../../../src/aws/credential-chain.js'

// What the chain may fall back to, all local: profiles in a file, nothing remote.
const FIXED: Record<string, string | undefined> = {
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONTAINER_CREDENTIALS_FULL_URI: undefined,
  AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: undefined,
  AWS_WEB_IDENTITY_TOKEN_FILE: undefined,
  AWS_ROLE_ARN: undefined,
  AWS_CONFIG_FILE: '/nonexistent/config'
}

let saved: NodeJS.ProcessEnv
let dir: string
beforeAll(() => {
  saved = { ...process.env }
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sma-chain-'))
  const file = path.join(dir, 'credentials')
  fs.writeFileSync(
    file,
    '[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = default-secret\n' +
      '[ci]\naws_access_key_id = AKIDCI\naws_secret_access_key = ci-secret\n'
  )
  FIXED.AWS_SHARED_CREDENTIALS_FILE = file
  // The SDK warns (once) of a profile named beside keys in the environment.
  jest.spyOn(console, 'warn').mockImplementation(() => {})
})
afterAll(() => {
  process.env = saved
  fs.rmSync(dir, { recursive: true, force: true })
  jest.restoreAllMocks()
})

function setEnv(values: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries({ ...FIXED, ...values })) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
}

/** The credentials a provider gives, or the message it fails with. */
async function outcome(provider: () => Promise<unknown>): Promise<unknown> {
  try {
    return { credentials: await provider() }
  } catch (error) {
    return { error: (error as Error).message }
  }
}

const value = fc.option(fc.constantFrom('', 'AKIDENV', 'env-secret', '2030-01-01T00:00:00Z'), {
  nil: undefined
})
const environment = fc.record({
  AWS_ACCESS_KEY_ID: value,
  AWS_SECRET_ACCESS_KEY: value,
  AWS_SESSION_TOKEN: value,
  AWS_CREDENTIAL_EXPIRATION: fc.option(fc.constant('2030-01-01T00:00:00Z'), { nil: undefined }),
  AWS_ACCOUNT_ID: fc.option(fc.constant('123456789012'), { nil: undefined }),
  AWS_PROFILE: fc.option(fc.constantFrom('', 'ci', 'default', 'missing'), { nil: undefined })
})

describe('the bundle’s default credential chain', () => {
  it('gives what the SDK’s chain gives, in every environment', async () => {
    await fc.assert(
      fc.asyncProperty(environment, fc.boolean(), async (env, namedInInit) => {
        setEnv(env)
        const init = namedInInit ? { profile: 'ci' } : {}
        const ours = await outcome(defaultProvider(init))
        const sdk = await outcome(sdkDefaultProvider(init))
        expect(ours).toEqual(sdk)
      }),
      { numRuns: 150 }
    )
  })

  it('answers from keys in the environment', async () => {
    setEnv({ AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: 'env-secret', AWS_PROFILE: '' })
    await expect(defaultProvider()()).resolves.toMatchObject({
      accessKeyId: 'AKIDENV',
      secretAccessKey: 'env-secret'
    })
  })

  it('leaves keys in the environment alone when a profile is named, as the SDK does', async () => {
    setEnv({ AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: 'env-secret', AWS_PROFILE: 'ci' })
    await expect(defaultProvider()()).resolves.toMatchObject({ accessKeyId: 'AKIDCI' })
  })
})

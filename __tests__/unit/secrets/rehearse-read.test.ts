// The read rehearsal (src/secrets/read.ts): a BatchGetSecretValue through a client that answers
// itself. It must go all the way through the SDK (else it warms nothing), and leave no trace:
// no request, no socket, no line, no mask.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { subscribe, unsubscribe } from 'node:diagnostics_channel'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { masker } from '../../../src/output/mask.js'
import { rehearseBatchRead } from '../../../src/secrets/read.js'

const CHANNELS = ['http.client.request.start', 'net.client.socket', 'undici:request:create']
const seen: string[] = []
const listeners = CHANNELS.map(name => [name, () => seen.push(name)] as const)
let written: string[]

beforeEach(() => {
  seen.length = 0
  written = []
  for (const [name, listener] of listeners) subscribe(name, listener)
  // stdout: where workflow commands go (stderr is checked end to end: jest writes there).
  jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    written.push(String(chunk))
    return true
  })
  masker.reset()
})

afterEach(() => {
  for (const [name, listener] of listeners) unsubscribe(name, listener)
  jest.restoreAllMocks()
})

const value = {
  arn: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:made-up-AbCdEf',
  name: 'made-up',
  versionId: '00000000-0000-0000-0000-000000000000',
  data: '{"key":"made-up value"}'
}

describe('rehearseBatchRead', () => {
  it('reads a made-up secret through the SDK, with no request, no line and no mask', async () => {
    await expect(rehearseBatchRead(value)).resolves.toBeUndefined()
    expect(seen).toEqual([])
    expect(written).toEqual([])
    expect(masker.redact('made-up value')).toBe('made-up value')
  })

  it('reads no setting from the environment or config files (red team round 12)', async () => {
    // defaults_mode = auto would send the SDK to EC2's instance metadata for a region (port 9
    // here: a regression shows as a socket, not a hang); an app id over 50 characters is warned of.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-read-'))
    const config = path.join(dir, 'config')
    fs.writeFileSync(config, `[default]\ndefaults_mode = auto\nsdk_ua_app_id = ${'a'.repeat(60)}\n`)
    const saved = { ...process.env }
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      delete process.env.AWS_EC2_METADATA_DISABLED
      Object.assign(process.env, {
        AWS_CONFIG_FILE: config,
        AWS_DEFAULTS_MODE: 'auto',
        AWS_EC2_METADATA_SERVICE_ENDPOINT: 'http://127.0.0.1:9',
        AWS_SDK_UA_APP_ID: 'b'.repeat(60),
        AWS_USE_FIPS_ENDPOINT: 'true'
      })
      await expect(rehearseBatchRead(value)).resolves.toBeUndefined()
      expect(seen).toEqual([])
      expect(warn).not.toHaveBeenCalled()
      expect(written).toEqual([])
    } finally {
      process.env = saved
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

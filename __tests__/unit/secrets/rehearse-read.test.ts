// The read rehearsal (src/secrets/read.ts): a BatchGetSecretValue through a client that answers
// itself. It must go all the way through the SDK (else it warms nothing), and leave no trace:
// no request, no socket, no line, no mask.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { subscribe, unsubscribe } from 'node:diagnostics_channel'
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

describe('rehearseBatchRead', () => {
  it('reads a made-up secret through the SDK, with no request, no line and no mask', async () => {
    const value = {
      arn: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:made-up-AbCdEf',
      name: 'made-up',
      versionId: '00000000-0000-0000-0000-000000000000',
      data: '{"key":"made-up value"}'
    }
    await expect(rehearseBatchRead(value)).resolves.toBeUndefined()
    expect(seen).toEqual([])
    expect(written).toEqual([])
    expect(masker.redact('made-up value')).toBe('made-up value')
  })
})

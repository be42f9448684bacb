// fetch's rehearsal (src/modes/fetch.ts): the made-up answer goes through run's own shaping for
// every kind of secret-ids line and export setting, so the real answer meets compiled code.
import { describe, expect, it } from '@jest/globals'
import { Inputs } from '../../../src/inputs/reader.js'
import { fetchMode } from '../../../src/modes/fetch.js'

const LINES = [
  'app/db',
  'DB,app/db',
  'arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/db-AbCdEf',
  'app/*',
  'APP,app/*',
  'tag:team=web'
]

const configOf = (inputs: Record<string, string>) =>
  fetchMode.parse(new Inputs(name => inputs[name] ?? ''))

const rehearsal = (config: ReturnType<typeof configOf>) => {
  if (!fetchMode.rehearsal) throw new Error('fetch has no rehearsal')
  return fetchMode.rehearsal(config)
}

describe('fetch rehearsal', () => {
  for (const line of LINES) {
    for (const parseJson of ['false', 'true']) {
      it(`shapes a made-up answer for '${line}' (parse-json-secrets: ${parseJson})`, async () => {
        const config = configOf({ 'secret-ids': line, 'parse-json-secrets': parseJson })
        const emission = await rehearsal(config)
        expect(emission.outputs?.count).toBe('1')
        expect(emission.summary?.heading).toBe('Fetched 1 secret')
        // A JSON answer parsed: its key becomes a variable of its own beside the whole value.
        expect((emission.secrets ?? []).length).toBe(parseJson === 'true' ? 2 : 1)
        expect(emission.secrets?.every(target => target.value !== '')).toBe(true)
      })
    }
  }
})

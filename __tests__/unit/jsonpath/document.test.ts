import { describe, expect, it } from '@jest/globals'
import { parseJsonSecret } from '../../../src/jsonpath/document.js'
import { ActionError } from '../../../src/errors.js'

function refusal(data: string | Uint8Array): string {
  try {
    parseJsonSecret(data, 'app/conf')
  } catch (error) {
    expect(error).toBeInstanceOf(ActionError)
    return (error as Error).message
  }
  throw new Error('parsed')
}

describe('parseJsonSecret', () => {
  it('parses JSON values of every kind', () => {
    expect(parseJsonSecret('{"a":[1,true,null]}', 's')).toEqual({ a: [1, true, null] })
    expect(parseJsonSecret('"text"', 's')).toBe('text')
    expect(parseJsonSecret(' 42 ', 's')).toBe(42)
  })

  it('refuses text that is not JSON without quoting any of it', () => {
    // JSON.parse's own messages quote the text: `Unexpected token 'h', "hunter2-pa"... is not valid JSON`
    for (const value of [
      'hunter2-password',
      '{"user":"admin","pw":s3cr3t-pw}',
      'user=admin\npw=x'
    ]) {
      const message = refusal(value)
      expect(message).toMatch(/Secret 'app\/conf' is not valid JSON/)
      for (const piece of ['hunter2', 'admin', 's3cr3t-pw', 'user=', 'pw=']) {
        expect(message).not.toContain(piece)
      }
    }
  })

  it('says where the JSON breaks, by position only, when JSON.parse tells it', () => {
    expect(refusal('{"a":"b"}trailing-text')).toMatch(/syntax error at character 10\b/)
    expect(refusal('{"pw":"unterminated')).toMatch(/character 20\b/)
    expect(refusal('{"pw":')).toMatch(/ends too early/)
  })

  it('refuses a binary or empty secret', () => {
    expect(refusal(new Uint8Array([123, 125]))).toMatch(/binary secret/)
    expect(refusal('  ')).toMatch(/is empty/)
  })
})

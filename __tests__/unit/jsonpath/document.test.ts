import { describe, expect, it } from '@jest/globals'
import { parseJsonSecret, writtenAt } from '../../../src/jsonpath/document.js'
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
    expect(parseJsonSecret('{"a":[1,true,null]}', 's').plain).toEqual({ a: [1, true, null] })
    expect(parseJsonSecret('"text"', 's').plain).toBe('text')
    expect(parseJsonSecret(' 42 ', 's').plain).toBe(42)
  })

  it('keeps each number as written beside the value queries compare', () => {
    const document = parseJsonSecret('{"n":[1e400, 1.50]}', 's')
    expect(document.plain).toEqual({ n: [Infinity, 1.5] })
    expect(String(writtenAt(document, ['n', 0]))).toBe('1e400')
    expect(String(writtenAt(document, ['n', 1]))).toBe('1.50')
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

  it('says where the JSON breaks, by 1-based line and column only', () => {
    expect(refusal('{"a":"b"}trailing-text')).toMatch(/at line 1, column 10:/)
    expect(refusal('{"a":1,}')).toMatch(/at line 1, column 8:/)
    expect(refusal('{\n"a": nope}')).toMatch(/at line 2, column 6:/)
    expect(refusal('{"pw":"unterminated')).toMatch(/ends too early/)
    expect(refusal('{"pw":')).toMatch(/column 7/)
  })

  it('refuses a document nested too deeply, naming the secret and the depth', () => {
    const deep = '['.repeat(3000) + ']'.repeat(3000)
    expect(refusal(deep)).toMatch(/^Secret 'app\/conf' nests 3000 levels deep; at most 1000/)
  })

  it('refuses a binary or empty secret', () => {
    expect(refusal(new Uint8Array([123, 125]))).toMatch(/binary secret/)
    expect(refusal('  ')).toMatch(/is empty/)
  })
})

import { describe, expect, it } from '@jest/globals'
import {
  jsonLeaves,
  Masker,
  maskForms,
  maskUrlPassword,
  withoutUserInfo
} from '../../../src/output/mask.js'

describe('maskForms', () => {
  it('registers the whole value and each line of a multi-line value', () => {
    const pem = '-----BEGIN KEY-----\nAAAA\r\nBBBB\n-----END KEY-----'
    const forms = maskForms(pem)
    expect(forms).toEqual(expect.arrayContaining([pem, '-----BEGIN KEY-----', 'AAAA', 'BBBB']))
  })

  it('registers numbers as written, beyond what JavaScript numbers keep', () => {
    const forms = maskForms('{"id":12345678901234567891,"ratio":1.50,"name":"x 42"}')
    expect(forms).toEqual(expect.arrayContaining(['12345678901234567891', '1.50']))
    expect(forms).not.toContain('42')
  })

  it('does not register lines of a multi-line value that are only punctuation', () => {
    const forms = maskForms('{\n  "password": "pw-9"\n}')
    expect(forms).not.toContain('{')
    expect(forms).not.toContain('}')
    expect(forms).toEqual(expect.arrayContaining(['  "password": "pw-9"', 'pw-9']))
  })

  it('registers each JSON leaf, nested and in arrays, numbers as text', () => {
    const forms = maskForms('{"a":{"b":"deep"},"list":["x1",{"y":"y2"}],"n":42,"t":true,"z":null}')
    expect(forms).toEqual(expect.arrayContaining(['deep', 'x1', 'y2', '42', 'true']))
    expect(forms).not.toContain('null')
  })

  it('registers the JSON-escaped form of values with characters JSON escapes', () => {
    expect(maskForms('pa"ss\\word')).toEqual(
      expect.arrayContaining(['pa"ss\\word', 'pa\\"ss\\\\word'])
    )
    expect(maskForms('line1\nline2')).toContain('line1\\nline2')
  })

  it('registers binary values as base64, and as text when they are UTF-8', () => {
    expect(maskForms(new Uint8Array([0, 255, 1]))).toEqual(['AP8B'])
    expect(maskForms(Buffer.from('hello-binary'))).toEqual(['aGVsbG8tYmluYXJ5', 'hello-binary'])
  })

  it('skips blank values and blank lines', () => {
    expect(maskForms('')).toEqual([])
    expect(maskForms('a1\n\n  \nb2')).toEqual(['a1\n\n  \nb2', 'a1\\n\\n  \\nb2', 'a1', 'b2'])
  })
})

describe('jsonLeaves', () => {
  it('is empty for anything that is not a JSON object or array', () => {
    expect(jsonLeaves('plain')).toEqual([])
    expect(jsonLeaves('{broken')).toEqual([])
    expect(jsonLeaves('"a string"')).toEqual([])
  })
})

describe('Masker', () => {
  it('registers each form once, and redacts registered values from text', () => {
    const registered: string[] = []
    const masker = new Masker(value => registered.push(value))
    masker.add('s3cret-value')
    masker.add('s3cret-value')
    expect(registered).toEqual(['s3cret-value'])
    expect(masker.redact('error near s3cret-value!')).toBe('error near ***!')
  })

  it('redacts values with regular-expression characters literally', () => {
    const masker = new Masker(() => undefined)
    masker.add('a.b*c(d)[e]$')
    expect(masker.redact('x a.b*c(d)[e]$ y aXbbc')).toBe('x *** y aXbbc')
  })

  it('leaves very short forms to the runner instead of garbling messages', () => {
    const masker = new Masker(() => undefined)
    masker.add('{"port":5432,"on":true,"password":"hunter22"}')
    expect(masker.redact('1 secret, port 5432, hunter22')).toBe('1 secret, port ***, ***')
  })
})

describe('URL credentials', () => {
  it('registers the password of a URL, encoded and decoded, and nothing for none', () => {
    const added: string[] = []
    const target = new Masker(value => added.push(value))
    maskUrlPassword('http://ci:p%40ss-word@proxy:3128', target)
    maskUrlPassword('http://proxy:3128', target)
    maskUrlPassword('not a url', target)
    expect(added).toEqual(['p%40ss-word', 'p@ss-word'])
  })

  it('hides user info in text for messages', () => {
    expect(withoutUserInfo('http://ci:pw@proxy:3128/x')).toBe('http://***@proxy:3128/x')
    expect(withoutUserInfo('http://ci:p/w@proxy host')).toBe('http://***@proxy host')
    expect(withoutUserInfo('https://proxy:3128')).toBe('https://proxy:3128')
  })
})

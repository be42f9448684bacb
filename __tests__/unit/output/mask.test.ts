import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  jsonLeaves,
  Masker,
  maskForms,
  maskUrlPassword,
  Unmasked,
  unmaskedName,
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
    expect(forms).toEqual(expect.arrayContaining(['deep', 'x1', 'y2', '42']))
  })

  it('never registers true, false or null leaves', () => {
    const forms = maskForms('{"t":true,"f":false,"z":null,"list":[true,null],"pw":"pw-1"}')
    expect(forms).not.toEqual(expect.arrayContaining(['true']))
    expect(forms.filter(f => ['true', 'false', 'null'].includes(f))).toEqual([])
    expect(forms).toContain('pw-1')
  })

  it('registers every non-blank line except lines made only of JSON structure', () => {
    const forms = maskForms('user=deploy\n!@#$%^&*()_+\nend\n  },\n[ ] :\n--')
    expect(forms).toEqual(expect.arrayContaining(['!@#$%^&*()_+', 'end', '--']))
    expect(forms).not.toContain('  },')
    expect(forms).not.toContain('[ ] :')
  })

  it('registers every value of a duplicate key, and numbers as written and as printed', () => {
    const forms = maskForms('{"pw":"first-pw","pw":"second-pw","big":1e400,"r":1.50,"t":1e-400}')
    expect(forms).toEqual(
      expect.arrayContaining(['first-pw', 'second-pw', '1e400', '1.50', '1.5', '1e-400'])
    )
    expect(forms).not.toContain('Infinity')
    expect(forms).not.toContain('0')
  })

  it('walks JSON 10,000 levels deep without recursion', () => {
    const deep = '{"a":'.repeat(10_000) + '"deep-leaf"' + '}'.repeat(10_000)
    expect(maskForms(deep)).toContain('deep-leaf')
    const arrays = '['.repeat(10_000) + '12345' + ']'.repeat(10_000)
    expect(jsonLeaves(arrays)).toEqual(['12345'])
  })

  it('keeps short leaves under keys not declared unmasked (a PIN)', () => {
    expect(maskForms('{"pin":"042","n":7}')).toEqual(expect.arrayContaining(['042', '7']))
  })

  it('leaves the leaves under unmasked keys alone, and still registers the whole value', () => {
    const value = '{"db":{"host":"db.internal","port":5432,"user":"u","pw":"pw-99"}}'
    const forms = maskForms(value, new Unmasked(['HOST', 'db.port', 'DB_USER']))
    expect(forms).toEqual(expect.arrayContaining([value, 'pw-99']))
    expect(forms).not.toContain('db.internal')
    expect(forms).not.toContain('5432')
    expect(forms).not.toContain('u')
    // The same leaves, without the declaration, are masked.
    expect(maskForms(value)).toEqual(expect.arrayContaining(['db.internal', '5432', 'u']))
  })

  it('matches unmasked names by key, path suffix or env name, everything under them included', () => {
    const unmasked = new Unmasked(['servers'])
    const forms = maskForms('{"servers":[{"host":"a-host"},"b-host"],"pw":"pw-x"}', unmasked)
    expect(forms).not.toContain('a-host')
    expect(forms).not.toContain('b-host')
    expect(forms).toContain('pw-x')
    expect(new Unmasked(['app.db-host']).matches(['APP'], 'DB_HOST')).toBe(true)
    expect(new Unmasked(['host']).matches(['DB'], 'HOSTNAME')).toBe(false)
    expect(new Unmasked(['db_host']).matches([], 'HOST')).toBe(false)
  })

  it('folds only ASCII letters: a look-alike key stays masked', () => {
    const value = '{"hoſt":"long-s-value-1","paß":"eszett-value-2","ıd":"dotless-value-3"}'
    const forms = maskForms(value, new Unmasked(['host', 'pass', 'id']))
    expect(forms).toEqual(
      expect.arrayContaining(['long-s-value-1', 'eszett-value-2', 'dotless-value-3'])
    )
    expect(maskForms('{"Straße":"street-value-4"}', new Unmasked(['straße']))).not.toContain(
      'street-value-4'
    )
  })

  it('keeps every non-ASCII letter of a name as written (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), text => {
        const nonAscii = (s: string) => [...s].filter(c => c > '\x7f' && /\p{L}|\p{N}/u.test(c))
        expect(nonAscii(unmaskedName(text))).toEqual(nonAscii(text))
      })
    )
  })

  it('registers the JSON-escaped form of values with characters JSON escapes', () => {
    expect(maskForms('pa"ss\\word')).toEqual(
      expect.arrayContaining(['pa"ss\\word', 'pa\\"ss\\\\word'])
    )
    expect(maskForms('line1\nline2')).toContain('line1\\nline2')
  })

  it('registers binary values as base64, and as text when they are UTF-8', () => {
    expect(maskForms(Buffer.from('hello-binary'))).toEqual(['aGVsbG8tYmluYXJ5', 'hello-binary'])
  })

  it('registers the text lines of binary values that are not UTF-8', () => {
    // A key file with one stray byte: `cat` in a later step prints its lines as text.
    const pem = '-----BEGIN KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END KEY-----\n'
    const bytes = Buffer.concat([Buffer.from(pem), Buffer.from([0xff])])
    const forms = maskForms(bytes)
    expect(forms).toContain(bytes.toString('base64'))
    expect(forms).toContain('MIIEvQIBADANBgkqhkiG9w0BAQEFAASC')
    expect(forms).toContain('-----BEGIN KEY-----')
    // Latin-1 text: the ASCII lines show as they are.
    const latin1 = Buffer.from('user=d\xe9ploy\npassword=Hunter2-latin\n', 'latin1')
    expect(maskForms(latin1)).toContain('password=Hunter2-latin')
    // Random bytes: no line too short to be anything but noise.
    const noise = Buffer.from([
      0xff, 0x0a, 0x65, 0x0a, 0x41, 0x42, 0x0a, 0xfe, 0x41, 0x42, 0x43, 0x44
    ])
    const lines = maskForms(noise).filter(form => !form.includes('\n'))
    expect(lines).not.toContain('e')
    expect(lines).not.toContain('AB')
    expect(lines).toContain('\ufffdABCD')
  })

  it('registers a value under an unmasked key nested 6,000 levels deep without throwing', () => {
    const deep = '['.repeat(6000) + '"pw-deep-1"' + ']'.repeat(6000)
    const value = `{"cfg":${deep},"pw":"pw-top-1"}`
    const forms = maskForms(value, new Unmasked(['cfg']))
    expect(forms).toContain(value)
    expect(forms).toContain('pw-top-1')
  })

  it('registers an unmasked container as it is exported: JSON escapes in its strings decoded', () => {
    const value = '{"hosts":["db\\/1","caf\\u00e9"],"port":5432.0,"pw":"pw-esc-1"}'
    const forms = maskForms(value, new Unmasked(['hosts', 'port']))
    expect(forms).not.toContain('db/1')
    expect(forms).not.toContain('café')
    expect(forms).toContain('pw-esc-1')
    const registered: string[] = []
    const masker = new Masker(form => registered.push(form))
    masker.unmask(new Unmasked(['hosts', 'port']))
    masker.add(value)
    const before = registered.length
    masker.addEmitted('["db/1","café"]') // HOSTS, as output/json.ts's jsonText writes it
    expect(registered.length).toBe(before)
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

  it('redacts 64 KiB values and hundreds of forms without one giant pattern', () => {
    const masker = new Masker(() => undefined)
    const big = 'B'.repeat(65_536)
    const json = JSON.stringify(
      Object.fromEntries(Array.from({ length: 800 }, (_, i) => [`k${i}`, `value-${i}-x`]))
    )
    masker.add(big)
    masker.add(json)
    expect(masker.redact(`a ${big} b value-7-x c`)).toBe('a *** b *** c')
  })

  it('redacts leftmost-longest: a value whole before any part of it', () => {
    const masker = new Masker(() => undefined)
    masker.add('abcd')
    masker.add('abcdefgh')
    masker.add('cdefgh-x')
    expect(masker.redact('zabcdefghz abcd')).toBe('z***z ***')
  })

  it('keeps exported leaves plain that the value they came from left plain, and no others', () => {
    const registered: string[] = []
    const target = new Masker(value => registered.push(value))
    target.unmask(new Unmasked(['host', 'servers']))
    target.add('{"host":"db.internal","on":true,"servers":["s-1"],"pw":"pw-123"}')
    for (const leaf of ['db.internal', 'true', '["s-1"]', 's-1', 'pw-123']) target.addEmitted(leaf)
    expect(registered).toContain('pw-123')
    for (const leaf of ['db.internal', 'true', '["s-1"]', 's-1'])
      expect(registered).not.toContain(leaf)
    // A value that arrives on its own is registered whatever another value's leaves were.
    target.add('db.internal')
    expect(registered).toContain('db.internal')
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
    expect(withoutUserInfo('http//user:Pr0xy-Pa55w0rd@proxy:3128')).toBe('***@proxy:3128')
    expect(withoutUserInfo('http://u:p@ss@w@rd@proxy')).toBe('http://***@proxy')
    expect(withoutUserInfo('https://sm.local/?sig=abc@def123secret')).toBe('https://sm.local/')
    expect(withoutUserInfo('https://u:pw@sm.local/x#t@k')).toBe('https://***@sm.local/x')
  })
})

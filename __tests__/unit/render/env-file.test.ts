import { describe, expect, it } from '@jest/globals'
import { parse as parseDotenv } from 'dotenv'
import fc from 'fast-check'
import { dotenvLine, formatEntries } from '../../../src/render/env-file.js'

const name = fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,15}$/)
const value = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({
    unit: fc.constantFrom(
      'a',
      ' ',
      '\n',
      '\r',
      "'",
      '"',
      '`',
      '\\',
      'n',
      '#',
      '=',
      '$',
      '\u2028',
      '\u00a0',
      '\ufeff',
      '\t'
    )
  })
)

describe('format dotenv', () => {
  it('parses back with the dotenv package to exactly the same values, or says why not', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(name, value), { selector: ([n]) => n }), pairs => {
        const entries = pairs.map(([n, v]) => ({ name: n, value: v }))
        const formatted = formatEntries(entries, 'dotenv')
        const writable = entries.filter(entry => 'text' in dotenvLine(entry.value))
        if ('text' in formatted) {
          expect(parseDotenv(formatted.text)).toEqual(Object.fromEntries(pairs))
        } else {
          expect(formatted.problems).toHaveLength(entries.length - writable.length)
        }
        // What can be written, is written exactly.
        const ok = formatEntries(writable, 'dotenv')
        expect('text' in ok && parseDotenv(ok.text)).toEqual(
          Object.fromEntries(writable.map(e => [e.name, e.value]))
        )
      }),
      { numRuns: 300 }
    )
  })

  it('quotes multi-line values and keeps quotes, $ and backslashes', () => {
    const values = {
      PEM: '-----BEGIN-----\nabc\n-----END-----\n',
      QUOTES: `it's "quoted"`,
      DOLLAR: '$HOME ${X} \\n',
      CRLF: 'a\r\nb',
      EMPTY: ''
    }
    const formatted = formatEntries(
      Object.entries(values).map(([n, v]) => ({ name: n, value: v })),
      'dotenv'
    )
    expect('text' in formatted && parseDotenv(formatted.text)).toEqual(values)
  })

  it('refuses only what no quoting can keep', () => {
    expect(dotenvLine('ends with \\ ')).toEqual({ text: "'ends with \\ '" })
    expect(dotenvLine('ends with \\')).toEqual({ text: 'ends with \\' })
    expect(dotenvLine(' ends with \\')).toEqual({ problem: expect.stringMatching(/backslash/) })
    expect(dotenvLine(`a'"\``)).toEqual({ text: `a'"\`` })
    expect(dotenvLine(`'"\`\n`)).toEqual({ problem: expect.stringMatching(/no dotenv quoting/) })
    expect(dotenvLine(`a'"\` #x`)).toEqual({ problem: expect.stringMatching(/no dotenv quoting/) })
  })
})

describe('format docker-env and json', () => {
  it('writes docker-env lines as they are, and refuses multi-line values', () => {
    expect(formatEntries([{ name: 'A', value: ` it's "x" ` }], 'docker-env')).toEqual({
      text: `A= it's "x" \n`
    })
    expect(formatEntries([{ name: 'PEM', value: 'a\nb' }], 'docker-env')).toEqual({
      problems: [expect.stringMatching(/^PEM: docker --env-file cannot hold a multi-line value/)]
    })
  })

  it('writes a JSON object that parses back', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(name, value), { selector: ([n]) => n }), pairs => {
        const formatted = formatEntries(
          pairs.map(([n, v]) => ({ name: n, value: v })),
          'json'
        )
        expect('text' in formatted && JSON.parse(formatted.text)).toEqual(Object.fromEntries(pairs))
      })
    )
  })
})

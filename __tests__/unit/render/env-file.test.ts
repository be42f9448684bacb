import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { parse as parseDotenv } from 'dotenv'
import fc from 'fast-check'
import { tempDir } from '../../harness/runner.js'
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
        const writable = entries.filter(entry => 'text' in formatEntries([entry], 'dotenv'))
        // The file holds UTF-8: read back from its bytes.
        const read = (text: string) => parseDotenv(Buffer.from(text, 'utf8'))
        if ('text' in formatted) {
          expect(read(formatted.text)).toEqual(Object.fromEntries(pairs))
        } else {
          expect(formatted.problems).toHaveLength(entries.length - writable.length)
        }
        // What can be written, is written exactly.
        const ok = formatEntries(writable, 'dotenv')
        expect('text' in ok && read(ok.text)).toEqual(
          Object.fromEntries(writable.map(e => [e.name, e.value]))
        )
      }),
      { numRuns: 300 }
    )
  })

  it('runs nothing in a shell that sources the file', () => {
    // Pieces that run `:` (a builtin) writing the file "ran" if a shell evaluates them.
    const hostile = fc.string({
      unit: fc.constantFrom(
        '$(:>ran)',
        '`:>ran`',
        ';:>ran;',
        '\n:>ran\n',
        '\r:>ran\r',
        "'",
        '"',
        '`',
        '$',
        '\\',
        '#',
        ' ',
        '\0',
        'x[$(:>ran)]',
        'a'
      )
    })
    // bash evaluates what a file assigns to these as arithmetic, `x[$(...)]` included.
    const names = fc.oneof(name, fc.constantFrom('RANDOM', 'SRANDOM', 'OPTIND', 'HISTCMD', 'UID'))
    const shells = ['bash', 'sh'].filter(shell => spawnSync(shell, ['-c', ':']).status === 0)
    expect(shells).toContain('bash')
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(names, hostile), { selector: ([n]) => n }), pairs => {
        const writable = pairs
          .map(([n, v]) => ({ name: n, value: v }))
          .filter(entry => 'text' in dotenvLine(entry.value))
        const formatted = formatEntries(writable, 'dotenv')
        const dir = tempDir('sma-dotenv-')
        fs.writeFileSync(path.join(dir, '.env'), 'text' in formatted ? formatted.text : '')
        for (const shell of shells) {
          const sourced = spawnSync(shell, ['-c', 'set -a; . ./.env'], { cwd: dir })
          expect({
            shell,
            status: sourced.status,
            ran: fs.existsSync(path.join(dir, 'ran'))
          }).toEqual({ shell, status: 0, ran: false })
        }
        fs.rmSync(dir, { recursive: true })
      }),
      { numRuns: 150 }
    )
  })

  it('quotes multi-line values and keeps quotes, $ and backslashes', () => {
    const values = {
      PEM: '-----BEGIN-----\nabc\n-----END-----\n',
      APOSTROPHE: "it's quoted\nover lines",
      QUOTES: 'say "hi" `now`',
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

  it('refuses what no quoting keeps exactly and inert in a shell', () => {
    expect(dotenvLine('ends with \\ ')).toEqual({ text: "'ends with \\ '" })
    expect(dotenvLine("it's")).toEqual({ text: `"it's"` })
    expect(dotenvLine('a\rb')).toEqual({ text: '"a\\rb"' })
    const refused = {
      problem: expect.stringMatching(/no dotenv quoting keeps it exactly and inert/)
    }
    for (const value of [`it's "x"`, "it's $HOME", "it's `id`", "it's \\n", 'a\r$(id)', `a'"\``]) {
      expect(dotenvLine(value)).toEqual(refused)
    }
    expect(dotenvLine('ends with \\')).toEqual({ problem: expect.stringMatching(/backslash/) })
    // A shell drops the NUL, and the backslash would escape the closing quote.
    expect(dotenvLine("it's \\\0")).toEqual({ problem: expect.stringMatching(/NUL/) })
  })

  it('refuses names bash evaluates, keeps read-only, or sets itself when it sources the file', () => {
    for (const name of ['RANDOM', 'OPTIND', 'UID', 'SECONDS', '_', 'PIPESTATUS', 'OPTERR']) {
      expect(formatEntries([{ name, value: 'x' }], 'dotenv')).toEqual({
        problems: [
          expect.stringMatching(new RegExp(`^${name}: bash gives this variable a meaning`))
        ]
      })
    }
    expect(formatEntries([{ name: 'RANDOM', value: 'x' }], 'docker-env')).toEqual({
      text: 'RANDOM=x\n'
    })
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

  it('refuses a lone surrogate in a UTF-8 file, and writes it in JSON', () => {
    const entries = [{ name: 'S', value: 'a\ud800b' }]
    for (const format of ['dotenv', 'docker-env'] as const) {
      expect(formatEntries(entries, format)).toEqual({
        problems: [expect.stringMatching(/^S: the value holds a lone UTF-16 surrogate/)]
      })
    }
    const json = formatEntries(entries, 'json')
    expect('text' in json && JSON.parse(Buffer.from(json.text, 'utf8').toString('utf8'))).toEqual({
      S: 'a\ud800b'
    })
    expect(formatEntries([{ name: 'E', value: '\u{1F600}' }], 'dotenv')).toEqual({
      text: "E='\u{1F600}'\n"
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

import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import fc from 'fast-check'
import { parse as parseYaml } from 'yaml'
import { applyFilters, FILTERS, type FilterResult } from '../../../src/render/filters.js'

const textOf = (result: FilterResult) => ('text' in result ? result.text : undefined)

/** Quotes, $, backslashes, newlines, unicode: the values that break naive escaping. */
const NASTY = [
  '',
  "it's",
  `a"b'c\`d`,
  '$HOME $(id) `id` ${x}',
  'back\\slash\\',
  'line1\nline2\r\nline3\n',
  '\t tab and spaces  ',
  'é 漢字 🔑 \u200b \u2028 \u2029 \ufeff',
  "'''",
  '!history \\n %s %%'
]

/** Any UTF-16 code unit, lone surrogates included. */
const units = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map(c => String.fromCharCode(c))
})
const codePoints = fc.string({ unit: 'binary' })
const wellFormed = fc.oneof(codePoints, fc.constantFrom(...NASTY))

describe('shell', () => {
  it('is read back byte for byte by bash from a sourced file', () => {
    const values = [
      ...NASTY,
      ...fc.sample(
        codePoints.filter(v => !v.includes('\0')),
        { numRuns: 300, seed: 7 }
      )
    ]
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sma-shell-'))
    try {
      const script = values.map((v, i) => `V${i}=${textOf(FILTERS.shell(v))}\n`).join('')
      fs.writeFileSync(path.join(dir, 'vars.sh'), script)
      const print = values.map((_, i) => `printf '%s\\0' "$V${i}"`).join('\n')
      const bash = spawnSync('bash', ['-c', `set -eu\nsource ./vars.sh\n${print}`], { cwd: dir })
      expect(bash.status).toBe(0)
      const expected = Buffer.concat(values.map(v => Buffer.from(`${v}\0`, 'utf8')))
      expect(bash.stdout.equals(expected)).toBe(true)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('refuses a NUL, which no shell variable holds', () => {
    expect(FILTERS.shell('a\0b')).toEqual({ problem: expect.stringMatching(/NUL/) })
  })
})

describe('json', () => {
  it('is a JSON string literal that parses back to the value', () => {
    fc.assert(
      fc.property(fc.oneof(units, wellFormed), v => {
        const text = textOf(FILTERS.json(v)) as string
        expect(JSON.parse(text)).toBe(v)
        expect(text).not.toMatch(/[\n\r]/)
      })
    )
  })
})

describe('yaml', () => {
  it('is a double-quoted scalar that parses back to the value, inline in a mapping', () => {
    fc.assert(
      fc.property(fc.oneof(units, wellFormed), v => {
        const text = textOf(FILTERS.yaml(v)) as string
        expect(text).toMatch(/^"[^\n\r]*"$/)
        expect(parseYaml(`key: ${text}\nnext: 1\n`)).toEqual({ key: v, next: 1 })
      })
    )
  })
})

describe('base64 and url', () => {
  it('encode the UTF-8 bytes, which decode back to the value', () => {
    fc.assert(
      fc.property(wellFormed, v => {
        const b64 = textOf(FILTERS.base64(v)) as string
        expect(Buffer.from(b64, 'base64').toString('utf8')).toBe(v)
        const url = textOf(FILTERS.url(v)) as string
        expect(url).toMatch(/^[A-Za-z0-9\-._~%]*$/)
        expect(decodeURIComponent(url)).toBe(v)
      })
    )
    expect(textOf(FILTERS.url("p@ss w/rd?&=+'"))).toBe('p%40ss%20w%2Frd%3F%26%3D%2B%27')
  })

  it('refuse a lone surrogate, which has no UTF-8 bytes, and never throw', () => {
    fc.assert(
      fc.property(units, v => {
        for (const name of ['base64', 'url'] as const) {
          const result = FILTERS[name](v)
          if ('problem' in result) expect(v).toMatch(/\p{Cs}/u)
        }
      })
    )
    expect(FILTERS.url('a\ud800')).toEqual({ problem: expect.stringMatching(/lone UTF-16/) })
  })
})

describe('applyFilters', () => {
  it('chains left to right and names the filter that refused', () => {
    expect(applyFilters("it's", ['json', 'shell'])).toEqual({ text: `'"it'\\''s"'` })
    expect(applyFilters('a\0', ['base64', 'shell'])).toEqual({ text: "'YQA='" })
    expect(applyFilters('a\0', ['shell', 'json'])).toEqual({
      problem: expect.stringMatching(/^shell: /)
    })
  })
})

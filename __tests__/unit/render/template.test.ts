import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { evaluate } from '../../../src/render/evaluate.js'
import { parseTemplate, type Placeholder } from '../../../src/render/template.js'
import type { SecretValue } from '../../../src/secrets/read.js'

const placeholders = (text: string) =>
  parseTemplate(text).parts.filter((p): p is Placeholder => typeof p !== 'string')

/** A string as a "double-quoted" template string. */
const quote = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`

const secret = (name: string, data: string | Uint8Array): SecretValue => ({
  name,
  arn: `arn:aws:secretsmanager:us-east-1:123456789012:secret:${name}-AbCdEf`,
  versionId: 'v1',
  data
})

function renderWith(template: string, values: Record<string, string | Uint8Array>) {
  const { parts, problems } = parseTemplate(template)
  expect(problems).toEqual([])
  const map = new Map(Object.entries(values).map(([id, data]) => [id, secret(id, data)]))
  return evaluate(parts, map)
}

describe('parseTemplate', () => {
  it('reads plain, JSONPath and filtered placeholders, with any spacing', () => {
    const found = placeholders(
      'a {{secret "db"}} b {{ secret "arn:aws:secretsmanager:us-east-1:123456789012:secret:x" "$.user" | json|shell }}'
    )
    expect(found.map(p => [p.source.kind === 'secret' && p.source.id, p.filters])).toEqual([
      ['db', []],
      ['arn:aws:secretsmanager:us-east-1:123456789012:secret:x', ['json', 'shell']]
    ])
    expect(found[1].label).toBe(
      '{{ secret "arn:aws:secretsmanager:us-east-1:123456789012:secret:x" "$.user" | json | shell }}'
    )
  })

  it('takes relative queries, and backquoted strings as written', () => {
    const [p] = placeholders('{{ secret "db" `foo.bar["k"]` }}')
    expect(p.source.kind === 'secret' && p.source.query?.absolute).toBe('$.foo.bar["k"]')
  })

  it('writes literal braces through string literals', () => {
    expect(renderWith('{{ "{{" }} x {{ "}}" }} {{ `{{ secret "a" }}` }}', {})).toEqual({
      text: '{{ x }} {{ secret "a" }}',
      produced: []
    })
    expect(renderWith('a }} b', {})).toEqual({ text: 'a }} b', produced: [] })
  })

  it('places every syntax problem by line and column, all at once', () => {
    const { problems } = parseTemplate(
      'ok {{ secret "db" }}\n  {{ secret "db" | rot13 }}\n{{ if "x" }} {{ secret "db" "$[" }}\n{{ "open'
    )
    expect(problems.map(p => [p.line, p.column])).toEqual([
      [2, 20],
      [3, 4],
      [3, 29],
      [4, 4]
    ])
    expect(problems[0].message).toMatch(/unknown filter 'rot13'; filters: json, shell/)
    expect(problems[1].message).toMatch(/unknown 'if'/)
    expect(problems[2].message).toMatch(/not valid JSONPath/)
    expect(problems[3].message).toMatch(/string is not closed/)
  })

  it.each([
    ['{{ }}', 1, 1, /empty placeholder/],
    ['{{ secret }}', 1, 4, /secret needs a "ID"/],
    ['{{ secret "a b" }}', 1, 11, /neither a secret name/],
    ['{{ secret "db" | }}', 1, 16, /'\|' needs a filter/],
    ['{{ secret "db" "q" "r" }}', 1, 20, /expected '\|'/],
    ['{{ secret "d\\x" }}', 1, 13, /unknown escape/],
    ['x\n\n  {{ secret "db"', 3, 3, /not closed by '\}\}'/],
    ['{{ secret "db" ; }}', 1, 16, /unexpected character ";"/],
    ['é{{ 1 }}', 1, 5, /unexpected character "1"/]
  ])('refuses %j at line %i, column %i', (text, line, column, message) => {
    const [problem] = parseTemplate(text).problems
    expect(problem).toEqual({ line, column, message: expect.stringMatching(message) })
  })

  describe('properties', () => {
    const anyText = fc.string({ unit: 'binary', maxLength: 200 })

    it('never throws, and places each problem inside the text', () => {
      const tokens = fc.constantFrom('{{', '}}', ' ', '"', '`', '|', 'secret', 'json', '\n', '\\')
      const templateLike = fc
        .array(fc.oneof(tokens, anyText), { maxLength: 30 })
        .map(parts => parts.join(''))
      fc.assert(
        fc.property(fc.oneof(anyText, templateLike), text => {
          const lines = text.split('\n')
          for (const { line, column } of parseTemplate(text).problems) {
            expect(line).toBeGreaterThanOrEqual(1)
            expect(line).toBeLessThanOrEqual(lines.length)
            expect(column).toBeGreaterThanOrEqual(1)
            expect(column).toBeLessThanOrEqual([...lines[line - 1]].length + 1)
          }
        }),
        { numRuns: 500 }
      )
    })

    it('keeps text without {{ exactly as written', () => {
      fc.assert(
        fc.property(
          anyText.filter(text => !text.includes('{{')),
          text => {
            expect(renderWith(text, {})).toEqual({ text, produced: [] })
          }
        )
      )
    })

    it('renders any mix of text and string literals to their concatenation', () => {
      const piece = fc.oneof(
        anyText.filter(t => !t.includes('{{') && !t.endsWith('{')).map(t => ({ raw: t, out: t })),
        anyText.filter(t => !/[\n\r]/.test(t)).map(t => ({ raw: `{{ ${quote(t)} }}`, out: t }))
      )
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 10 }), pieces => {
          const rendered = renderWith(pieces.map(p => p.raw).join(''), {})
          expect(rendered).toEqual({ text: pieces.map(p => p.out).join(''), produced: [] })
        })
      )
    })

    it('reads back any secret name and query it is given', () => {
      const name = fc.stringMatching(/^[A-Za-z0-9/_+=.@-]{1,40}$/)
      const key = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 20 })
      fc.assert(
        fc.property(name, key, (id, k) => {
          const query = `$[${JSON.stringify(k)}]`
          const [p] = placeholders(`{{ secret ${quote(id)} ${quote(query)} | yaml }}`)
          expect(p.source).toEqual({ kind: 'secret', id, query: expect.anything() })
          expect(p.source.kind === 'secret' && p.source.query?.text).toBe(query)
        })
      )
    })
  })
})

describe('evaluate', () => {
  it('replaces whole values, binary as base64, and single JSON nodes', () => {
    const rendered = renderWith(
      'u={{ secret "db" "user" }} n={{ secret "db" "$.port" }} o={{ secret "db" "$.o" }} ' +
        'b={{ secret "bin" }} w={{ secret "db" | base64 }}',
      { db: '{"user":"admin","port":5432,"o":{"k":[1]}}', bin: new Uint8Array([0, 255]) }
    )
    expect(rendered).toEqual({
      text:
        'u=admin n=5432 o={"k":[1]} b=AP8= ' +
        `w=${Buffer.from('{"user":"admin","port":5432,"o":{"k":[1]}}').toString('base64')}`,
      produced: expect.arrayContaining(['admin', '{"k":[1]}'])
    })
  })

  it('writes JSON numbers as the secret writes them, through queries and filters', () => {
    const nums =
      '{"big":1e400,"int":12345678901234567890,"small":-1e-400,"f":1.50,"e":1E+2,' +
      '"obj":{"x":1e400,"y":12345678901234567890},"arr":[1e400,0.1]}'
    const rendered = renderWith(
      'big={{ secret "n" "big" }} int={{ secret "n" "int" }} small={{ secret "n" "small" }} ' +
        'f={{ secret "n" "f" }} e={{ secret "n" "e" }} obj={{ secret "n" "obj" }} ' +
        'json={{ secret "n" "big" | json }} yaml={{ secret "n" "int" | yaml }} ' +
        'shell={{ secret "n" "f" | shell }} filter={{ secret "n" "$.arr[?@ > 1]" }}',
      { n: nums }
    )
    expect(rendered).toEqual({
      text:
        'big=1e400 int=12345678901234567890 small=-1e-400 f=1.50 e=1E+2 ' +
        'obj={"x":1e400,"y":12345678901234567890} json="1e400" yaml="12345678901234567890" ' +
        "shell='1.50' filter=1e400",
      produced: expect.arrayContaining(['1e400', '12345678901234567890', '1.50'])
    })
  })

  it('names the placeholder and its line for every problem, never a value', () => {
    const result = renderWith(
      '{{ secret "db" "$.none" }}\n{{ secret "db" "$.*" }}\n{{ secret "txt" "$.a" }}\n' +
        '{{ secret "bin" "$.a" }}\n{{ secret "gone" }}\n{{ secret "nul" | shell }}',
      {
        db: '{"a":"secret-a-value","b":"secret-b-value"}',
        txt: 'not json secret-text',
        bin: new Uint8Array([1]),
        nul: 'a\0b'
      }
    )
    expect(result).toEqual({
      problems: [
        expect.stringMatching(
          /^line 1, column 1: \{\{ secret "db" "\$\.none" \}\}: .*matched 0 nodes/
        ),
        expect.stringMatching(/^line 2, column 1: .*matched 2 nodes in 'db'; it must match one/),
        expect.stringMatching(
          /^line 3, column 1: .*'txt' is not valid JSON: .* \(the value is not shown\)/
        ),
        expect.stringMatching(/^line 4, column 1: .*'bin' is a binary secret/),
        expect.stringMatching(/^line 5, column 1: .*the secret was not read/),
        expect.stringMatching(/^line 6, column 1: .*shell: the value holds a NUL/)
      ]
    })
    expect(JSON.stringify(result)).not.toMatch(/secret-[ab]-value|secret-text/)
  })

  it('refuses a lone surrogate that would reach the file, unless a filter escapes it', () => {
    const values = { s: '{"k":"a\\ud800b"}' }
    expect(renderWith('{{ secret "s" "$.k" }}', values)).toEqual({
      problems: [expect.stringMatching(/lone UTF-16 surrogate.*\| json/)]
    })
    expect(renderWith('{{ secret "s" "$.k" | json }}', values)).toEqual({
      text: '"a\\ud800b"',
      produced: expect.anything()
    })
  })
})

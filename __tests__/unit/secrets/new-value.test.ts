import { afterAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { Inputs } from '../../../src/inputs/reader.js'
import { compactJson, parseNewValue } from '../../../src/secrets/new-value.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'new-value-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
const inputs = (values: Record<string, string>) => new Inputs(name => values[name] ?? '')
const parse = (values: Record<string, string>) => parseNewValue(inputs(values), dir)

describe('parseNewValue', () => {
  it('takes a string, trimmed as the runner trims inputs', () => {
    expect(parse({ 'secret-string': '  a b\n' })).toEqual({ source: 'secret-string', data: 'a b' })
  })

  it('stores JSON compact', () => {
    expect(parse({ 'secret-json': '{ "a": [1, 2],\n "b": "x" }' })).toEqual({
      source: 'secret-json',
      data: '{"a":[1,2],"b":"x"}'
    })
  })

  it('reads a file relative to the workspace, as bytes or as UTF-8 text', () => {
    const bytes = Buffer.from([0xef, 0xbb, 0xbf, 0x68, 0xc3, 0xa9, 0x00, 0xff])
    fs.writeFileSync(path.join(dir, 'bin'), bytes)
    const binary = parse({ 'secret-file': 'bin' })
    expect(Buffer.from(binary.data as Uint8Array)).toEqual(bytes)
    fs.writeFileSync(path.join(dir, 'text'), '\ufeffhé\n')
    expect(parse({ 'secret-file': 'text', 'file-encoding': 'utf8' }).data).toBe('\ufeffhé\n')
    expect(() => parse({ 'secret-file': 'bin', 'file-encoding': 'utf8' })).toThrow(
      /not valid UTF-8/
    )
  })

  it('needs exactly one source', () => {
    expect(() => parse({})).toThrow(/'secret-string': put needs the new value in exactly one/)
    expect(() => parse({ 'secret-string': 'a', 'secret-file': 'b' })).toThrow(
      /^Input 'secret-file': give only one .*secret-string and secret-file are set/
    )
  })

  it('refuses files that are missing, directories, empty or too big', () => {
    fs.mkdirSync(path.join(dir, 'sub'))
    fs.writeFileSync(path.join(dir, 'empty'), '')
    fs.writeFileSync(path.join(dir, 'big'), new Uint8Array(65537))
    expect(() => parse({ 'secret-file': 'nope' })).toThrow(/cannot read 'nope' \(ENOENT\)/)
    expect(() => parse({ 'secret-file': 'sub' })).toThrow(/not a regular file/)
    expect(() => parse({ 'secret-file': 'empty' })).toThrow(/is empty/)
    expect(() => parse({ 'secret-file': 'big' })).toThrow(/65537 bytes/)
    expect(() => parse({ 'secret-string': 'é'.repeat(32769) })).toThrow(
      /'secret-string': is 65538 bytes/
    )
  })
})

describe('compactJson', () => {
  it.each([
    '{"password": "hunter2" "x": 1}',
    '{"password": "hunter2",}',
    "{'password': 'hunter2'}",
    '{"a":'
  ])('never quotes the input of %j', text => {
    expect(() => compactJson(text)).toThrow(/^Input 'secret-json': is not valid JSON/)
    try {
      compactJson(text)
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2')
      expect((error as Error).message).not.toContain('password')
    }
  })
})

describe('compactJson: stored as given or refused, never changed', () => {
  it('refuses the value of the issue, naming both problems and where they are', () => {
    const text = '{"id": 12345678901234567890, "limit": 1e400, "pw": "a", "pw": "b"}'
    expect(() => compactJson(text)).toThrow(
      "Input 'secret-json': has a number out of range (a JSON reader would get Infinity or 0: " +
        'store it as a string) at line 1, column 39; it also has a duplicate key (each key ' +
        'must be given once) at line 1, column 57'
    )
  })

  it('keeps a 20-digit id and 1.50 as written', () => {
    expect(compactJson('{ "id": 12345678901234567890,\n  "rate": 1.50 }')).toBe(
      '{"id":12345678901234567890,"rate":1.50}'
    )
  })
})

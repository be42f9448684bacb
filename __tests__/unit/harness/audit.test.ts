// The audit helpers must find what they look for, or the security suites prove nothing.
import { describe, expect, it } from '@jest/globals'
import {
  fragmentsIn,
  hasStackTrace,
  piecesIn,
  secretPieces,
  shownLog,
  unregistered
} from '../../harness/audit.js'

describe('secretPieces', () => {
  it('covers the value, its lines, JSON leaves, escaped forms and base64', () => {
    const json = secretPieces('{"a":{"b":"leaf-one"},"l":["leaf-two"],"n":98765}')
    expect(json).toEqual(expect.arrayContaining(['leaf-one', 'leaf-two', '98765']))
    expect(secretPieces('line-one\r\nline-two')).toEqual(
      expect.arrayContaining(['line-one', 'line-two', 'line-one\\r\\nline-two'])
    )
    expect(secretPieces('say "hi\\there"')).toContain('say \\"hi\\\\there\\"')
    expect(secretPieces('abcd-value')).toContain(Buffer.from('abcd-value').toString('base64'))
  })

  it('covers binary as base64 and, when it is UTF-8, as text', () => {
    expect(secretPieces(Uint8Array.from([0xff, 0x00, 0x41]))).toEqual(['/wBB'])
    expect(secretPieces(Buffer.from('text-in-bytes'))).toContain('text-in-bytes')
  })

  it('skips pieces too short to mean anything', () => {
    expect(secretPieces('abc\nxyz').sort()).toEqual(
      ['YWJjCnh5eg==', 'abc\\nxyz', 'abc\nxyz'].sort()
    )
  })
})

describe('shownLog and piecesIn', () => {
  it('finds a value printed before its mask, and not one printed after', () => {
    const before = ['leaked-value-1', '::add-mask::leaked-value-1'].join('\n')
    const after = ['::add-mask::hidden-value-2', 'x hidden-value-2 y'].join('\n')
    expect(piecesIn(shownLog(before), ['leaked-value-1'])).toEqual(['leaked-value-1'])
    expect(piecesIn(shownLog(after), ['hidden-value-2'])).toEqual([])
  })

  it('keeps masks for the later steps of the job', () => {
    const main = '::add-mask::job-wide-value'
    expect(piecesIn(shownLog(main, 'post says job-wide-value'), ['job-wide-value'])).toEqual([])
    expect(piecesIn(shownLog('post says job-wide-value'), ['job-wide-value'])).not.toEqual([])
  })

  it('finds a line of a multi-line value whose whole value alone was masked', () => {
    const log = ['::add-mask::line-one%0Aline-two', 'line-two'].join('\n')
    expect(piecesIn(shownLog(log), ['line-one\nline-two'])).toEqual(['line-two'])
  })
})

describe('fragmentsIn', () => {
  it('finds part of a value quoted by a parser', () => {
    const message = `Unexpected token 'h', ..."etString":hunter2-su"... is not valid JSON`
    expect(fragmentsIn(message, ['hunter2-super-secret'])).toContain('hunter2-su')
    expect(fragmentsIn("Secret 'app/db' not found", ['hunter2-super-secret'])).toEqual([])
  })
})

describe('unregistered', () => {
  it('accepts a value registered whole or line by line, and reports the rest', () => {
    const masks = ['whole-value', 'line-a', 'line-b']
    expect(unregistered(['whole-value', 'line-a\r\nline-b', 'line-a\nline-c'], masks)).toEqual([
      'line-a\nline-c'
    ])
  })
})

describe('hasStackTrace', () => {
  it('sees a node stack frame and not an ordinary message', () => {
    expect(hasStackTrace('Error: x\n    at run (/a/dist/index.js:10:5)\n')).toBe(true)
    expect(hasStackTrace('Error: x\n    at Object.<anonymous>\n')).toBe(true)
    expect(hasStackTrace("::error::Input 'x': look at the docs")).toBe(false)
  })
})

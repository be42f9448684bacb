// The runner harness's parsers: file commands, workflow commands, masking as the runner does it.
import { describe, expect, it } from '@jest/globals'
import {
  findLeaks,
  inputEnv,
  parseFileCommands,
  parseWorkflowCommands,
  runnerMaskedLog
} from '../../harness/runner.js'

describe('parseFileCommands', () => {
  it('reads name=value lines and heredocs, the later value winning', () => {
    const text = [
      'count=2',
      'url=a=b',
      'multi<<ghadelimiter_1',
      'line 1',
      '',
      'x=y',
      'ghadelimiter_1',
      'count=3',
      ''
    ].join('\n')
    expect(parseFileCommands(text)).toEqual({ count: '3', url: 'a=b', multi: 'line 1\n\nx=y' })
  })

  it('reads an empty heredoc and an empty value', () => {
    expect(parseFileCommands('a<<EOF\nEOF\nb=\n')).toEqual({ a: '', b: '' })
  })

  it('refuses a heredoc without its delimiter and a line without = or <<', () => {
    expect(() => parseFileCommands('a<<EOF\nvalue\n')).toThrow(/delimiter/)
    expect(() => parseFileCommands('junk\n')).toThrow(/invalid/)
  })
})

describe('parseWorkflowCommands', () => {
  it('unescapes data and properties', () => {
    const log = [
      'plain line',
      '::error title=a%3Ab%2Cc::50%25 done%0Anext',
      '::add-mask::s3cr%0D%0At',
      '::warning::w::x'
    ].join('\n')
    expect(parseWorkflowCommands(log)).toEqual([
      { command: 'error', properties: { title: 'a:b,c' }, data: '50% done\nnext' },
      { command: 'add-mask', properties: {}, data: 's3cr\r\nt' },
      { command: 'warning', properties: {}, data: 'w::x' }
    ])
  })
})

describe('runnerMaskedLog', () => {
  it('masks a value only after it is registered, longest first', () => {
    const log = [
      'early hunter2',
      '::add-mask::hunter2',
      '::add-mask::hunter',
      'late hunter2 and hunter'
    ].join('\n')
    expect(runnerMaskedLog(log)).toBe(
      ['early hunter2', '::add-mask::***', '::add-mask::***', 'late *** and ***'].join('\n')
    )
  })

  it('does not mask a multi-line value registered whole, line by line it does', () => {
    const whole = '::add-mask::line-one%0Aline-two\nline-one'
    expect(runnerMaskedLog(whole)).toBe('::add-mask::***\nline-one')
    const each = '::add-mask::line-one\n::add-mask::line-two\nline-one line-two'
    expect(runnerMaskedLog(each).split('\n')[2]).toBe('*** ***')
  })
})

describe('findLeaks', () => {
  it('reports secrets shown in clear, and not those masked', () => {
    const log = ['leak: early', '::add-mask::early', '::add-mask::masked', 'masked early'].join(
      '\n'
    )
    expect(findLeaks(log, ['early', 'masked', 'absent'])).toEqual(['early'])
  })

  it('reports the unmasked lines of a multi-line secret', () => {
    const secret = '{\n  "user": "admin",\n  "password": "pa55word"\n}'
    const log = ['::add-mask::"password": "pa55word"', secret].join('\n')
    expect(findLeaks(log, [secret])).toEqual(['"user": "admin",'])
  })
})

describe('inputEnv', () => {
  it('sets every declared input with its default, hyphens kept', () => {
    const env = inputEnv({ 'secret-ids': 'a\nb' })
    expect(env['INPUT_SECRET-IDS']).toBe('a\nb')
    expect(env.INPUT_MODE).toBe('fetch')
    expect(env['INPUT_MAX-ATTEMPTS']).toBe('5')
  })

  it('refuses an input that action.yml does not declare', () => {
    expect(() => inputEnv({ 'secret-idz': 'a' })).toThrow(/not declared/)
  })
})

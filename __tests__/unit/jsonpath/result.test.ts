import { describe, expect, it } from '@jest/globals'
import { outcomeOf, render, type ResultOptions } from '../../../src/jsonpath/result.js'
import { parseJsonText } from '../../../src/output/json.js'

const options = (over: Partial<ResultOptions> = {}): ResultOptions => ({
  result: 'first',
  onMissing: 'fail',
  defaultValue: '',
  ...over
})

describe('render', () => {
  it('emits strings as they are, scalars as JSON text and structures as compact JSON', () => {
    expect(render('a "quoted"\nline')).toBe('a "quoted"\nline')
    expect(render(5432)).toBe('5432')
    expect(render(1.5)).toBe('1.5')
    expect(render(true)).toBe('true')
    expect(render(null)).toBe('null')
    expect(render({ user: 'u', ports: [1, 2] })).toBe('{"user":"u","ports":[1,2]}')
  })
})

describe('outcomeOf', () => {
  it('first: the first node, with a warning naming the count when there were more', () => {
    expect(outcomeOf('query A', ['x'], options())).toEqual({
      matches: 1,
      value: 'x',
      warnings: [],
      note: 'the match'
    })
    const many = outcomeOf('query A', ['x-secret', 'y-secret'], options())
    expect(many.value).toBe('x-secret')
    expect(many.warnings).toEqual([
      expect.stringMatching(/^query A matched 2 nodes; emitting the first/)
    ])
    expect(many.warnings.join()).not.toMatch(/secret/)
  })

  it('all: a JSON array of every node, also of one', () => {
    expect(outcomeOf('q', ['a', 1, { b: null }], options({ result: 'all' })).value).toBe(
      '["a",1,{"b":null}]'
    )
    expect(outcomeOf('q', ['a'], options({ result: 'all' })).value).toBe('["a"]')
  })

  it('single: exactly one node, else a problem', () => {
    expect(outcomeOf('q', ['a'], options({ result: 'single' })).value).toBe('a')
    const two = outcomeOf('query B', ['a', 'b'], options({ result: 'single' }))
    expect(two.value).toBeUndefined()
    expect(two.problem).toBe('query B matched 2 nodes, but result is single')
  })

  it('nothing matched: fail, warn with an empty string, or the default value', () => {
    expect(outcomeOf('query C', [], options()).problem).toBe('query C matched nothing')
    const warn = outcomeOf('query C', [], options({ onMissing: 'warn' }))
    expect(warn).toMatchObject({ value: '', warnings: [expect.stringMatching(/matched nothing/)] })
    const fallback = outcomeOf(
      'query C',
      [],
      options({ onMissing: 'default', defaultValue: 'n/a' })
    )
    expect(fallback).toMatchObject({ value: 'n/a', warnings: [], note: 'default-value' })
    // on-missing decides for single too when nothing matched.
    const single = options({ result: 'single', onMissing: 'default', defaultValue: 'd' })
    expect(outcomeOf('q', [], single).value).toBe('d')
  })

  it('emits numbers as the secret writes them, with no warning', () => {
    const { value } = parseJsonText('{"id":12345678901234567890,"big":1e400,"tiny":1e-400}')
    const doc = value as Record<string, unknown>
    const first = outcomeOf('q', [doc.id], options())
    expect(first).toMatchObject({ value: '12345678901234567890', warnings: [] })
    expect(outcomeOf('q', [doc.big, doc.tiny], options({ result: 'all' })).value).toBe(
      '[1e400,1e-400]'
    )
    expect(outcomeOf('q', [doc], options()).value).toBe(
      '{"id":12345678901234567890,"big":1e400,"tiny":1e-400}'
    )
  })
})

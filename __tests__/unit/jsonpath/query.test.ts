import { describe, expect, it } from '@jest/globals'
import {
  compileQuery,
  QueryEvaluationError,
  QuerySyntaxError,
  toAbsolute
} from '../../../src/jsonpath/query.js'

const otf = { foo: { bar: ['first_secret_value', 'nested_secret_value'] } }

function syntaxError(text: string): QuerySyntaxError {
  try {
    compileQuery(text)
  } catch (error) {
    if (error instanceof QuerySyntaxError) return error
    throw error
  }
  throw new Error(`'${text}' compiled`)
}

describe('compileQuery', () => {
  it('takes a query without a leading $ relative to the root', () => {
    expect(compileQuery('foo.bar[1]').absolute).toBe('$.foo.bar[1]')
    expect(compileQuery('foo.bar[1]').select(otf)).toEqual(['nested_secret_value'])
    expect(compileQuery('[0]').absolute).toBe('$[0]')
    expect(compileQuery('[0]').select(['a', 'b'])).toEqual(['a'])
    expect(compileQuery('..bar[0]').absolute).toBe('$..bar[0]')
    expect(compileQuery('.foo').absolute).toBe('$.foo')
    expect(compileQuery('*').select({ a: 1, b: 2 })).toEqual([1, 2])
  })

  it("accepts Open Task Framework's dotted index in relative queries", () => {
    expect(compileQuery('foo.bar.[1]').absolute).toBe('$.foo.bar[1]')
    expect(compileQuery('foo.bar.[1]').select(otf)).toEqual(['nested_secret_value'])
    expect(compileQuery("foo.['bar'].[0]").select(otf)).toEqual(['first_secret_value'])
    // The descendant segment `..[` is RFC 9535 and stays as it is.
    expect(compileQuery('foo..[1]').absolute).toBe('$.foo..[1]')
  })

  it('leaves .[ inside string literals alone', () => {
    const doc = { 'a.[b': 'dotted', users: [{ n: 'x.[1]', pw: 'p1' }] }
    expect(compileQuery("['a.[b']").select(doc)).toEqual(['dotted'])
    expect(compileQuery("users[?@.n=='x.[1]'].pw").select(doc)).toEqual(['p1'])
    expect(compileQuery('users[?@.n=="x.[1]"].pw').absolute).toBe('$.users[?@.n=="x.[1]"].pw')
    expect(compileQuery("users[?@.n=='it\\'s .[ok'].pw").absolute).toBe(
      "$.users[?@.n=='it\\'s .[ok'].pw"
    )
  })

  it('takes a query starting with $ strictly as RFC 9535', () => {
    expect(compileQuery('$.foo.bar[1]').select(otf)).toEqual(['nested_secret_value'])
    expect(() => compileQuery('$.foo.bar.[1]')).toThrow(QuerySyntaxError)
    expect(() => compileQuery('$foo')).toThrow(QuerySyntaxError)
    // Non-standard json-p3 selectors (keys) are off.
    expect(() => compileQuery('$.foo~')).toThrow(QuerySyntaxError)
    expect(() => compileQuery('$[?nosuch(@)]')).toThrow(QuerySyntaxError)
  })

  it("accepts json-p3's hyphen in shorthand names, a superset of RFC 9535", () => {
    expect(compileQuery('my-app.db-password').select({ 'my-app': { 'db-password': 'x' } })).toEqual(
      ['x']
    )
  })

  it('runs filters and the standard functions', () => {
    const doc = {
      users: [
        { name: 'app', pw: 'pw-app' },
        { name: 'admin', pw: 'pw-admin' }
      ]
    }
    expect(compileQuery("$.users[?@.name=='app'].pw").select(doc)).toEqual(['pw-app'])
    expect(compileQuery("users[?match(@.name, 'a.*n')].pw").select(doc)).toEqual(['pw-admin'])
    expect(compileQuery('users[?length(@.name) > 3].name').select(doc)).toEqual(['admin'])
  })

  it('places a syntax error in the query as written, 1-based', () => {
    expect(syntaxError('$.foo[').position).toBe(7)
    expect(syntaxError('$.a b').position).toBe(5)
    expect(syntaxError('$.a b').reason).toMatch(/found 'b'/)
    expect(syntaxError('$.a b').message).toBe(`${syntaxError('$.a b').reason} at character 5`)
    // Relative: the prepended `$.` does not shift positions.
    expect(syntaxError('a b').position).toBe(3)
    // The removed dot of a dotted index does not either.
    expect(syntaxError('foo.[1].x y').position).toBe(11)
    expect(syntaxError(' $').reason).toMatch(/whitespace/)
    expect(syntaxError(' ').message).toBe('the query is empty')
  })

  it('reports a document nested too deeply as an evaluation error, not a crash', () => {
    let deep: unknown = 'leaf'
    for (let i = 0; i < 200; i++) deep = [deep]
    expect(() => compileQuery('$..*').select(deep as never)).toThrow(QueryEvaluationError)
  })
})

describe('toAbsolute', () => {
  it('maps each character back to the text as written', () => {
    const { absolute, origin } = toAbsolute('a.[1]')
    expect(absolute).toBe('$.a[1]')
    expect(origin).toEqual([0, 0, 0, 2, 3, 4])
  })
})

import { describe, expect, it } from '@jest/globals'
import { InputError } from '../../../src/errors.js'
import { parseNamedQueries, parseSingleQuery } from '../../../src/jsonpath/named-queries.js'

function refusal(run: () => unknown): InputError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error('accepted')
}

describe('parseNamedQueries', () => {
  it('reads NAME=JSONPATH lines, splitting at the first =, skipping blanks and comments', () => {
    const queries = parseNamedQueries(
      "# the app's credentials\nDB_PW = $.db.password\n\n  app_pw=users[?@.name=='app'].pw\n"
    )
    expect(queries.map(q => [q.name, q.query.text, q.query.absolute, q.label])).toEqual([
      ['DB_PW', '$.db.password', '$.db.password', 'query DB_PW'],
      ['app_pw', "users[?@.name=='app'].pw", "$.users[?@.name=='app'].pw", 'query app_pw']
    ])
  })

  it('accepts value as a name: with queries nothing else emits it', () => {
    expect(parseNamedQueries('value=$.a')[0].name).toBe('value')
  })

  it('refuses names that are not safe output and env var names', () => {
    for (const name of ['1ABC', 'A-B', 'A B', 'Ä', '$x']) {
      const error = refusal(() => parseNamedQueries(`${name}=$.a`))
      expect(error.input).toBe('queries')
      expect(error.message).toMatch(/line 1: .* is not a valid name/)
    }
    expect(refusal(() => parseNamedQueries('=$.a')).message).toMatch(/not a valid name/)
  })

  it('refuses __proto__, which would set no output at all', () => {
    const error = refusal(() => parseNamedQueries('__proto__=$.a'))
    expect(error.message).toMatch(/line 1: '__proto__' is reserved/)
  })

  it('refuses a name given twice, ignoring case as step outputs do', () => {
    const error = refusal(() => parseNamedQueries('pw=$.a\nPW=$.b'))
    expect(error.message).toMatch(/line 2: name 'PW' is used twice/)
  })

  it('refuses a line without = and an empty query', () => {
    expect(refusal(() => parseNamedQueries('$.a.b')).message).toMatch(
      /line 1: '\$\.a\.b' has no '=': write NAME=JSONPATH/
    )
    expect(refusal(() => parseNamedQueries('A=  ')).message).toMatch(/query A is empty/)
  })

  it('reports every invalid query at once, by name and position', () => {
    const error = refusal(() => parseNamedQueries('OK=$.a\nBAD=$.a[\nWORSE=a b\nDUP=$.x\ndup=$.y'))
    expect(error.message).toBe(
      "Input 'queries': line 2: query BAD '$.a[' is not valid JSONPath: unclosed bracketed " +
        "selection at character 5; line 3: query WORSE 'a b' is not valid JSONPath: expected '.', " +
        "'..' or a bracketed selection, found 'b' at character 3; line 5: name 'dup' is used " +
        'twice (names are compared ignoring case)'
    )
  })
})

describe('parseSingleQuery', () => {
  it('names its result value', () => {
    const query = parseSingleQuery('foo.bar.[1]')
    expect(query.name).toBe('value')
    expect(query.query.absolute).toBe('$.foo.bar[1]')
  })

  it('refuses an invalid query with the position of the error', () => {
    const error = refusal(() => parseSingleQuery("$[?@.a=='x'"))
    expect(error.input).toBe('query')
    expect(error.message).toMatch(
      /query '\$\[\?@\.a=='x'' is not valid JSONPath: .* at character 12/
    )
  })
})

import { describe, expect, it } from '@jest/globals'
import { jsonObject } from '../../../src/output/json.js'
import { flattenJsonToEnv } from '../../../src/output/json-env.js'
import type { NameTransformation } from '../../../src/output/env-names.js'

const SIMPLE_JSON = { api_key: 'testkey', user: 'testuser' }
const NESTED_JSON = JSON.parse(
  '{"host":"127.0.0.1", "port": "3600", "config":{"db_user":"testuser","db_password":"testpw",' +
    '"options":{"a":"YES","b":"NO", "c": 100 }}}'
)

describe('flattenJsonToEnv', () => {
  it('names each key after the prefix (official)', () => {
    expect(flattenJsonToEnv('TEST_SECRET', SIMPLE_JSON, 'uppercase')).toEqual([
      { name: 'TEST_SECRET_API_KEY', value: 'testkey' },
      { name: 'TEST_SECRET_USER', value: 'testuser' }
    ])
  })

  it('flattens nested objects, numbers as their JSON text (official)', () => {
    expect(flattenJsonToEnv('TEST_SECRET', NESTED_JSON, 'uppercase')).toEqual([
      { name: 'TEST_SECRET_HOST', value: '127.0.0.1' },
      { name: 'TEST_SECRET_PORT', value: '3600' },
      { name: 'TEST_SECRET_CONFIG_DB_USER', value: 'testuser' },
      { name: 'TEST_SECRET_CONFIG_DB_PASSWORD', value: 'testpw' },
      { name: 'TEST_SECRET_CONFIG_OPTIONS_A', value: 'YES' },
      { name: 'TEST_SECRET_CONFIG_OPTIONS_B', value: 'NO' },
      { name: 'TEST_SECRET_CONFIG_OPTIONS_C', value: '100' }
    ])
  })

  it('keeps one underscore before a key starting with a digit (official)', () => {
    expect(flattenJsonToEnv('DB', { '7Value': 'test-value' }, 'uppercase')).toEqual([
      { name: 'DB_7VALUE', value: 'test-value' }
    ])
    expect(flattenJsonToEnv('TEST_SECRET', { '7Value': 'v' }, 'uppercase')[0].name).toBe(
      'TEST_SECRET_7VALUE'
    )
  })

  it('gives bare key names for a blank alias (official)', () => {
    const json = { username: 'integ', password: 'integpw', config: { id1: 'example1' } }
    expect(flattenJsonToEnv('', json, 'uppercase')).toEqual([
      { name: 'USERNAME', value: 'integ' },
      { name: 'PASSWORD', value: 'integpw' },
      { name: 'CONFIG_ID1', value: 'example1' }
    ])
  })

  it('derives the prefix from a raw secret name too (official README example 3)', () => {
    const json = { api_user: 'user', api_key: 'key', config: { active: 'true' } }
    expect(flattenJsonToEnv('test/secret', json, 'uppercase').map(e => e.name)).toEqual([
      'TEST_SECRET_API_USER',
      'TEST_SECRET_API_KEY',
      'TEST_SECRET_CONFIG_ACTIVE'
    ])
  })

  it('prefixes a bare top-level key starting with a digit with _', () => {
    expect(flattenJsonToEnv('', { '7a': 'x', cfg: { '9b': 'y' } }, 'uppercase')).toEqual([
      { name: '_7A', value: 'x' },
      { name: 'CFG_9B', value: 'y' }
    ])
  })

  it.each<[NameTransformation, string[]]>([
    ['uppercase', ['APP_DB_HOST', 'APP_DB_PORT']],
    ['lowercase', ['app_db_host', 'app_db_port']],
    ['none', ['App_Db_Host', 'App_Db_Port']]
  ])('applies the %s transformation to prefix and keys', (t, names) => {
    const json = { Db: { Host: 'h', Port: 1 } }
    expect(flattenJsonToEnv('App', json, t).map(e => e.name)).toEqual(names)
  })

  it.each<[string, unknown, string]>([
    ['number', 1.5, '1.5'],
    ['large number', 1e21, '1e+21'],
    ['true', true, 'true'],
    ['false', false, 'false'],
    ['null', null, 'null'],
    ['empty string', '', ''],
    ['array', ['a', 1, null], '["a",1,null]'],
    ['array of objects (not flattened)', [{ a: 1 }], '[{"a":1}]'],
    ['string holding an array', '[1,2]', '[1,2]'],
    ['string holding null', 'null', 'null'],
    ['string holding a number', '007', '007']
  ])('exports a %s leaf as the official action does', (_label, leaf, text) => {
    expect(flattenJsonToEnv('S', { k: leaf }, 'uppercase')).toEqual([{ name: 'S_K', value: text }])
  })

  it('descends into a string leaf that holds a JSON object, as the official action does', () => {
    expect(flattenJsonToEnv('S', { cfg: '{"a":"b","n":2}' }, 'uppercase')).toEqual([
      { name: 'S_CFG_A', value: 'b' },
      { name: 'S_CFG_N', value: '2' }
    ])
  })

  it('exports nothing for an empty object, nested or held in a string', () => {
    expect(flattenJsonToEnv('S', { a: {}, b: '{}', c: 'x' }, 'uppercase')).toEqual([
      { name: 'S_C', value: 'x' }
    ])
    expect(flattenJsonToEnv('S', {}, 'uppercase')).toEqual([])
  })

  it('joins an empty key into its parent name', () => {
    expect(flattenJsonToEnv('DB', { '': 'x' }, 'uppercase')).toEqual([{ name: 'DB', value: 'x' }])
    expect(flattenJsonToEnv('', { '': { a: 'y' } }, 'uppercase')).toEqual([
      { name: 'A', value: 'y' }
    ])
  })

  it('turns special and unicode characters in keys into _', () => {
    expect(flattenJsonToEnv('S', { 'a-b.c': 1, clé: 2, '🔑': 3 }, 'uppercase')).toEqual([
      { name: 'S_A_B_C', value: '1' },
      { name: 'S_CL_', value: '2' },
      { name: 'S___', value: '3' }
    ])
  })

  it('keeps duplicate names for the caller to reject', () => {
    const names = flattenJsonToEnv('S', { 'a-b': 1, a_b: 2 }, 'uppercase').map(e => e.name)
    expect(names).toEqual(['S_A_B', 'S_A_B'])
  })

  it('walks keys in JSON.parse order: integer keys first, as for...in does', () => {
    const json = JSON.parse('{"b":1,"a":2,"10":3,"2":4}')
    expect(flattenJsonToEnv('S', json, 'uppercase').map(e => e.name)).toEqual([
      'S_2',
      'S_10',
      'S_B',
      'S_A'
    ])
  })

  it('treats a non-object value as a single leaf', () => {
    expect(flattenJsonToEnv('S', 'plain', 'uppercase')).toEqual([{ name: 'S', value: 'plain' }])
    expect(flattenJsonToEnv('S', '{"k":"v"}', 'uppercase')).toEqual([{ name: 'S_K', value: 'v' }])
  })
})

describe('flattenJsonToEnv numbers', () => {
  it('exports each number as the secret writes it, nested in arrays too', () => {
    const json = jsonObject(
      '{"n":1e400,"t":-1e-400,"id":12345678901234567890,"a":[1.50,{"x":2E3}]}'
    )
    expect(flattenJsonToEnv('p', json, 'uppercase')).toEqual([
      { name: 'P_N', value: '1e400' },
      { name: 'P_T', value: '-1e-400' },
      { name: 'P_ID', value: '12345678901234567890' },
      { name: 'P_A', value: '[1.50,{"x":2E3}]' }
    ])
  })
})

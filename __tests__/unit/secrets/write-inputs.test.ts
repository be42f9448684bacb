import { describe, expect, it } from '@jest/globals'
import { Inputs } from '../../../src/inputs/reader.js'
import { parseSecretId } from '../../../src/secrets/ids.js'
import {
  parseCreateOptions,
  parseRequestToken,
  parseStages,
  parseTags
} from '../../../src/secrets/write-inputs.js'

const inputs = (values: Record<string, string>) => new Inputs(name => values[name] ?? '')

describe('parseTags', () => {
  it('reads key=value lines and JSON objects', () => {
    expect(parseTags('team = payments\n\nurl=https://x.example/a=b\nempty=')).toEqual([
      { Key: 'team', Value: 'payments' },
      { Key: 'url', Value: 'https://x.example/a=b' },
      { Key: 'empty', Value: '' }
    ])
    expect(parseTags('{"Name": "db", "cost center": "42"}')).toEqual([
      { Key: 'Name', Value: 'db' },
      { Key: 'cost center', Value: '42' }
    ])
    expect(parseTags('  ')).toEqual([])
  })

  it.each([
    ['novalue', /line 1 is not key=value/],
    ['ok=1\n=x', /line 2 is not key=value/],
    ['{"a": 1}', /tag 'a' must be a JSON string/],
    ['{"a": "b"', /starts with \{ but is not valid JSON: it ends too early/],
    ['{"a": "b",}', /is not valid JSON: quoted object key expected at line 1, column 11/],
    ['{\n"a": "b",\n"a": "c"}', /has a duplicate key .* at line 3, column 1/],
    ['["a"]', /line 1 is not key=value/],
    ['aws:owner=me', /aws: prefix is reserved/],
    ['a=1\na=2', /tag 'a' is given twice/],
    ['bad#key=1', /tag key 'bad#key'/],
    ['k=semi;colon', /value of tag 'k'/],
    [`k=${'v'.repeat(257)}`, /value of tag 'k'/],
    [Array.from({ length: 51 }, (_, i) => `k${i}=v`).join('\n'), /51 tags; .* at most 50/]
  ])('refuses %j', (text, message) => {
    expect(() => parseTags(text)).toThrow(message)
    expect(() => parseTags(text)).toThrow(/^Input 'tags'/)
  })
})

describe('parseSecretId', () => {
  it('takes names and secret ARNs', () => {
    expect(parseSecretId(inputs({ 'secret-id': ' prod/db+x@y=z.w-1_ ' }), 'put')).toBe(
      'prod/db+x@y=z.w-1_'
    )
    const arn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf'
    expect(parseSecretId(inputs({ 'secret-id': arn }), 'put')).toBe(arn)
  })

  it.each(['has space', 'semi;colon', 'arn:aws:s3:::bucket', 'x'.repeat(513)])('refuses %j', id => {
    expect(() => parseSecretId(inputs({ 'secret-id': id }), 'put')).toThrow(/^Input 'secret-id'/)
  })

  it('requires it, naming the mode', () => {
    expect(() => parseSecretId(inputs({}), 'push-generated')).toThrow(
      /'secret-id': is required in push-generated mode/
    )
  })
})

describe('parseStages, parseRequestToken, parseCreateOptions', () => {
  it('splits stages on commas and newlines, defaulting to AWSCURRENT', () => {
    expect(parseStages(inputs({}))).toEqual(['AWSCURRENT'])
    expect(parseStages(inputs({ 'version-stages': 'A, B\nC,A' }))).toEqual(['A', 'B', 'C'])
    expect(() => parseStages(inputs({ 'version-stages': 'A B' }))).toThrow(/'A B' is not a stage/)
  })

  it('takes a 32-64 character token', () => {
    expect(parseRequestToken(inputs({}))).toBeUndefined()
    const uuid = '0f8fad5b-d9cb-469f-a165-70867728950e'
    expect(parseRequestToken(inputs({ 'client-request-token': uuid }))).toBe(uuid)
    for (const bad of ['x'.repeat(31), 'x'.repeat(65), `${'x'.repeat(31)}!`]) {
      expect(() => parseRequestToken(inputs({ 'client-request-token': bad }))).toThrow(/32 to 64/)
    }
  })

  it('reads the settings of a new secret', () => {
    expect(
      parseCreateOptions(inputs({ 'kms-key-id': 'alias/x', description: 'd', tags: 'a=b' }))
    ).toEqual({ kmsKeyId: 'alias/x', description: 'd', tags: [{ Key: 'a', Value: 'b' }] })
    expect(parseCreateOptions(inputs({}))).toEqual({
      kmsKeyId: undefined,
      description: undefined,
      tags: []
    })
    expect(() => parseCreateOptions(inputs({ description: 'x'.repeat(2049) }))).toThrow(
      /'description'.*at most 2048/
    )
    expect(() => parseCreateOptions(inputs({ 'kms-key-id': 'has space' }))).toThrow(/'kms-key-id'/)
  })
})

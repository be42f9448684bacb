import { describe, expect, it } from '@jest/globals'
import { InputError } from '../../../src/errors.js'
import { lookupJsonPathMode } from '../../../src/modes/lookup-jsonpath.js'
import { handlers } from '../../../src/modes/index.js'
import { inputsFrom } from '../../harness/context.js'

const parse = (inputs: Record<string, string>) => lookupJsonPathMode.parse(inputsFrom(inputs))

function refusal(inputs: Record<string, string>): InputError {
  try {
    parse(inputs)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error('accepted')
}

const ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/conf-AbCdEf'

describe('lookup-jsonpath parse', () => {
  it('is registered, with outputs on and env off by default', async () => {
    expect(await handlers['lookup-jsonpath']()).toBe(lookupJsonPathMode)
    expect(lookupJsonPathMode.exportDefaults).toEqual({ env: false, outputs: true })
  })

  it('reads one query into the output value, with the defaults', () => {
    const config = parse({ 'secret-id': 'app/conf', query: 'foo.bar.[1]' })
    expect(config).toMatchObject({
      secretId: 'app/conf',
      isArn: false,
      version: {},
      single: true,
      options: { result: 'first', onMissing: 'fail', defaultValue: '' }
    })
    expect(config.queries.map(q => [q.name, q.query.absolute])).toEqual([['value', '$.foo.bar[1]']])
  })

  it('reads named queries, an ARN for the region, a version and the policies', () => {
    const config = parse({
      'secret-id': ARN,
      queries: 'A=$.a\nB=b[0]',
      'version-stage': 'AWSPREVIOUS',
      result: 'all',
      'on-missing': 'default',
      'default-value': 'none'
    })
    expect(config.single).toBe(false)
    expect(config.queries.map(q => q.name)).toEqual(['A', 'B'])
    expect(lookupJsonPathMode.secretArns(config)).toEqual([ARN])
    expect(config.version).toEqual({ versionStage: 'AWSPREVIOUS', versionId: undefined })
    expect(config.options).toEqual({ result: 'all', onMissing: 'default', defaultValue: 'none' })
  })

  it('refuses a missing, wildcard, aliased or repeated secret-id, and secret-ids', () => {
    expect(refusal({ query: '$' }).input).toBe('secret-id')
    expect(refusal({ 'secret-id': 'app/*', query: '$' }).message).toMatch(/wildcard/)
    expect(refusal({ 'secret-id': 'A,app', query: '$' }).input).toBe('secret-id')
    expect(refusal({ 'secret-id': 'a\nb', query: '$' }).input).toBe('secret-id')
    expect(refusal({ 'secret-ids': 'a', query: '$' }).message).toMatch(/use|give its name/)
  })

  it('needs exactly one of query and queries', () => {
    expect(refusal({ 'secret-id': 's' }).message).toMatch(/query .*or queries/)
    expect(refusal({ 'secret-id': 's', queries: '# only a comment' }).input).toBe('query')
    expect(refusal({ 'secret-id': 's', query: '$.a', queries: 'A=$.a' }).input).toBe('queries')
  })

  it('refuses bad policies and a default-value that would never be used', () => {
    expect(refusal({ 'secret-id': 's', query: '$', result: 'some' }).input).toBe('result')
    expect(refusal({ 'secret-id': 's', query: '$', 'on-missing': 'skip' }).input).toBe('on-missing')
    expect(refusal({ 'secret-id': 's', query: '$', 'default-value': 'x' }).message).toMatch(
      /only with on-missing: default/
    )
  })

  it('refuses settings under which results would go nowhere or silently not to env', () => {
    const single = refusal({ 'secret-id': 's', query: '$', 'export-env': 'true' })
    expect(single.input).toBe('export-env')
    expect(single.message).toMatch(/queries/)
    const nowhere = refusal({ 'secret-id': 's', queries: 'A=$', 'export-outputs': 'false' })
    expect(nowhere.message).toMatch(/would go nowhere/)
    expect(() =>
      parse({ 'secret-id': 's', queries: 'A=$', 'export-outputs': 'false', 'export-env': 'true' })
    ).not.toThrow()
    expect(() =>
      parse({ 'secret-id': 's', query: '$', 'export-outputs': 'false', 'output-dir': 'out' })
    ).not.toThrow()
  })

  it('refuses an invalid query by name and position, before anything else runs', () => {
    const error = refusal({ 'secret-id': 's', queries: 'GOOD=$.a\nPW=$.users[?@.name==]' })
    expect(error.message).toMatch(
      /query PW '\$\.users\[\?@\.name==\]' is not valid JSONPath: .* at character \d+/
    )
  })
})

import { describe, expect, it } from '@jest/globals'
import { InputError } from '../../../src/errors.js'
import { Inputs } from '../../../src/inputs/reader.js'
import type { NameTransformation } from '../../../src/output/env-names.js'
import { flattenJsonToEnv } from '../../../src/output/json-env.js'
import {
  envPrefixFor,
  parseSecretId,
  parseSecretIds,
  idNames,
  type SecretRequest
} from '../../../src/secrets/ids.js'
import { regionFromArn, secretNameFromArn } from '../../../src/aws/arn.js'

// ARNs and names from aws-actions/aws-secretsmanager-get-secrets __tests__ and README.
const VALID_ARN_1 = 'arn:aws:secretsmanager:us-east-1:123456789000:secret:test1-aBcdef'
const VALID_ARN_3 = 'arn:aws:secretsmanager:ap-south-1:123456789000:secret:test3-aBcdef'
const INVALID_ARN = 'aws:secretsmanager:us-east-1:123456789000:secret:test3-aBcdef'
const README_ARN_1 = 'arn:aws:secretsmanager:us-east-2:123456789012:secret:test1-a1b2c3'
const README_ARN_2 = 'arn:aws:secretsmanager:us-east-2:123456789012:secret:test2-a1b2c3'
const GOV_ARN = 'arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:db-AbCdEf'
const CN_ARN = 'arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:app/key'

function refusal(text: string, transformation?: NameTransformation): InputError {
  try {
    parseSecretIds(text, 'secret-ids', transformation)
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error(`parseSecretIds accepted ${JSON.stringify(text)}`)
}

describe('parseSecretIds', () => {
  it.each<[string, SecretRequest]>([
    ['SECRET_ALIAS, test/secret', { id: 'test/secret', alias: 'SECRET_ALIAS', kind: 'name' }],
    [`ARN_ALIAS,${VALID_ARN_1}`, { id: VALID_ARN_1, alias: 'ARN_ALIAS', kind: 'arn' }],
    ['test/secret', { id: 'test/secret', kind: 'name' }],
    [VALID_ARN_1, { id: VALID_ARN_1, kind: 'arn' }],
    [' , test/secret', { id: 'test/secret', alias: '', kind: 'name' }],
    [` , ${VALID_ARN_3}`, { id: VALID_ARN_3, alias: '', kind: 'arn' }],
    [INVALID_ARN, { id: INVALID_ARN, kind: 'name' }],
    ['test/*', { id: 'test/', kind: 'prefix' }],
    ['SECRET_ALIAS,test/*', { id: 'test/', alias: 'SECRET_ALIAS', kind: 'prefix' }],
    ['too/many/matches/*', { id: 'too/many/matches/', kind: 'prefix' }],
    ['beta*', { id: 'beta', kind: 'prefix' }],
    ['abc*', { id: 'abc', kind: 'prefix' }],
    ['a+b=c.d@e-f_*', { id: 'a+b=c.d@e-f_', kind: 'prefix' }],
    [GOV_ARN, { id: GOV_ARN, kind: 'arn' }],
    [CN_ARN, { id: CN_ARN, kind: 'arn' }],
    [
      '  \t SECRET_ALIAS_1 ,  test/secret \t',
      { id: 'test/secret', alias: 'SECRET_ALIAS_1', kind: 'name' }
    ]
  ])('parses %j (official)', (line, expected) => {
    expect(parseSecretIds(line)).toStrictEqual([expected])
  })

  it('drops a blank alias on a prefix, as the official action does', () => {
    expect(parseSecretIds(',beta*')).toStrictEqual([{ id: 'beta', kind: 'prefix' }])
  })

  it('reads one request per line, skipping blank lines and comments, CRLF tolerated', () => {
    const text = [
      '',
      'exampleSecretName',
      '   ',
      `${README_ARN_1}\r`,
      '# a comment',
      'beta*    # Retrieves all secrets that start with beta',
      'SECRET_ALIAS_1,test/secret',
      ',secret2',
      ''
    ].join('\n')
    expect(parseSecretIds(text)).toStrictEqual([
      { id: 'exampleSecretName', kind: 'name' },
      { id: README_ARN_1, kind: 'arn' },
      { id: 'beta', kind: 'prefix' },
      { id: 'test/secret', alias: 'SECRET_ALIAS_1', kind: 'name' },
      { id: 'secret2', alias: '', kind: 'name' }
    ])
  })

  it('drops exact repeats, keeping the first, as the official Set does', () => {
    expect(parseSecretIds('a/b\nA,a/b\na/b\nA , a/b')).toStrictEqual([
      { id: 'a/b', kind: 'name' },
      { id: 'a/b', alias: 'A', kind: 'name' }
    ])
  })

  it('returns nothing for an empty input', () => {
    expect(parseSecretIds('')).toEqual([])
    expect(parseSecretIds(' \n\n  # only a comment\n')).toEqual([])
  })

  it.each([
    ['Invalid-env, test/secret', 'alias'], // official
    ['0INVALID, test/secret', 'alias'], // official
    ['@Invalid, test/secret', 'alias'], // official
    ['MY ALIAS, test/secret', 'alias'],
    ['ALIAS*,test/secret', 'alias'],
    ['/*', 'prefix'], // official
    ['*not/a/prefix', 'prefix'], // official
    ['a*', 'prefix'], // official
    ['ab*', 'prefix'],
    ['*', 'prefix'],
    ['abc**', 'prefix'],
    ['ab*c', 'prefix'],
    ['abc*def', 'prefix'],
    ['my prefix*', 'prefix'],
    [`${VALID_ARN_1}*`, 'prefix'],
    ['ALIAS,', 'no secret id'],
    [',', 'no secret id'],
    ['A,b,c', 'more than one comma'],
    ['my secret', 'whitespace'],
    ['my\u00a0secret', 'whitespace'],
    ['my\u0001secret', 'control character'],
    ['arn:aws:secretsmanager:us-east-1:12345:secret:x', 'not a Secrets Manager secret ARN'],
    ['arn:aws:secretsmanager:us-east-1:123456789012:secret:', 'not a Secrets Manager'],
    ['arn:aws:secretsmanager::123456789012:secret:x', 'not a Secrets Manager'],
    ['arn:aws:secretsmanager:us-east-1:123456789012:secrets:x', 'not a Secrets Manager'],
    ['arn:aws:ssm:us-east-1:123456789012:parameter/x', 'not a Secrets Manager'],
    ['arn:gcp:secretsmanager:us-east-1:123456789012:secret:x', 'not a Secrets Manager'],
    ['ARN:aws:secretsmanager:us-east-1:123456789012:secret:x', 'not a Secrets Manager']
  ])('refuses %j (%s)', (line, detail) => {
    const error = refusal(line)
    expect(error.input).toBe('secret-ids')
    expect(error.message).toContain(detail)
  })

  it('names the input it was given in the error', () => {
    expect(() => parseSecretIds('a*', 'ids')).toThrow(/^Input 'ids': /)
  })

  it('refuses a whole input when one line is bad', () => {
    expect(() => parseSecretIds('good/one\nbad-alias,x')).toThrow(InputError)
  })

  it.each<[string, NameTransformation | undefined, boolean]>([
    ['MY_ALIAS,x', 'uppercase', true],
    ['myAlias,x', 'uppercase', false], // official: alias !== transformToValidEnvName(alias)
    ['my_alias,x', 'lowercase', true],
    ['MY_ALIAS,x', 'lowercase', false],
    ['myAlias,x', 'none', true],
    ['_0,x', 'uppercase', true],
    ['myAlias,x', undefined, true],
    ['0alias,x', undefined, false],
    [',x', 'uppercase', true]
  ])('alias %j under %s: accepted %s', (line, transformation, accepted) => {
    const parse = () => parseSecretIds(line, 'secret-ids', transformation)
    if (accepted) expect(parse).not.toThrow()
    else expect(parse).toThrow(InputError)
  })
})

describe('secretNameFromArn', () => {
  it.each([
    [VALID_ARN_1, 'test1'],
    [README_ARN_2, 'test2'],
    [GOV_ARN, 'db'],
    ['arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db/admin-Ab12Cd', 'prod/db/admin'],
    ['arn:aws:secretsmanager:eu-west-1:123456789012:secret:my-app-x1Y2z3', 'my-app'],
    ['arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db', 'prod/db'], // partial ARN
    [CN_ARN, 'app/key']
  ])('%s -> %s', (arn, name) => {
    expect(secretNameFromArn(arn)).toBe(name)
  })

  it('refuses something that is not a secret ARN', () => {
    expect(() => secretNameFromArn(INVALID_ARN)).toThrow()
    expect(() => secretNameFromArn('test/secret')).toThrow()
  })
})

describe('regionFromArn', () => {
  it.each([
    [VALID_ARN_1, 'us-east-1'],
    [VALID_ARN_3, 'ap-south-1'],
    [GOV_ARN, 'us-gov-west-1'],
    [CN_ARN, 'cn-north-1'],
    [INVALID_ARN, undefined],
    ['test/secret', undefined],
    ['arn:aws:secretsmanager::123456789012:secret:x', undefined]
  ])('%s -> %s', (arn, region) => {
    expect(regionFromArn(arn)).toBe(region)
  })
})

describe('envPrefixFor', () => {
  // What the caller knows after reading: the Name GetSecretValue or ListSecrets returned.
  const apiNames: Record<string, string> = {
    [README_ARN_1]: 'test1',
    [README_ARN_2]: 'test2',
    [VALID_ARN_1]: 'arn/secret-name',
    [GOV_ARN]: 'db'
  }
  const named = (text: string, t: NameTransformation = 'uppercase') =>
    parseSecretIds(text).map(r => envPrefixFor(r, apiNames[r.id] ?? r.id, t))

  it('names the official README example 1 secrets as the official action does', () => {
    const text = [
      'exampleSecretName',
      README_ARN_1,
      '0/test/secret',
      '/prod/example/secret',
      'SECRET_ALIAS_1,test/secret',
      `SECRET_ALIAS_2,${README_ARN_2}`,
      ',secret2'
    ].join('\n')
    expect(named(text)).toEqual([
      'EXAMPLESECRETNAME',
      'TEST1',
      '_0_TEST_SECRET',
      '_PROD_EXAMPLE_SECRET',
      'SECRET_ALIAS_1',
      'SECRET_ALIAS_2',
      'SECRET2'
    ])
  })

  it('names an ARN by the Name GetSecretValue returned (official index.test)', () => {
    expect(named(VALID_ARN_1)).toEqual(['ARN_SECRET_NAME'])
    expect(named(`ARN_ALIAS,${VALID_ARN_1}`)).toEqual(['ARN_ALIAS'])
  })

  it('names a non-aws-partition ARN by the secret name (the official action uses the whole ARN)', () => {
    expect(named(GOV_ARN)).toEqual(['DB'])
  })

  it('names each prefix match by its own name, or by the alias (official README example 2)', () => {
    const [prefix] = parseSecretIds('beta*')
    expect(
      ['betaSecretName', 'betaTest', 'beta_NewSecret'].map(n =>
        envPrefixFor(prefix, n, 'uppercase')
      )
    ).toEqual(['BETASECRETNAME', 'BETATEST', 'BETA_NEWSECRET'])
    const [aliased] = parseSecretIds('ONLY_ONE,test/*')
    expect(envPrefixFor(aliased, 'test/one', 'uppercase')).toBe('ONLY_ONE')
    const [blank] = parseSecretIds(',test/*')
    expect(envPrefixFor(blank, 'test/one', 'uppercase', true)).toBe('TEST_ONE')
  })

  it('gives a blank alias the secret name unless the value is flattened (official index.test)', () => {
    const [blank] = parseSecretIds(',test/blank2')
    expect(envPrefixFor(blank, 'test/blank2', 'uppercase')).toBe('TEST_BLANK2')
    expect(envPrefixFor(blank, 'test/blank2', 'uppercase', false)).toBe('TEST_BLANK2')
    expect(envPrefixFor(blank, 'test/blank2', 'uppercase', true)).toBe('')
    const [blankArn] = parseSecretIds(`,${README_ARN_1}`)
    expect(envPrefixFor(blankArn, 'test1', 'uppercase')).toBe('TEST1')
  })

  it.each<[NameTransformation, string[]]>([
    ['uppercase', ['PROD_DB', 'MY_ALIAS']],
    ['lowercase', ['prod_db', 'my_alias']],
    ['none', ['Prod_DB', 'My_Alias']]
  ])('applies the %s transformation to derived names', (t, expected) => {
    const aliasLine = { uppercase: 'MY_ALIAS', lowercase: 'my_alias', none: 'My_Alias' }[t]
    const requests = parseSecretIds(`Prod/DB\n${aliasLine},x`, 'secret-ids', t)
    expect(requests.map(r => envPrefixFor(r, r.id, t))).toEqual(expected)
  })

  it('matches the official index.test export list end to end', () => {
    const lines = ['test/*', 'SECRET_ALIAS,app/secret', `ARN_ALIAS,${VALID_ARN_1}`, ',test/blank']
    const values: Record<string, Array<[string, string]>> = {
      'test/': [
        ['test/one', '{"user": "admin", "password": "adminpw"}'],
        ['test/two', '{"user": "integ", "password": "integpw"}']
      ],
      'app/secret': [['app/secret', 'secretString1']],
      [VALID_ARN_1]: [['arn/secret-name', 'secretString2']],
      'test/blank': [
        [
          'test/blank',
          '{"username": "integ", "password": "integpw", "config": {"id1": "example1"}}'
        ]
      ]
    }
    const exported = parseSecretIds(lines.join('\n')).flatMap(request =>
      values[request.id].flatMap(([name, data]) => {
        const json = data.startsWith('{') ? JSON.parse(data) : undefined
        const prefix = envPrefixFor(request, name, 'uppercase', json !== undefined)
        return json === undefined
          ? [{ name: prefix, value: data }]
          : flattenJsonToEnv(prefix, json, 'uppercase')
      })
    )
    expect(exported).toEqual([
      { name: 'TEST_ONE_USER', value: 'admin' },
      { name: 'TEST_ONE_PASSWORD', value: 'adminpw' },
      { name: 'TEST_TWO_USER', value: 'integ' },
      { name: 'TEST_TWO_PASSWORD', value: 'integpw' },
      { name: 'SECRET_ALIAS', value: 'secretString1' },
      { name: 'ARN_ALIAS', value: 'secretString2' },
      { name: 'USERNAME', value: 'integ' },
      { name: 'PASSWORD', value: 'integpw' },
      { name: 'CONFIG_ID1', value: 'example1' }
    ])
  })
})

describe('idNames', () => {
  const arn = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf'
  const longer = {
    name: 'db-prod',
    arn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-prod-XyZ123'
  }
  const db = { name: 'db', arn }

  it('matches a name, a complete ARN and a partial ARN of the same secret', () => {
    expect(idNames('db', db)).toBe(true)
    expect(idNames(arn, db)).toBe(true)
    expect(idNames(arn.slice(0, -7), db)).toBe(true)
  })

  it('does not take the partial ARN of one secret for another whose name extends it', () => {
    expect(idNames(arn.slice(0, -7), longer)).toBe(false)
    expect(idNames('db', longer)).toBe(false)
  })
})

describe('AWS-managed names and tag lines', () => {
  const MANAGED_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!cluster-1a2b-AbCdEf'

  it.each<[string, SecretRequest]>([
    ['rds!cluster-1a2b', { id: 'rds!cluster-1a2b', kind: 'name' }],
    [MANAGED_ARN, { id: MANAGED_ARN, kind: 'arn' }],
    ['rds!*', { id: 'rds!', kind: 'prefix' }],
    ['DB,rds!cluster-1a2b', { id: 'rds!cluster-1a2b', alias: 'DB', kind: 'name' }],
    ['tag:team=web', { id: 'tag:team=web', kind: 'tag', tag: { key: 'team', value: 'web' } }],
    ['tag:team', { id: 'tag:team', kind: 'tag', tag: { key: 'team' } }],
    ['tag:team=', { id: 'tag:team=', kind: 'tag', tag: { key: 'team', value: '' } }],
    ['tag:a=b=c', { id: 'tag:a=b=c', kind: 'tag', tag: { key: 'a', value: 'b=c' } }],
    [
      'WEB,tag:team=web',
      { id: 'tag:team=web', alias: 'WEB', kind: 'tag', tag: { key: 'team', value: 'web' } }
    ],
    [',tag:team=web', { id: 'tag:team=web', kind: 'tag', tag: { key: 'team', value: 'web' } }]
  ])('parses %j', (line, expected) => {
    expect(parseSecretIds(line)).toStrictEqual([expected])
  })

  it.each([
    ['!ab*', 'prefix'],
    ['tag:', 'tag selection'],
    ['tag:=web', 'tag selection'],
    ['A,tag:team=w,b', 'more than one comma'],
    ['tag:team=we*b', 'tag selection'],
    ['tag:t\u0001=x', 'tag selection']
  ])('refuses %j (%s)', (line, detail) => {
    expect(refusal(line).message).toContain(detail)
  })

  it('reads the secret-id of the single-secret modes with !', () => {
    const inputs = (id: string) => new Inputs(name => (name === 'secret-id' ? id : ''))
    expect(parseSecretId(inputs('rds!cluster-1a2b'), 'put')).toBe('rds!cluster-1a2b')
    expect(parseSecretId(inputs(MANAGED_ARN), 'put')).toBe(MANAGED_ARN)
    expect(regionFromArn(MANAGED_ARN)).toBe('us-east-1')
    expect(secretNameFromArn(MANAGED_ARN)).toBe('rds!cluster-1a2b')
  })

  it('names tag and wildcard matches by the secret name, stripped with strip-prefix', () => {
    const [prefix, tag, name] = parseSecretIds('prod/app/*\ntag:team=web\nprod/app/x')
    expect(envPrefixFor(prefix, 'prod/app/db', 'uppercase')).toBe('PROD_APP_DB')
    expect(envPrefixFor(prefix, 'prod/app/db', 'uppercase', false, true)).toBe('DB')
    expect(envPrefixFor(prefix, 'prod/app/', 'uppercase', false, true)).toBe('PROD_APP_')
    expect(envPrefixFor(prefix, 'prod/app/9lives', 'uppercase', false, true)).toBe('_9LIVES')
    expect(envPrefixFor(tag, 'prod/web/api-key', 'uppercase')).toBe('PROD_WEB_API_KEY')
    expect(envPrefixFor(tag, 'prod/web/api-key', 'uppercase', false, true)).toBe('API_KEY')
    expect(envPrefixFor(tag, 'flat', 'uppercase', false, true)).toBe('FLAT')
    // strip-prefix leaves names and ARNs as the official action names them.
    expect(envPrefixFor(name, 'prod/app/x', 'uppercase', false, true)).toBe('PROD_APP_X')
  })
})

import { describe, expect, it } from '@jest/globals'
import { toEnvName, type NameTransformation } from '../../../src/output/env-names.js'

// Cases marked "official" are the inputs and expected names of
// aws-actions/aws-secretsmanager-get-secrets __tests__/utils.test.ts, index.test.ts and README.
describe('toEnvName', () => {
  it.each<[string, NameTransformation, string]>([
    ['prod/db/admin', 'uppercase', 'PROD_DB_ADMIN'], // official
    ['0Admin', 'uppercase', '_0ADMIN'], // official
    ['secret3', 'uppercase', 'SECRET3'], // official
    ['Secret3', 'lowercase', 'secret3'], // official
    ['Secret3', 'none', 'Secret3'], // official
    ['test/secret', 'uppercase', 'TEST_SECRET'], // official
    ['exampleSecretName', 'uppercase', 'EXAMPLESECRETNAME'], // official README
    ['exampleSecretName', 'lowercase', 'examplesecretname'], // official README
    ['0/test/secret', 'uppercase', '_0_TEST_SECRET'], // official README
    ['/prod/example/secret', 'uppercase', '_PROD_EXAMPLE_SECRET'], // official README
    ['beta_NewSecret', 'uppercase', 'BETA_NEWSECRET'], // official README
    ['My-Secret.v2', 'none', 'My_Secret_v2'],
    ['My-Secret.v2', 'lowercase', 'my_secret_v2'],
    ['9lives', 'none', '_9lives'],
    ['9lives', 'lowercase', '_9lives'],
    ['-1abc', 'uppercase', '_1ABC'], // the digit check runs before replacement
    ['a+b=c@d', 'uppercase', 'A_B_C_D'],
    ['café', 'uppercase', 'CAF_'],
    ['cafe\u0301', 'uppercase', 'CAFE_'], // decomposed accent: one extra code unit
    ['🔑key', 'uppercase', '__KEY'], // a surrogate pair is two code units
    ['１abc', 'uppercase', '_ABC'], // a full-width digit is not [0-9]
    ['ключ', 'none', '____'],
    ['', 'uppercase', '']
  ])('%j (%s) -> %j', (raw, transformation, expected) => {
    expect(toEnvName(raw, transformation)).toBe(expected)
  })

  it('maps different secret names to the same env var name (official collision case)', () => {
    expect(toEnvName('TEST/SECRET/2', 'uppercase')).toBe(toEnvName('TEST/SECRET@2', 'uppercase'))
    expect(toEnvName('MySecret', 'uppercase')).toBe(toEnvName('mysecret', 'uppercase'))
  })

  it('is idempotent, so a derived prefix can be passed back in', () => {
    for (const t of ['uppercase', 'lowercase', 'none'] as const) {
      const once = toEnvName('0/odd name-É', t)
      expect(toEnvName(once, t)).toBe(once)
    }
  })
})

import { describe, expect, it } from '@jest/globals'
import { parseSecretIds } from '../../../src/secrets/ids.js'
import { compareVersions, namedBy } from '../../../src/versions/compare.js'

const ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db/main-AbCdEf'

describe('compareVersions', () => {
  it('marks each secret unchanged, changed, new or gone, by name', () => {
    const requests = parseSecretIds('app/*\nsolo')
    const rows = compareVersions(
      { 'app/same': 'v1', 'app/moved': 'v1', 'app/old': 'v1', solo: 's1' },
      { 'app/same': 'v1', 'app/moved': 'v2', 'app/new': 'v1', solo: 's1' },
      requests
    )
    expect(rows).toEqual([
      { name: 'app/moved', previous: 'v1', current: 'v2', status: 'changed' },
      { name: 'app/new', current: 'v1', status: 'new' },
      { name: 'app/old', previous: 'v1', status: 'gone' },
      { name: 'app/same', previous: 'v1', current: 'v1', status: 'unchanged' },
      { name: 'solo', previous: 's1', current: 's1', status: 'unchanged' }
    ])
  })

  it('leaves out previous secrets no request names any more', () => {
    const rows = compareVersions({ 'a/x': '1', 'b/y': '2' }, { 'a/x': '1' }, parseSecretIds('a/x'))
    expect(rows.map(row => row.name)).toEqual(['a/x'])
  })

  it('treats names such as constructor as data', () => {
    const rows = compareVersions({}, { constructor: 'v1' }, parseSecretIds('constructor'))
    expect(rows).toEqual([{ name: 'constructor', current: 'v1', status: 'new' }])
  })

  it('finds what an ARN, a name and a prefix named in the previous ids', () => {
    const previous = { 'db/main': '1', 'db/mainly': '2', other: '3' }
    const [arn, name, prefix] = parseSecretIds(`${ARN}\nother\ndb/main*`)
    expect(namedBy(arn, previous)).toEqual(['db/main'])
    expect(namedBy(name, previous)).toEqual(['other'])
    expect(namedBy(prefix, previous)).toEqual(['db/main', 'db/mainly'])
  })
})

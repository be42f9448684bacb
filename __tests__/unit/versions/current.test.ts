import { describe, expect, it } from '@jest/globals'
import { idNames, parseSecretIds } from '../../../src/secrets/ids.js'
import { currentVersionId } from '../../../src/versions/current.js'

const ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db/main-AbCdEf'
const secret = (name: string, arn: string) => ({ name, arn, versionId: 'v' })

describe('currentVersionId', () => {
  it('is the version labelled AWSCURRENT, or empty without one', () => {
    expect(currentVersionId({ a: ['AWSPREVIOUS'], b: ['AWSPENDING', 'AWSCURRENT'] })).toBe('b')
    expect(currentVersionId({ a: ['AWSPENDING'] })).toBe('')
    expect(currentVersionId(undefined)).toBe('')
  })
})

describe('a name or ARN asked for, against a listed secret (idNames)', () => {
  it('matches names exactly, and complete or partial ARNs', () => {
    const [name, complete, partial] = parseSecretIds(`db/main\n${ARN}\n${ARN.slice(0, -7)}`)
    const main = secret('db/main', ARN)
    const longer = secret('db/main-old', `${ARN.slice(0, -7)}-old-XyZ123`)
    expect(idNames(name.id, main)).toBe(true)
    expect(idNames(name.id, longer)).toBe(false)
    expect(idNames(complete.id, main)).toBe(true)
    expect(idNames(partial.id, main)).toBe(true)
    expect(idNames(partial.id, longer)).toBe(false)
  })
})

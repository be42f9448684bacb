import { describe, expect, it } from '@jest/globals'
import { parseSecretIds } from '../../../src/secrets/ids.js'
import { currentVersionId, matchesRequest } from '../../../src/versions/current.js'

const ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db/main-AbCdEf'
const secret = (name: string, arn: string) => ({ name, arn, versionId: 'v' })

describe('currentVersionId', () => {
  it('is the version labelled AWSCURRENT, or empty without one', () => {
    expect(currentVersionId({ a: ['AWSPREVIOUS'], b: ['AWSPENDING', 'AWSCURRENT'] })).toBe('b')
    expect(currentVersionId({ a: ['AWSPENDING'] })).toBe('')
    expect(currentVersionId(undefined)).toBe('')
  })
})

describe('matchesRequest', () => {
  it('matches names exactly, and complete or partial ARNs', () => {
    const [name, complete, partial] = parseSecretIds(`db/main\n${ARN}\n${ARN.slice(0, -7)}`)
    const main = secret('db/main', ARN)
    const longer = secret('db/main-old', `${ARN.slice(0, -7)}-old-XyZ123`)
    expect(matchesRequest(name, main)).toBe(true)
    expect(matchesRequest(name, longer)).toBe(false)
    expect(matchesRequest(complete, main)).toBe(true)
    expect(matchesRequest(partial, main)).toBe(true)
    expect(matchesRequest(partial, longer)).toBe(false)
  })
})

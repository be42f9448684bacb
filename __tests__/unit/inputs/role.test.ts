import { describe, expect, it } from '@jest/globals'
import { parseAwsConfig } from '../../../src/inputs/common.js'
import { inputsFrom } from '../../harness/context.js'

const ARN = 'arn:aws:iam::123456789012:role/ci/secrets-reader'
const parse = (values: Record<string, string>) => parseAwsConfig(inputsFrom(values)).role

describe('role inputs', () => {
  it('has no role without role-to-assume, and the documented defaults with one', () => {
    expect(parse({})).toBeUndefined()
    expect(parse({ 'role-to-assume': ARN, 'role-chaining': 'false' })).toEqual({
      arn: ARN,
      audience: 'sts.amazonaws.com',
      sessionName: undefined,
      durationSeconds: 900,
      externalId: undefined,
      chaining: false
    })
  })

  it('refuses a malformed role ARN', () => {
    for (const arn of [
      'arn:aws:iam::12345:role/x',
      'arn:aws:iam::123456789012:user/x',
      'ci-secrets-reader',
      'arn:aws:sts::123456789012:assumed-role/x/y'
    ]) {
      expect(() => parse({ 'role-to-assume': arn })).toThrow(/^Input 'role-to-assume'/)
    }
    expect(parse({ 'role-to-assume': 'arn:aws-us-gov:iam::123456789012:role/x' })?.arn).toBe(
      'arn:aws-us-gov:iam::123456789012:role/x'
    )
  })

  it('checks the session name and duration', () => {
    expect(() => parse({ 'role-to-assume': ARN, 'role-session-name': 'a' })).toThrow(
      /role-session-name/
    )
    expect(() => parse({ 'role-to-assume': ARN, 'role-session-name': 'has space' })).toThrow(
      /role-session-name/
    )
    expect(() => parse({ 'role-to-assume': ARN, 'role-duration-seconds': '899' })).toThrow(
      /role-duration-seconds.*900 and 43200/
    )
    expect(() => parse({ 'role-to-assume': ARN, 'role-duration-seconds': '43201' })).toThrow(
      /role-duration-seconds/
    )
  })

  it('takes an external id only with role-chaining', () => {
    expect(() => parse({ 'role-to-assume': ARN, 'role-external-id': 'ext-1' })).toThrow(
      /role-external-id.*role-chaining/
    )
    const chained = { 'role-to-assume': ARN, 'role-chaining': 'true', 'role-external-id': 'ext-1' }
    expect(parse(chained)).toMatchObject({ chaining: true, externalId: 'ext-1' })
  })

  it('refuses role settings without role-to-assume', () => {
    expect(() => parse({ 'role-chaining': 'true' })).toThrow(
      /role-to-assume.*required when role-chaining/
    )
    expect(() => parse({ 'role-session-name': 'deploy' })).toThrow(/role-to-assume/)
  })
})

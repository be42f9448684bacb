import { describe, expect, it } from '@jest/globals'
import { chainFailures } from '../../../src/aws/credentials-deadline.js'
import { describeAssumeError } from '../../../src/aws/role-errors.js'
import type { RoleConfig } from '../../../src/aws/config.js'

const role: RoleConfig = {
  arn: 'arn:aws:iam::222222222222:role/ci',
  audience: 'sts.amazonaws.com',
  durationSeconds: 7200,
  chaining: false
}
const env = { GITHUB_REPOSITORY: 'o/r', GITHUB_REF: 'refs/heads/dev' }
const sdkError = (name: string, message = 'm', status = 400) =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } })

describe('describeAssumeError', () => {
  it('says the chain to chain from failed, not the role, when STS fails inside it', async () => {
    const chain = chainFailures(() => Promise.reject(sdkError('AccessDenied', 'inner', 403)))
    const failure = await chain().catch((error: unknown) => error)
    expect(describeAssumeError(failure, { role: { ...role, chaining: true }, env })).toBe(
      'Could not assume role arn:aws:iam::222222222222:role/ci (sts:AssumeRole with the ' +
        'credentials already present (role-chaining)): no credentials to chain from (the ' +
        'default credential chain failed with AccessDenied, HTTP 403): check ' +
        "AWS_CONTAINER_CREDENTIALS_FULL_URI or _RELATIVE_URI and the profile's role_arn, " +
        'source_profile, credential_process or web identity token, or use role-to-assume or ' +
        'aws-actions/configure-aws-credentials.'
    )
  })

  it('turns AccessDenied into the trust policy to check, guessing sub without a token', () => {
    const message = describeAssumeError(sdkError('AccessDenied', 'Not authorized', 403), {
      role,
      env
    })
    expect(message).toContain('Could not assume role arn:aws:iam::222222222222:role/ci')
    expect(message).toContain("e.g. 'repo:o/r:ref:refs/heads/dev'")
    expect(message).toContain('arn:aws:iam::222222222222:oidc-provider/')
  })

  it.each([
    ['aws-cn', 'arn:aws-cn:iam::222222222222:role/ci'],
    ['aws-us-gov', 'arn:aws-us-gov:iam::222222222222:role/ci']
  ])('names the OIDC provider in the role partition (%s)', (partition, arn) => {
    const denied = sdkError('AccessDenied', 'Not authorized', 403)
    const message = describeAssumeError(denied, { role: { ...role, arn }, env })
    expect(message).toContain(`principal arn:${partition}:iam::222222222222:oidc-provider/`)
    expect(message).not.toContain('arn:aws:iam')
  })

  it('explains a rejected token by the missing OIDC provider', () => {
    const message = describeAssumeError(sdkError('InvalidIdentityTokenException'), { role, env })
    expect(message).toMatch(/Account 222222222222 needs the IAM OIDC identity provider/)
  })

  it('explains a too long session', () => {
    const error = sdkError(
      'ValidationError',
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'
    )
    expect(describeAssumeError(error, { role, env })).toMatch(/role-duration-seconds \(7200\)/)
  })

  it('keeps the AWS name, status and message for anything else', () => {
    const error = sdkError('RegionDisabledException', 'STS is not activated in this region')
    expect(describeAssumeError(error, { role, env })).toMatch(
      /RegionDisabledException, HTTP 400: STS is not activated/
    )
  })
})

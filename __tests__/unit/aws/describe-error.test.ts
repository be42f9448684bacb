import { describe, expect, it } from '@jest/globals'
import { describeAwsError } from '../../../src/aws/errors.js'

const awsError = (name: string, status?: number, message = 'm') =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } })

describe('describeAwsError', () => {
  it('names the missing permission on access denied, by name or by HTTP 403', () => {
    expect(
      describeAwsError(awsError('AccessDeniedException', 400), 'GetSecretValue', 'db')
    ).toMatch(
      /Access denied to secretsmanager:GetSecretValue for 'db'.*need secretsmanager:GetSecretValue on this secret/
    )
    // moto's IAM denials are XML, which the JSON client reports as a SyntaxError with 403.
    expect(describeAwsError(awsError('SyntaxError', 403), 'ListSecrets')).toMatch(
      /Access denied to secretsmanager:ListSecrets/
    )
  })

  it('says what to check when a secret is not found, by name or by HTTP 404', () => {
    expect(
      describeAwsError(awsError('ResourceNotFoundException', 400), 'GetSecretValue', 'x')
    ).toMatch(/Secret 'x' not found.*name or ARN and the region/)
    expect(describeAwsError(awsError('Unknown', 404), 'GetSecretValue', 'y')).toMatch(
      /'y' not found/
    )
  })

  it('explains throttling, deletion, KMS, credentials and network failures', () => {
    expect(describeAwsError(awsError('ThrottlingException', 400), 'ListSecrets')).toMatch(
      /Throttled.*max-attempts/
    )
    expect(
      describeAwsError(
        awsError('InvalidRequestException', 400, 'secret is marked for deletion'),
        'GetSecretValue',
        'old'
      )
    ).toMatch(/'old' is scheduled for deletion/)
    expect(describeAwsError(awsError('DecryptionFailure', 400), 'GetSecretValue', 'k')).toMatch(
      /kms:Decrypt/
    )
    expect(describeAwsError(awsError('CredentialsProviderError'), 'GetSecretValue')).toMatch(
      /role-to-assume.*configure-aws-credentials/
    )
    const network = Object.assign(new Error('connect'), { code: 'ECONNREFUSED' })
    expect(describeAwsError(network, 'GetSecretValue')).toMatch(/ECONNREFUSED.*endpoint-url/)
  })

  it('falls back to the error name, status and AWS message', () => {
    expect(
      describeAwsError(awsError('LimitExceededException', 400, 'too many'), 'PutSecretValue')
    ).toBe('PutSecretValue failed: LimitExceededException, HTTP 400: too many')
  })
})

describe('permission hints', () => {
  const denied = Object.assign(new Error('no'), { name: 'AccessDeniedException' })

  it('asks for Resource "*" where an action cannot be scoped to a secret', () => {
    expect(describeAwsError(denied, 'ListSecrets')).toMatch(/ListSecrets \(Resource "\*"\)\.$/)
  })

  it('names the KMS permission only for reads and writes', () => {
    expect(describeAwsError(denied, 'GetSecretValue', 's')).toMatch(/kms:Decrypt/)
    expect(describeAwsError(denied, 'PutSecretValue', 's')).toMatch(/kms:GenerateDataKey/)
    expect(describeAwsError(denied, 'DescribeSecret', 's')).not.toMatch(/kms/)
  })
})

import { describe, expect, it } from '@jest/globals'
import { describeAwsError, isAccessDenied } from '../../../src/aws/errors.js'

// From AWS (or moto): every answer carries a request id.
const awsError = (name: string, status?: number, message = 'm') =>
  Object.assign(new Error(message), {
    name,
    $metadata: { httpStatusCode: status, requestId: 'req-1' }
  })

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

  it('blames a proxy or firewall for a 403 that has no AWS request id', () => {
    // https-proxy-agent hands a proxy's refused CONNECT to the SDK as the response.
    const refused = Object.assign(new Error('m'), {
      name: 'Unknown',
      $metadata: { httpStatusCode: 403 }
    })
    const text = describeAwsError(refused, 'BatchGetSecretValue', 'db')
    expect(text).toMatch(/HTTP 403 without an AWS request id .* proxy or firewall/)
    expect(text).not.toMatch(/Access denied|credentials need/)
    expect(isAccessDenied(refused)).toBe(false)
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

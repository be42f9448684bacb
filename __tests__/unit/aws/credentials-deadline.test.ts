import { describe, expect, it } from '@jest/globals'
import { chainFailures, withDeadline } from '../../../src/aws/credentials-deadline.js'
import {
  CREDENTIALS_CHAIN_FAILED,
  CREDENTIALS_TIMEOUT,
  describeAwsError,
  isAccessDenied,
  isThrottled
} from '../../../src/aws/errors.js'

const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example-secret' }

describe('withDeadline', () => {
  it('passes the credentials of a provider that answers in time', async () => {
    const provider = withDeadline(async () => CREDENTIALS, 1000)
    await expect(provider()).resolves.toEqual(CREDENTIALS)
  })

  it('fails a provider that never answers at the deadline, then every later call at once', async () => {
    let calls = 0
    const provider = withDeadline(() => {
      calls++
      return new Promise(() => {})
    }, 50)
    const first = await provider().catch((error: Error) => error)
    expect(first).toMatchObject({
      name: CREDENTIALS_TIMEOUT,
      message: 'No AWS credentials within 0.05 s: the default credential chain did not finish'
    })
    // The same error, without asking the provider again: no second deadline to wait out.
    await expect(provider()).rejects.toBe(first)
    expect(calls).toBe(1)
    expect(describeAwsError(first, 'BatchGetSecretValue')).toBe(
      'No AWS credentials within 0.05 s: the default credential chain did not finish ' +
        '(BatchGetSecretValue): check AWS_CONTAINER_CREDENTIALS_FULL_URI or _RELATIVE_URI and ' +
        "the profile's role_arn, source_profile, credential_process or web identity token, or " +
        'use role-to-assume or aws-actions/configure-aws-credentials.'
    )
  })

  it.each([
    [
      'an STS denial',
      { name: 'AccessDenied', $metadata: { httpStatusCode: 403, requestId: 'r' } },
      'AccessDenied, HTTP 403'
    ],
    [
      'STS throttling',
      { name: 'Throttling', $metadata: { httpStatusCode: 400, requestId: 'r' } },
      'Throttling, HTTP 400'
    ],
    ['a missing token file', { name: 'Error', code: 'ENOENT' }, 'Error, ENOENT'],
    ['an odd name', { name: 'Bad name <x>' }, 'an error']
  ])('reports %s inside the chain as the chain’s, not as the call’s', async (_, fields, what) => {
    const inner = Object.assign(new Error('printed: SECRET-FROM-PROCESS'), fields)
    const failure = await chainFailures(() => Promise.reject(inner))().catch(
      (error: Error) => error
    )
    expect(failure).toMatchObject({ name: CREDENTIALS_CHAIN_FAILED, cause: inner })
    expect(isAccessDenied(failure)).toBe(false)
    expect(isThrottled(failure)).toBe(false)
    const message = describeAwsError(failure, 'BatchGetSecretValue', 'db')
    expect(message).toBe(
      `No usable AWS credentials (BatchGetSecretValue): the default credential chain failed with ${what}: ` +
        "check AWS_CONTAINER_CREDENTIALS_FULL_URI or _RELATIVE_URI and the profile's role_arn, " +
        'source_profile, credential_process or web identity token, or use role-to-assume or ' +
        'aws-actions/configure-aws-credentials.'
    )
    expect(message).not.toContain('SECRET-FROM-PROCESS')
  })

  it('passes the SDK’s own errors of a chain that found nothing, and keeps a reset retryable', async () => {
    const none = Object.assign(new Error('Could not load credentials from any providers'), {
      name: 'CredentialsProviderError'
    })
    await expect(chainFailures(() => Promise.reject(none))()).rejects.toBe(none)
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })
    await expect(chainFailures(() => Promise.reject(reset))()).rejects.toMatchObject({
      name: CREDENTIALS_CHAIN_FAILED,
      code: 'ECONNRESET'
    })
  })
})

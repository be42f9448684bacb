import { describe, expect, it } from '@jest/globals'
import { withDeadline } from '../../../src/aws/credentials-deadline.js'
import { CREDENTIALS_TIMEOUT, describeAwsError } from '../../../src/aws/errors.js'

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
        "the profile's credential_process, or " +
        'use role-to-assume or aws-actions/configure-aws-credentials.'
    )
  })
})

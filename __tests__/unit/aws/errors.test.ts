import { describe, expect, it } from '@jest/globals'
import { describeAwsError, isTimeout, isUnreadableResponse } from '../../../src/aws/errors.js'
import { failureMessage } from '../../../src/failure.js'

/** What the SDK throws when a body does not parse: V8 quotes the text around the fault. */
function parseError(body: string, status: number): Error {
  let error: Error
  try {
    JSON.parse(body)
    throw new Error('parsed')
  } catch (e) {
    error = e as Error
  }
  Object.defineProperty(error, '$responseBodyText', { value: body })
  error.message += '\n  Deserialization error: to see the raw response, inspect the hidden field'
  return Object.assign(error, { $metadata: { httpStatusCode: status } })
}

describe('describeAwsError', () => {
  it('never quotes a response body that did not parse: it may hold a value', () => {
    const error = parseError('{"Name":"db","SecretString":hunter2-value-x"}', 200)
    expect(error.message).toContain('hunter2') // what V8 would have shown
    const text = describeAwsError(error, 'GetSecretValue', 'db')
    expect(text).not.toContain('hunter2')
    expect(text).toMatch(/GetSecretValue for 'db' failed: .*HTTP 200.*not a Secrets Manager/)
    expect(failureMessage(error)).not.toContain('hunter2')
    expect(isUnreadableResponse(error)).toBe(true)
  })

  it('points at aws-region when the endpoint answers HTML (an unknown region at moto)', () => {
    const error = parseError('<!doctype html><title>500</title>', 500)
    expect(describeAwsError(error, 'BatchGetSecretValue', 'db')).toMatch(/HTTP 500.*aws-region/)
  })

  it('keeps reading a 403 that did not parse as access denied', () => {
    const error = parseError('<?xml version="1.0"?><ErrorResponse/>', 403)
    Object.assign(error, { $metadata: { httpStatusCode: 403, requestId: 'moto-request-1' } })
    expect(describeAwsError(error, 'GetSecretValue', 'db')).toMatch(/^Access denied/)
  })

  it('names the host and aws-region when the endpoint does not resolve', () => {
    const error = Object.assign(new Error('getaddrinfo ENOTFOUND x'), {
      code: 'ENOTFOUND',
      hostname: 'secretsmanager.xx-nowhere-9.amazonaws.com'
    })
    expect(describeAwsError(error, 'GetSecretValue', 'db')).toMatch(
      /at secretsmanager\.xx-nowhere-9\.amazonaws\.com .*Check aws-region/
    )
  })

  it('tells a timeout from a reset', () => {
    const timeout = Object.assign(new Error('exceeded the configured 500 ms requestTimeout'), {
      name: 'TimeoutError',
      code: 'ETIMEDOUT',
      $metadata: { attempts: 3 }
    })
    const reset = Object.assign(new Error('socket hang up'), {
      name: 'TimeoutError',
      code: 'ECONNRESET'
    })
    expect(isTimeout(timeout)).toBe(true)
    expect(isTimeout(reset)).toBe(false)
    expect(describeAwsError(timeout, 'ListSecrets')).toMatch(
      /No answer from Secrets Manager within the request timeout \(ListSecrets\) after 3 attempts/
    )
    expect(describeAwsError(reset, 'ListSecrets')).toMatch(/Could not reach .*ECONNRESET/)
  })

  it('keeps the AWS message of other errors', () => {
    const error = Object.assign(new Error('You cannot perform this operation on the secret'), {
      name: 'InvalidRequestException',
      $metadata: { httpStatusCode: 400 }
    })
    expect(describeAwsError(error, 'GetSecretValue', 'db')).toBe(
      "GetSecretValue for 'db' failed: InvalidRequestException, HTTP 400: You cannot perform this operation on the secret"
    )
  })
})

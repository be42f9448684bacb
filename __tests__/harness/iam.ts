// moto's IAM mode: users, keys and inline policies made through moto's IAM query API with plain
// HTTP (no IAM client is installed), and the switch that makes moto enforce them.
// moto picks the service from the SigV4 credential scope and checks no signature before
// enforcement is on, so a fixed Authorization header naming 'iam' is enough.
import type { TestCredentials } from './moto.js'

const IAM_AUTHORIZATION =
  'AWS4-HMAC-SHA256 Credential=testing/20240101/us-east-1/iam/aws4_request, ' +
  'SignedHeaders=host, Signature=0'

async function iam(endpoint: string, params: Record<string, string>): Promise<string> {
  const res = await fetch(`${endpoint}/`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      authorization: IAM_AUTHORIZATION
    },
    body: new URLSearchParams({ Version: '2010-05-08', ...params }).toString()
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`IAM ${params.Action} failed: HTTP ${res.status} ${text}`)
  return text
}

/** An IAM user allowed exactly `actions` (on every resource), and an access key of it. */
export async function createIamUser(
  endpoint: string,
  name: string,
  actions: string[]
): Promise<TestCredentials> {
  await iam(endpoint, { Action: 'CreateUser', UserName: name })
  const policy = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }]
  }
  await iam(endpoint, {
    Action: 'PutUserPolicy',
    UserName: name,
    PolicyName: `${name}-policy`,
    PolicyDocument: JSON.stringify(policy)
  })
  const key = await iam(endpoint, { Action: 'CreateAccessKey', UserName: name })
  const field = (tag: string) => new RegExp(`<${tag}>([^<]+)</${tag}>`).exec(key)?.[1] ?? ''
  return { accessKeyId: field('AccessKeyId'), secretAccessKey: field('SecretAccessKey') }
}

/**
 * Turns moto's IAM enforcement on (every later request must be signed by a moto IAM user whose
 * policies allow it; denials are XML with HTTP 403) or off again. It is server-wide and survives
 * /moto-api/reset: always turn it off in a finally.
 */
export async function enforceIam(endpoint: string, on: boolean): Promise<void> {
  const res = await fetch(`${endpoint}/moto-api/reset-auth`, {
    method: 'POST',
    body: on ? '0' : 'inf'
  })
  if (!res.ok) throw new Error(`reset-auth failed: HTTP ${res.status} ${await res.text()}`)
}

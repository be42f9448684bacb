// Secrets in another moto account. moto keys its state by the account of the access key that
// signs a request, and the credentials of an assumed role belong to the account in the role's
// ARN (moto/sts/models.py _create_access_key), so assuming any role in an account from the
// test side gives keys that create and read secrets in that account only.
// No jest imports here: scripts/*.ts may import it through tsx.
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts'
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { testClient, type TestCredentials } from './moto.js'

export async function credentialsInAccount(
  endpoint: string,
  account: string
): Promise<TestCredentials> {
  const sts = new STSClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    maxAttempts: 1
  })
  try {
    const out = await sts.send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${account}:role/test-seeder`,
        RoleSessionName: 'test-seeder'
      })
    )
    const c = out.Credentials!
    return {
      accessKeyId: c.AccessKeyId!,
      secretAccessKey: c.SecretAccessKey!,
      sessionToken: c.SessionToken
    }
  } finally {
    sts.destroy()
  }
}

/** A Secrets Manager client of the test side whose requests land in the given account. */
export async function clientInAccount(
  endpoint: string,
  account: string
): Promise<SecretsManagerClient> {
  return testClient(endpoint, { credentials: await credentialsInAccount(endpoint, account) })
}

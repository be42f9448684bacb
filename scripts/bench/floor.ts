// The bench's floor: the least a step can do to read one secret, with nothing of ours around it
// (one SecretsManagerClient, one BatchGetSecretValue). Bundled with ncc like the action and run
// the same way, so `ours / floor` is what the action costs on top of the SDK.
import { BatchGetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager'

const client = new SecretsManagerClient({
  region: process.env.AWS_REGION,
  endpoint: process.env['INPUT_ENDPOINT-URL']
})
const id = process.env['INPUT_SECRET-IDS'] ?? ''
const out = await client.send(new BatchGetSecretValueCommand({ SecretIdList: [id] }))
console.log(`floor: ${out.SecretValues?.length ?? 0} secret(s)`)

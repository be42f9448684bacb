// Rotation in tests. moto cannot run a rotation function (MOTO.md): with Lambda's Docker use
// turned off it invokes the function without running it, so AWSPENDING stays. The test then
// plays the function itself while the action waits. No jest imports here.
import {
  DescribeSecretCommand,
  PutSecretValueCommand,
  UpdateSecretVersionStageCommand,
  type SecretsManagerClient
} from '@aws-sdk/client-secrets-manager'
import { deflateRawSync } from 'node:zlib'

const ACCOUNT = '123456789012'

/** Unsigned calls are fine with moto; it picks the service from the credential scope. */
async function motoCall(
  endpoint: string,
  service: string,
  route: string,
  body: string,
  contentType: string
): Promise<string> {
  const res = await fetch(`${endpoint}${route}`, {
    method: 'POST',
    body,
    headers: {
      'content-type': contentType,
      authorization: `AWS4-HMAC-SHA256 Credential=testing/20240101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=0`
    }
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`${service} ${route}: HTTP ${res.status} ${text.slice(0, 300)}`)
  return text
}

/**
 * A rotation function moto will "invoke" without Docker: an IAM role, then a Lambda function
 * (any code). Call after each moto reset. Returns the function ARN.
 */
export async function createRotationFunction(
  endpoint: string,
  name = 'rotate-db'
): Promise<string> {
  await fetch(`${endpoint}/moto-api/config`, {
    method: 'POST',
    body: JSON.stringify({ lambda: { use_docker: false } })
  })
  const role = new URLSearchParams({
    Action: 'CreateRole',
    Version: '2010-05-08',
    RoleName: `${name}-role`,
    AssumeRolePolicyDocument: '{}'
  })
  await motoCall(endpoint, 'iam', '/', role.toString(), 'application/x-www-form-urlencoded')
  const fn = {
    FunctionName: name,
    Runtime: 'python3.12',
    Role: `arn:aws:iam::${ACCOUNT}:role/${name}-role`,
    Handler: 'index.handler',
    Code: { ZipFile: zipOf('index.py', 'def handler(event, context):\n    return None\n') }
  }
  const out = await motoCall(
    endpoint,
    'lambda',
    '/2015-03-31/functions',
    JSON.stringify(fn),
    'application/json'
  )
  return (JSON.parse(out) as { FunctionArn: string }).FunctionArn
}

/** A one-file zip archive, base64: enough for moto to accept a function's code. */
function zipOf(fileName: string, text: string): string {
  const data = Buffer.from(text)
  const packed = deflateRawSync(data)
  const name = Buffer.from(fileName)
  const crc = crc32(data)
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(20, 4)
  local.writeUInt16LE(8, 8)
  local.writeUInt32LE(crc, 14)
  local.writeUInt32LE(packed.length, 18)
  local.writeUInt32LE(data.length, 22)
  local.writeUInt16LE(name.length, 26)
  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt16LE(20, 4)
  central.writeUInt16LE(20, 6)
  central.writeUInt16LE(8, 10)
  central.writeUInt32LE(crc, 16)
  central.writeUInt32LE(packed.length, 20)
  central.writeUInt32LE(data.length, 24)
  central.writeUInt16LE(name.length, 28)
  const localSize = local.length + name.length + packed.length
  const centralSize = central.length + name.length
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(centralSize, 12)
  end.writeUInt32LE(localSize, 16)
  return Buffer.concat([local, name, packed, central, name, end]).toString('base64')
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff
  for (const byte of data) {
    crc ^= byte
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1
  }
  return (crc ^ 0xffffffff) >>> 0
}

export async function stagesOf(
  client: SecretsManagerClient,
  secretId: string
): Promise<Record<string, string[]>> {
  const out = await client.send(new DescribeSecretCommand({ SecretId: secretId }))
  // moto lists versions without labels too; AWS leaves them out.
  return Object.fromEntries(
    Object.entries(out.VersionIdsToStages ?? {}).filter(([, labels]) => labels.length > 0)
  )
}

export function versionWith(stages: Record<string, string[]>, label: string): string | undefined {
  return Object.entries(stages).find(([, labels]) => labels.includes(label))?.[0]
}

/**
 * Waits (polling) until a version other than AWSCURRENT (and other than `ignore`, a stale one the
 * action is about to clear) holds AWSPENDING, and returns its id.
 */
export async function pendingVersion(
  client: SecretsManagerClient,
  secretId: string,
  ignore?: string,
  timeoutMs = 20_000
): Promise<string> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const stages = await stagesOf(client, secretId)
    const pending = versionWith(stages, 'AWSPENDING')
    if (pending && pending !== ignore && !stages[pending].includes('AWSCURRENT')) return pending
    await new Promise(resolve => setTimeout(resolve, 50))
  }
  throw new Error(`no AWSPENDING version of ${secretId} appeared`)
}

/**
 * What a rotation function does, as the test plays it: createSecret (the pending value under
 * the token), finishSecret (move AWSCURRENT), then AWSPENDING removed. Returns the new version.
 */
export async function playRotationFunction(
  client: SecretsManagerClient,
  secretId: string,
  newValue: string,
  ignore?: string
): Promise<string> {
  const pending = await pendingVersion(client, secretId, ignore)
  await client.send(
    new PutSecretValueCommand({
      SecretId: secretId,
      ClientRequestToken: pending,
      SecretString: newValue,
      VersionStages: ['AWSPENDING']
    })
  )
  const current = versionWith(await stagesOf(client, secretId), 'AWSCURRENT')
  await client.send(
    new UpdateSecretVersionStageCommand({
      SecretId: secretId,
      VersionStage: 'AWSCURRENT',
      MoveToVersionId: pending,
      RemoveFromVersionId: current
    })
  )
  await client.send(
    new UpdateSecretVersionStageCommand({
      SecretId: secretId,
      VersionStage: 'AWSPENDING',
      RemoveFromVersionId: pending
    })
  )
  return pending
}

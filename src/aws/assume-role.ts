import type { Credentials, STSClient } from '@aws-sdk/client-sts'
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types'
import { ActionError } from '../errors.js'
import { log } from '../output/log.js'
import { masker } from '../output/mask.js'
import type { ClientSettings } from './client.js'
import type { RoleConfig } from './config.js'
import { requestIdToken, tokenSubject } from './oidc.js'
import { describeAssumeError } from './role-errors.js'
import { AssumeRoleCommand, AssumeRoleWithWebIdentityCommand, createStsClient } from './sts.js'

// Loaded by credentials.ts only in a step with role-to-assume.

/** As the SDK: credentials this close to expiry are renewed before a request. */
export const REFRESH_WINDOW_MS = 5 * 60_000

/**
 * The role, assumed here at once, so a refusal fails the step before any secret is touched; the
 * credentials live only in the returned provider (never in env vars or files), and are
 * assumed again when they near expiry (a long rotation, say).
 */
export async function roleCredentials(
  role: RoleConfig,
  settings: ClientSettings,
  env: NodeJS.ProcessEnv
): Promise<AwsCredentialIdentityProvider> {
  const client = createStsClient(settings, env)
  const assume = () => assumeRole(client, role, env)
  let current = await assume()
  let renewing: Promise<AwsCredentialIdentity> | undefined
  return async () => {
    if (!expiresSoon(current)) return current
    renewing ??= assume()
      .then(fresh => (current = fresh))
      .finally(() => (renewing = undefined))
    return renewing
  }
}

function expiresSoon(credentials: AwsCredentialIdentity): boolean {
  const expiration = credentials.expiration?.getTime()
  return expiration !== undefined && expiration - Date.now() < REFRESH_WINDOW_MS
}

async function assumeRole(
  sts: STSClient,
  role: RoleConfig,
  env: NodeJS.ProcessEnv
): Promise<AwsCredentialIdentity> {
  const request = {
    RoleArn: role.arn,
    RoleSessionName: role.sessionName ?? defaultSessionName(env),
    DurationSeconds: role.durationSeconds
  }
  let subject: string | undefined
  let credentials: Credentials | undefined
  try {
    if (role.chaining) {
      const command = new AssumeRoleCommand({ ...request, ExternalId: role.externalId })
      credentials = (await sts.send(command)).Credentials
    } else {
      const token = await requestIdToken(role.audience, env)
      subject = tokenSubject(token)
      const command = new AssumeRoleWithWebIdentityCommand({ ...request, WebIdentityToken: token })
      credentials = (await sts.send(command)).Credentials
    }
  } catch (error) {
    if (error instanceof ActionError) throw error
    throw new ActionError(describeAssumeError(error, { role, subject, env }))
  }
  const identity = maskedIdentity(credentials, role)
  const how = role.chaining ? 'role chaining' : 'GitHub OIDC'
  log.info(
    `Assumed role ${role.arn} as session ${request.RoleSessionName} (${how}); ` +
      'its credentials stay inside this step.'
  )
  return identity
}

/** Masks each part the moment it arrives, then checks STS gave all three. */
function maskedIdentity(
  credentials: Credentials | undefined,
  role: RoleConfig
): AwsCredentialIdentity {
  const { AccessKeyId, SecretAccessKey, SessionToken, Expiration } = credentials ?? {}
  for (const part of [AccessKeyId, SecretAccessKey, SessionToken]) if (part) masker.add(part)
  if (!AccessKeyId || !SecretAccessKey || !SessionToken) {
    throw new ActionError(`STS answered without credentials for role ${role.arn}.`)
  }
  return {
    accessKeyId: AccessKeyId,
    secretAccessKey: SecretAccessKey,
    sessionToken: SessionToken,
    expiration: Expiration
  }
}

const SESSION_NAME_MAX = 64

/** `GitHubActions-<run id>-<attempt>`, in the alphabet STS allows, at most 64 characters. */
export function defaultSessionName(env: NodeJS.ProcessEnv): string {
  const parts = ['GitHubActions', env.GITHUB_RUN_ID, env.GITHUB_RUN_ATTEMPT].filter(Boolean)
  return parts
    .join('-')
    .replace(/[^\w+=,.@-]/g, '_')
    .slice(0, SESSION_NAME_MAX)
}

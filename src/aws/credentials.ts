import type { AwsCredentialIdentityProvider } from '@smithy/types'
import type { ClientSettings } from './client.js'
import type { RoleConfig } from './config.js'

/**
 * Credentials for this step's clients: the default chain, or an assumed role
 * (./assume-role.ts). The role's code, STS and its XML parser are compiled only in a step
 * that assumes a role.
 */
export async function resolveCredentials(
  role: RoleConfig | undefined,
  settings: ClientSettings,
  env: NodeJS.ProcessEnv
): Promise<AwsCredentialIdentityProvider | undefined> {
  if (role === undefined) return undefined
  return (await import('./assume-role.js')).roleCredentials(role, settings, env)
}

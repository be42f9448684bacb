import type { AwsCredentialIdentityProvider } from '@smithy/types'
import { ActionError } from '../errors.js'
import type { RoleConfig } from '../inputs/common.js'
import type { ClientSettings } from './client.js'

/** Credentials for this step's clients: the default chain, or an assumed role. */
export async function resolveCredentials(
  role: RoleConfig | undefined,
  _settings: ClientSettings,
  _env: NodeJS.ProcessEnv
): Promise<AwsCredentialIdentityProvider | undefined> {
  if (role === undefined) return undefined
  throw new ActionError('role-to-assume is not supported yet')
}

import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager'

/** What a mode's post hook gets in the post step. */
export interface PostContext {
  /** Built only when a post hook asks for it. */
  client(): Promise<SecretsManagerClient>
  state(name: string): string
  env: NodeJS.ProcessEnv
}

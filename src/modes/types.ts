import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import type { ClientSettings } from '../aws/client.js'
import type { Inputs } from '../inputs/reader.js'
import type { Emission } from '../output/emission.js'
import type { PostContext } from '../rotation/post-context.js'

export interface ModeContext {
  client: SecretsManagerClient
  /** How the client was built, for modes that need another AWS client of their own kind. */
  settings: ClientSettings
  env: NodeJS.ProcessEnv
}

/** One mode: its inputs, parsed once at the edge, and its handler. */
export interface ModeHandler<Config> {
  /** Defaults of export-env and export-outputs for this mode. */
  exportDefaults: { env: boolean; outputs: boolean }
  /** Throws InputError for any bad input, before any AWS call. */
  parse(inputs: Inputs): Config
  /** Secret ARNs named in the config: the region fallback after the aws-region input. */
  secretArns(config: Config): string[]
  run(config: Config, context: ModeContext): Promise<Emission>
  /** Runs in the post step of a job where this mode's main step ran. */
  post?(context: PostContext): Promise<void>
}

export type { PostContext }

// The SDK's default credential chain, as the bundle hands it to every client. Its clients
// require the chain when they load, and with it every provider it can fall back to (profiles,
// SSO, a process, web identity, containers, EC2) and three nested clients: about 0.15 MB that
// every start would compile. src/tsconfig.json's `paths` routes that require here. The chain's
// first link, keys in environment variables (what aws-actions/configure-aws-credentials
// exports), is the SDK's own fromEnv; the rest of the chain is loaded only when that link does
// not apply, and then decides as the SDK always does.
import { ENV_KEY, ENV_SECRET, fromEnv } from '@aws-sdk/credential-provider-env'
import type {
  DefaultProviderInit,
  defaultProvider as sdkDefaultProvider
} from '@aws-sdk/credential-provider-node/dist-types/index.js'

export type { DefaultProviderInit }

/** Where the SDK's chain takes its profile from (its ENV_PROFILE). */
const ENV_PROFILE = 'AWS_PROFILE'

export const defaultProvider: typeof sdkDefaultProvider = (init = {}) => {
  // One chain for all calls: its memo holds the credentials it found.
  let chain: Promise<ReturnType<typeof sdkDefaultProvider>> | undefined
  const rest = () =>
    (chain ??= import('@aws-sdk/credential-provider-node/dist-cjs/index.js').then(sdk =>
      sdk.defaultProvider(init)
    ))
  return async options => (envFirst(init) ? fromEnv(init)() : (await rest())(options))
}

/**
 * The SDK's first link answers: both keys are set and no profile is named. A named profile
 * wins over keys in the environment, so the SDK's chain decides (and warns of the two).
 */
function envFirst(init: DefaultProviderInit): boolean {
  const profile = init.profile ?? process.env[ENV_PROFILE]
  return !profile && Boolean(process.env[ENV_KEY] && process.env[ENV_SECRET])
}

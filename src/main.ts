import * as core from './actions-core.js'
import { clientSettings, createSecretsManagerClient } from './aws/client.js'
import { isUnreadableResponse } from './aws/errors.js'
import { resolveCredentials } from './aws/credentials.js'
import { ActionError, InputError } from './errors.js'
import { parseAwsConfig, parseEmitConfig, parseMode } from './inputs/common.js'
import { Inputs, readActionInput, type ReadInput } from './inputs/reader.js'
import { handlers } from './modes/index.js'
import { emit } from './output/emit.js'
import { masker, maskUrlPassword, withoutUserInfo } from './output/mask.js'

export const STATE_MODE = 'sma-mode'
export const STATE_REGION = 'sma-region'

/** The action's main step: parse every input, run the mode's handler, emit what it returns. */
export async function run(read: ReadInput = readActionInput, env = process.env): Promise<void> {
  try {
    const inputs = new Inputs(read)
    const mode = parseMode(inputs, Object.keys(handlers))
    const handler = await handlers[mode]()
    const aws = parseAwsConfig(inputs)
    const emitConfig = parseEmitConfig(inputs, handler.exportDefaults)
    const config = handler.parse(inputs)
    core.debug(`mode ${mode}: inputs are valid`)

    const settings = clientSettings(aws, handler.secretArns(config), env)
    // Endpoint and proxy may also come from the environment, credentials and all.
    maskUrlPassword(settings.endpoint)
    maskUrlPassword(settings.proxy)
    settings.credentials = await resolveCredentials(aws.role, settings, env)
    const endpoint = settings.endpoint ? withoutUserInfo(settings.endpoint) : 'default'
    core.debug(`region ${settings.region}, endpoint ${endpoint}`)
    const client = createSecretsManagerClient(settings)

    core.saveState(STATE_MODE, mode)
    core.saveState(STATE_REGION, settings.region)
    const emission = await handler.run(config, { client, settings, env })
    await emit(emission, emitConfig, env)
  } catch (error) {
    core.setFailed(failureMessage(error))
  }
}

/** One line a user can act on: no stack trace, and scrubbed of anything masked. */
export function failureMessage(error: unknown): string {
  const known = error instanceof InputError || error instanceof ActionError
  const err = error as { name?: string; message?: string }
  const message = known
    ? String(err.message)
    : isUnreadableResponse(error)
      ? `Unexpected ${err.name}: a response could not be parsed (not shown: it may hold secret values)`
      : `Unexpected ${err?.name ?? 'error'}: ${err?.message ?? error}`
  core.debug(`failure: ${err?.name ?? typeof error}`)
  return masker.redact(message).replace(/\s*\r?\n\s*/g, ' ')
}

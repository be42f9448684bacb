import * as core from './actions-core.js'
import { clientSettings, SecretsManagerClients } from './aws/client.js'
import { isUnreadableResponse } from './aws/errors.js'
import { resolveCredentials } from './aws/credentials.js'
import { ActionError, InputError } from './errors.js'
import { parseAwsConfig, parseEmitConfig, parseMode, parseUnmasked } from './inputs/common.js'
import { Inputs, readActionInput, type ReadInput } from './inputs/reader.js'
import { handlers } from './modes/index.js'
import { emit, preflight } from './output/emit.js'
import { masker, maskUrlPassword, withoutUserInfo } from './output/mask.js'
import { log } from './output/log.js'

export const STATE_MODE = 'sma-mode'
export const STATE_REGION = 'sma-region'

/** The action's main step: parse every input, run the mode's handler, emit what it returns. */
export async function run(read: ReadInput = readActionInput, env = process.env): Promise<void> {
  try {
    const inputs = new Inputs(read)
    const mode = parseMode(inputs, Object.keys(handlers))
    const handler = await handlers[mode]()
    masker.unmask(parseUnmasked(inputs))
    const aws = parseAwsConfig(inputs)
    const emitConfig = parseEmitConfig(inputs, handler.exportDefaults)
    const config = handler.parse(inputs)
    if (handler.plannedTargets) preflight(handler.plannedTargets(config), emitConfig, env)
    log.debug(`mode ${mode}: inputs are valid`)

    const arns = handler.secretArns(config)
    const settings = clientSettings(aws, arns, env)
    // Endpoint and proxy may also come from the environment, credentials and all.
    maskUrlPassword(settings.endpoint)
    maskUrlPassword(settings.proxy)
    settings.credentials = await resolveCredentials(aws.role, settings, env)
    const endpoint = settings.endpoint ? withoutUserInfo(settings.endpoint) : 'default'
    log.debug(`region ${settings.region}, endpoint ${endpoint}`)
    const clients = SecretsManagerClients.forConfig(settings, aws, env)

    // Only a mode with a post hook is named: the post step then loads no mode's code for the others.
    if (handler.post) core.saveState(STATE_MODE, mode)
    // The post step works on this step's (first) secret: in its ARN's region, else the default.
    core.saveState(STATE_REGION, (arns[0] && clients.regionOf(arns[0])) || settings.region)
    const emission = await handler.run(config, { clients, settings, env })
    await emit(emission, emitConfig, env)
  } catch (error) {
    fail(error)
  }
}

/** The failure path is total: whatever was thrown, one scrubbed ::error:: line and exit 1. */
function fail(error: unknown): void {
  try {
    log.setFailed(failureMessage(error))
  } catch {
    process.exitCode = 1
  }
}

const UNSHOWN = 'Unexpected error (details not shown: they could not be checked for secret values)'

/** One line a user can act on: no stack trace, and scrubbed of anything masked. Never throws. */
export function failureMessage(error: unknown): string {
  try {
    const known = error instanceof InputError || error instanceof ActionError
    const err = error as { name?: unknown; message?: unknown } | null | undefined
    const name = typeof err?.name === 'string' ? err.name : 'error'
    const detail = typeof err?.message === 'string' ? err.message : String(error)
    const message = known
      ? detail
      : isUnreadableResponse(error)
        ? `Unexpected ${name}: a response could not be parsed (not shown: it may hold secret values)`
        : `Unexpected ${name}: ${detail}`
    log.debug(`failure: ${masker.redact(name).replace(/[\r\n]/g, ' ')}`)
    return masker.redact(message).replace(/\s*[\r\n]+\s*/g, ' ')
  } catch {
    return UNSHOWN
  }
}

import * as core from './actions-core.js'
import { clientSettings, SecretsManagerClients } from './aws/client.js'
import { resolveCredentials } from './aws/credentials.js'
import { watchFirstRequest } from './aws/request-sent.js'
import { bothSettled } from './errors.js'
import { failureMessage } from './failure.js'
import { parseAwsConfig, parseEmitConfig, parseMode, parseUnmasked } from './inputs/common.js'
import { Inputs, readActionInput, type ReadInput } from './inputs/reader.js'
import { handlers } from './modes/index.js'
import type { ModeHandler } from './modes/types.js'
import { postHooks } from './modes/post-hooks.js'
import type { EmitConfig } from './output/emission.js'
import { log } from './output/log.js'
import { masker, maskUrlPassword, withoutUserInfo } from './output/mask.js'
import { STATE_MODE, STATE_REGION } from './state.js'

/** The action's main step: parse every input, run the mode's handler, emit what it returns. */
export async function run(read: ReadInput = readActionInput, env = process.env): Promise<void> {
  try {
    const inputs = new Inputs(read)
    const mode = parseMode(inputs, Object.keys(handlers))
    const handler = await handlers[mode]()
    masker.unmask(parseUnmasked(inputs))
    const aws = parseAwsConfig(inputs)
    const emitConfig = parseEmitConfig(inputs, mode, handler)
    const config = handler.parse(inputs)
    const planned = handler.plannedTargets?.(config)
    const early = planned && loadOutput()
    if (early) (await early).preflight(planned, emitConfig, env)
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

    // The post step runs the hook of the mode named here; only a mode that has one is named.
    if (Object.hasOwn(postHooks, mode)) core.saveState(STATE_MODE, mode)
    // The post step works on this step's (first) secret: in its ARN's region, else the default.
    core.saveState(STATE_REGION, (arns[0] && clients.regionOf(arns[0])) || settings.region)
    const { running, sent } = watchFirstRequest(() =>
      handler.run(config, { clients, settings, env })
    )
    // Without a plan, the output layer is read and compiled while the first request is out.
    const output = early ?? sent.then(loadOutput)
    void sent.then(() => rehearse(handler, config, emitConfig, env, output))
    const [emission, { emit }] = await bothSettled(running, output)
    await emit(emission, emitConfig, env)
  } catch (error) {
    fail(error)
  }
}

/** A mode's rehearsal, planned while the first request is out; whatever fails, nothing shows. */
async function rehearse<C>(
  handler: ModeHandler<C>,
  config: C,
  emitConfig: EmitConfig,
  env: NodeJS.ProcessEnv,
  output: Promise<typeof import('./output/emit.js')>
): Promise<void> {
  try {
    if (!handler.rehearsal) return
    const [{ rehearse }, emission] = await Promise.all([output, handler.rehearsal(config)])
    rehearse(emission, emitConfig, env)
  } catch {
    // The real answer takes the same path, cold.
  }
}

/** The output layer (emit's refusals, the summary), a chunk of its own. */
function loadOutput(): Promise<typeof import('./output/emit.js')> {
  return import('./output/emit.js')
}

/** The failure path is total: whatever was thrown, one scrubbed ::error:: line and exit 1. */
function fail(error: unknown): void {
  try {
    log.setFailed(failureMessage(error))
  } catch {
    process.exitCode = 1
  }
}

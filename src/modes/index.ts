import { checkChangedMode } from './check-changed.js'
import { fetchMode } from './fetch.js'
import type { ModeHandler } from './types.js'

/** Every mode that works; the router refuses any other. */
export const handlers: Record<string, ModeHandler<unknown>> = {
  fetch: fetchMode as ModeHandler<unknown>,
  'check-changed': checkChangedMode as ModeHandler<unknown>
}

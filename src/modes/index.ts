import { fetchMode } from './fetch.js'
import { lookupJsonPathMode } from './lookup-jsonpath.js'
import type { ModeHandler } from './types.js'

/** Every mode that works; the router refuses any other. */
export const handlers: Record<string, ModeHandler<unknown>> = {
  fetch: fetchMode as ModeHandler<unknown>,
  'lookup-jsonpath': lookupJsonPathMode as ModeHandler<unknown>
}

import { fetchMode } from './fetch.js'
import { rotateMode } from './rotate.js'
import type { ModeHandler } from './types.js'

/** Every mode that works; the router refuses any other. */
export const handlers: Record<string, ModeHandler<unknown>> = {
  fetch: fetchMode as ModeHandler<unknown>,
  rotate: rotateMode as ModeHandler<unknown>
}

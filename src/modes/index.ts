import { checkChangedMode } from './check-changed.js'
import { deleteMode } from './delete.js'
import { fetchMode } from './fetch.js'
import { lookupJsonPathMode } from './lookup-jsonpath.js'
import { pushGeneratedMode } from './push-generated.js'
import { putMode } from './put.js'
import { renderMode } from './render.js'
import { rotateMode } from './rotate.js'
import type { ModeHandler } from './types.js'

/** Every mode that works; the router refuses any other. */
export const handlers: Record<string, ModeHandler<unknown>> = {
  fetch: fetchMode as ModeHandler<unknown>,
  'lookup-jsonpath': lookupJsonPathMode as ModeHandler<unknown>,
  put: putMode as ModeHandler<unknown>,
  'push-generated': pushGeneratedMode as ModeHandler<unknown>,
  'check-changed': checkChangedMode as ModeHandler<unknown>,
  rotate: rotateMode as ModeHandler<unknown>,
  render: renderMode as ModeHandler<unknown>,
  delete: deleteMode as ModeHandler<unknown>
}

import { isUnreadableResponse } from './aws/errors.js'
import { ActionError, InputError } from './errors.js'
import { log } from './output/log.js'
import { masker } from './output/mask.js'

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

import * as core from '../actions-core.js'
import { logLine } from './escape.js'

/**
 * The action's log: every message becomes one line the runner shows and never runs as a
 * workflow command, whatever names, keys or AWS messages it quotes (see logLine). Use it
 * instead of core.info / warning / error / notice / debug (lint enforces that).
 */
export const log = {
  info: (message: string): void => core.info(logLine(message)),
  warning: (message: string): void => core.warning(logLine(message)),
  error: (message: string): void => core.error(logLine(message)),
  notice: (message: string): void => core.notice(logLine(message)),
  debug: (message: string): void => core.debug(logLine(message)),
  setFailed: (message: string): void => core.setFailed(logLine(message))
}

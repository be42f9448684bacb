// The part of @actions/core this action uses, built from core's own command modules.
// @actions/core's entry imports its OIDC client, and with it @actions/http-client and undici
// (about 1 MB of JavaScript that every start would compile); its `exports` map offers no lighter
// path, so the modules are reached by file. The functions below mirror core.js 3.0 line for
// line; getIDToken loads the whole library, undici and all, only when OIDC is used.
import * as os from 'node:os'
import { issueCommand } from '../node_modules/@actions/core/lib/command.js'
import {
  issueFileCommand,
  prepareKeyValueMessage
} from '../node_modules/@actions/core/lib/file-command.js'
import { toCommandValue } from '../node_modules/@actions/core/lib/utils.js'

export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim()
}

export function getState(name: string): string {
  return process.env[`STATE_${name}`] || ''
}

export function saveState(name: string, value: unknown): void {
  if (process.env.GITHUB_STATE) {
    issueFileCommand('STATE', prepareKeyValueMessage(name, value))
  } else {
    issueCommand('save-state', { name }, toCommandValue(value))
  }
}

export function setOutput(name: string, value: unknown): void {
  if (process.env.GITHUB_OUTPUT) {
    issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value))
  } else {
    process.stdout.write(os.EOL)
    issueCommand('set-output', { name }, toCommandValue(value))
  }
}

export function exportVariable(name: string, value: unknown): void {
  process.env[name] = toCommandValue(value)
  if (process.env.GITHUB_ENV) {
    issueFileCommand('ENV', prepareKeyValueMessage(name, value))
  } else {
    issueCommand('set-env', { name }, toCommandValue(value))
  }
}

export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret)
}

export function debug(message: string): void {
  issueCommand('debug', {}, message)
}

export function info(message: string): void {
  process.stdout.write(message + os.EOL)
}

export function warning(message: string): void {
  issueCommand('warning', {}, message)
}

export function error(message: string): void {
  issueCommand('error', {}, message)
}

export function notice(message: string): void {
  issueCommand('notice', {}, message)
}

export function setFailed(message: string): void {
  process.exitCode = 1
  error(message)
}

/** The one function that needs core's HTTP client: loaded with it, only for OIDC. */
export async function getIDToken(audience?: string): Promise<string> {
  return (await import('@actions/core')).getIDToken(audience)
}

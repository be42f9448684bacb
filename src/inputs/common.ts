import { DEFAULT_AUTO_SELECT_FAMILY_ATTEMPT_TIMEOUT_MS } from '../aws/http.js'
import type { AwsConfig, RoleConfig } from '../aws/config.js'
import { REGION_NAME } from '../aws/region.js'
import { InputError } from '../errors.js'
import type { EmitConfig } from '../output/emission.js'
import { maskUrlPassword, Unmasked, unmaskedName } from '../output/mask.js'
import { Inputs } from './reader.js'

export const MODES = [
  'fetch',
  'lookup-jsonpath',
  'put',
  'push-generated',
  'rotate',
  'check-changed',
  'render',
  'delete'
] as const
export type Mode = (typeof MODES)[number]

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/

export function parseMode(inputs: Inputs, known: readonly string[]): Mode {
  const mode = inputs.string('mode') || 'fetch'
  if (!known.includes(mode)) {
    throw new InputError('mode', `unknown mode '${mode}'; valid modes: ${known.join(', ')}`)
  }
  return mode as Mode
}

export function parseAwsConfig(inputs: Inputs): AwsConfig {
  const region = inputs.optional('aws-region')
  if (region !== undefined && !REGION_NAME.test(region)) {
    throw new InputError('aws-region', `'${region}' is not a region name such as us-east-1`)
  }
  return {
    region,
    endpoint: parseUrl(inputs, 'endpoint-url'),
    maxAttempts: inputs.int('max-attempts', { min: 1, max: 20 }, 5),
    proxy: parseUrl(inputs, 'http-proxy'),
    // Node refuses less than 10 ms; the official action's default is 1000.
    autoSelectFamilyAttemptTimeoutMs: inputs.int(
      'auto-select-family-attempt-timeout',
      { min: 10, max: 60_000 },
      DEFAULT_AUTO_SELECT_FAMILY_ATTEMPT_TIMEOUT_MS
    ),
    role: parseRole(inputs)
  }
}

/** export-env, export-outputs and output-dir, which only a mode that writes files takes. */
export function parseEmitConfig(
  inputs: Inputs,
  mode: string,
  handler: { exportDefaults: { env: boolean; outputs: boolean }; writesOutputDir?: true }
): EmitConfig {
  if (!handler.writesOutputDir) {
    inputs.forbid(['output-dir'], `is not used by mode ${mode}: it writes no files there`)
  }
  return {
    env: inputs.bool('export-env', handler.exportDefaults.env),
    outputs: inputs.bool('export-outputs', handler.exportDefaults.outputs),
    outputDir: inputs.optional('output-dir')
  }
}

/** JSON keys and env var names the user declares non-secret (see Unmasked). */
export function parseUnmasked(inputs: Inputs): Unmasked {
  const entries = inputs.lines('unmasked')
  const empty = entries.find(entry => unmaskedName(entry) === '')
  if (empty !== undefined) {
    throw new InputError('unmasked', `'${empty}' is not a key or env var name`)
  }
  return new Unmasked(entries)
}

function parseUrl(inputs: Inputs, name: string): string | undefined {
  const text = inputs.optional(name)
  if (text === undefined) return undefined
  let url: URL
  try {
    url = new URL(text)
  } catch {
    // Not echoed: what does not parse cannot be split into the part that may be a password.
    throw new InputError(name, 'is not a URL such as https://host:port (value not shown)')
  }
  maskUrlPassword(text)
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError(name, `must be an http:// or https:// URL, got '${url.protocol}'`)
  }
  return text
}

function parseRole(inputs: Inputs): RoleConfig | undefined {
  const arn = inputs.optional('role-to-assume')
  if (arn === undefined) {
    const orphan = ['role-chaining', 'role-external-id', 'role-session-name'].find(
      name => inputs.string(name) !== '' && inputs.string(name) !== 'false'
    )
    if (orphan) throw new InputError('role-to-assume', `is required when ${orphan} is set`)
    return undefined
  }
  if (!ROLE_ARN.test(arn)) {
    throw new InputError(
      'role-to-assume',
      `'${arn}' is not an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>)`
    )
  }
  const sessionName = inputs.optional('role-session-name')
  if (sessionName !== undefined && !/^[\w+=,.@-]{2,64}$/.test(sessionName)) {
    throw new InputError('role-session-name', 'must be 2 to 64 characters of [A-Za-z0-9_+=,.@-]')
  }
  const chaining = inputs.bool('role-chaining', false)
  const externalId = inputs.optional('role-external-id')
  if (externalId !== undefined && !chaining) {
    throw new InputError(
      'role-external-id',
      'applies only with role-chaining: true (AssumeRoleWithWebIdentity takes no external id)'
    )
  }
  if (externalId !== undefined && !/^[\w+=,.@:/-]{2,1224}$/.test(externalId)) {
    throw new InputError('role-external-id', 'must be 2 to 1224 characters of [A-Za-z0-9_+=,.@:/-]')
  }
  return {
    arn,
    audience: inputs.string('audience') || 'sts.amazonaws.com',
    sessionName,
    durationSeconds: inputs.int('role-duration-seconds', { min: 900, max: 43200 }, 900),
    externalId,
    chaining
  }
}

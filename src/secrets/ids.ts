/**
 * The secret-ids input, parsed as aws-actions/aws-secretsmanager-get-secrets parses it
 * (src/utils.ts extractAliasAndSecretIdFromInput, buildSecretsList; src/index.ts run).
 */
import { isSecretArn, SECRET_NAME_CHARS } from '../aws/arn.js'
import { InputError } from '../errors.js'
import type { Inputs } from '../inputs/reader.js'
import { toEnvName, type NameTransformation } from '../output/env-names.js'

export interface SecretRequest {
  /** A secret name, an ARN, for 'prefix' the prefix without its '*', for 'tag' `tag:KEY[=VALUE]`. */
  id: string
  /** undefined: no alias given; '': blank alias (bare JSON keys). Never '' on a prefix or tag. */
  alias?: string
  kind: 'name' | 'arn' | 'prefix' | 'tag'
  /** For 'tag': the tag key, and the value it must have (any value when undefined). */
  tag?: { key: string; value?: string }
}

// The official prefix filter: 3+ characters of a secret name's alphabet, then a single '*'.
// A leading '!' is refused: ListSecrets reads it as "not".
const PREFIX = new RegExp(`^((?!!)[${SECRET_NAME_CHARS}]{3,})\\*$`)
const ALIAS = /^[A-Za-z_][A-Za-z0-9_]*$/
// What a ListSecrets tag-key / tag-value filter accepts (the key is read up to the first '=').
const TAG = /^tag:([A-Za-z0-9 :_@/+.-]{1,128})(?:=([A-Za-z0-9 :_@/+=.-]{0,256}))?$/

/** How a request is named in messages: a prefix with its '*', anything else as written. */
export function requestLabel(request: SecretRequest): string {
  return request.kind === 'prefix' ? `${request.id}*` : request.id
}

/**
 * One request per non-blank line, in order, exact repeats dropped. A line is `id` or
 * `ALIAS,id`. Pass the name transformation to hold aliases to the official case rule
 * (an uppercase alias under 'uppercase'); without it any valid env var name is accepted.
 */
export function parseSecretIds(
  text: string,
  inputName = 'secret-ids',
  transformation?: NameTransformation
): SecretRequest[] {
  const requests: SecretRequest[] = []
  for (const line of text.split('\n')) {
    // Secret names and ARNs cannot contain '#' or whitespace, so a comment is unambiguous.
    const content = line.replace(/(^|\s)#.*$/, '').trim()
    if (content === '') continue
    const request = parseLine(content, inputName, transformation)
    if (!requests.some(seen => sameRequest(seen, request))) requests.push(request)
  }
  return requests
}

function parseLine(
  line: string,
  inputName: string,
  transformation: NameTransformation | undefined
): SecretRequest {
  const parts = line.split(',').map(part => part.trim())
  if (parts.length > 2) {
    throw new InputError(inputName, `'${line}' has more than one comma: write ALIAS,secret-id`)
  }
  const id = parts[parts.length - 1]
  const alias = parts.length === 2 ? parts[0] : undefined
  if (id === '') throw new InputError(inputName, `'${line}' has no secret id after the comma`)
  if (alias) checkAlias(alias, inputName, transformation)
  const classified = classify(id, inputName)
  // The official action drops a blank alias on a prefix (utils.ts:44 tests it for truthiness);
  // a tag line, which selects like a prefix, does the same.
  const kept =
    classified.kind !== 'name' && classified.kind !== 'arn' && alias === '' ? undefined : alias
  return kept === undefined ? classified : { ...classified, alias: kept }
}

function classify(id: string, inputName: string): Omit<SecretRequest, 'alias'> {
  if (id.startsWith('tag:')) {
    const match = TAG.exec(id)
    if (!match) {
      throw new InputError(
        inputName,
        `'${id}' is not a tag selection: write tag:KEY=VALUE or tag:KEY (letters, digits, ` +
          'spaces and :_@/+.- in the key; also = in the value)'
      )
    }
    const [, key, value] = match
    return { id, kind: 'tag', tag: value === undefined ? { key } : { key, value } }
  }
  if (id.includes('*')) {
    const prefix = PREFIX.exec(id)?.[1]
    if (prefix === undefined) {
      throw new InputError(
        inputName,
        `'${id}' is not a valid prefix search: give at least 3 characters ` +
          "(letters, digits or /_+=.@!-, not starting with '!') followed by a single trailing *"
      )
    }
    return { id: prefix, kind: 'prefix' }
  }
  if (/^arn:/i.test(id)) {
    if (!isSecretArn(id)) {
      throw new InputError(
        inputName,
        `'${id}' is not a Secrets Manager secret ARN ` +
          '(arn:<partition>:secretsmanager:<region>:<12-digit account>:secret:<name>)'
      )
    }
    return { id, kind: 'arn' }
  }
  if (/\s/.test(id) || [...id].some(char => char < ' ' || char === '\u007f')) {
    throw new InputError(inputName, `secret id '${id}' contains whitespace or a control character`)
  }
  return { id, kind: 'name' }
}

// Official rule (utils.ts:233-235): the alias must already be what the name derivation makes of it.
function checkAlias(
  alias: string,
  inputName: string,
  transformation: NameTransformation | undefined
): void {
  const valid =
    ALIAS.test(alias) &&
    (transformation === undefined || toEnvName(alias, transformation) === alias)
  if (valid) return
  const letters =
    transformation === 'uppercase' || transformation === 'lowercase'
      ? `${transformation} letters`
      : 'letters'
  throw new InputError(
    inputName,
    `alias '${alias}' is not a valid env var name: use ${letters}, digits and _, ` +
      'not starting with a digit'
  )
}

function sameRequest(a: SecretRequest, b: SecretRequest): boolean {
  return a.id === b.id && a.kind === b.kind && a.alias === b.alias
}

/**
 * The env var name the official action gives this request's secret when exported whole (or
 * the prefix of its JSON keys): the alias when given, else derived from the secret's name.
 * A blank alias names a whole value after the secret (official index.ts:45-51); pass
 * `jsonFlattened` when the value is flattened as a JSON object to get '' (bare keys) instead.
 * `secretName` is the Name GetSecretValue (or ListSecrets, for a prefix match) returned.
 */
export function envPrefixFor(
  request: SecretRequest,
  secretName: string,
  transformation: NameTransformation,
  jsonFlattened = false,
  stripPrefix = false
): string {
  if (request.alias) return toEnvName(request.alias, transformation)
  if (request.alias === '' && jsonFlattened) return ''
  const source = stripPrefix ? strippedName(request, secretName) : undefined
  return toEnvName(source || officialSourceName(request, secretName), transformation)
}

/**
 * strip-prefix: a wildcard match is named by what follows the wildcard's prefix, a tag match by
 * what follows the last '/' of its name. Nothing left (the name is the prefix): the whole name.
 */
function strippedName(request: SecretRequest, secretName: string): string | undefined {
  if (request.kind === 'prefix') return secretName.slice(request.id.length)
  if (request.kind === 'tag') return secretName.slice(secretName.lastIndexOf('/') + 1)
  return undefined
}

// Official index.ts:50: an ARN is named by GetSecretValue's Name, any other id as typed. The
// official action only knows 'aws' partition ARNs and names an aws-cn or aws-us-gov ARN after
// the whole ARN; we name every partition's ARN by the secret's Name.
function officialSourceName(request: SecretRequest, secretName: string): string {
  return request.kind === 'name' ? request.id : secretName
}

const SECRET_NAME = new RegExp(`^[${SECRET_NAME_CHARS}]{1,512}$`)

export function isArn(secretId: string): boolean {
  return /^arn:/i.test(secretId)
}

/**
 * The secret-id input of the modes that work on one secret: a secret name, or a complete or
 * partial secret ARN. No alias and no wildcard (commas and stars are in no name or ARN).
 */
export function parseSecretId(inputs: Inputs, mode: string): string {
  const id = inputs.required('secret-id', `in ${mode} mode`)
  if (/[\n,*]/.test(id)) {
    const wildcard = id.includes('*')
      ? `: '${id}' is a wildcard, which only fetch and check-changed take`
      : ''
    throw new InputError('secret-id', `must name one secret (a name or an ARN)${wildcard}`)
  }
  const problem = secretIdProblem(id)
  if (problem) throw new InputError('secret-id', problem)
  return id
}

/** Why `id` is neither a secret name nor a secret ARN, or undefined when it is one of them. */
export function secretIdProblem(id: string): string | undefined {
  if (isArn(id) ? isSecretArn(id) : SECRET_NAME.test(id)) return undefined
  return (
    `'${id}' is neither a secret name (1-512 letters, digits or /_+=.@!-) nor a secret ARN ` +
    '(arn:<partition>:secretsmanager:<region>:<account>:secret:<name>)'
  )
}

/**
 * Whether an id names this secret: its name, its complete ARN, or its partial ARN (the ARN
 * without the '-' and 6 random characters AWS appends). A partial ARN of 'db' does not name
 * 'db-prod'.
 */
export function idNames(id: string, secret: { name: string; arn: string }): boolean {
  if (!isArn(id)) return secret.name === id
  const partial = secret.arn.length === id.length + 7 && secret.arn.startsWith(`${id}-`)
  return secret.arn === id || partial
}

import type { Tag } from '@aws-sdk/client-secrets-manager'
import { InputError } from '../errors.js'
import type { Inputs } from '../inputs/reader.js'
import { JsonTextError, parseJsonText } from '../output/json.js'
import type { CreateOptions } from './write.js'

const TOKEN = /^[A-Za-z0-9_-]{32,64}$/
const STAGE = /^[A-Za-z0-9_+=.@-]{1,256}$/
const KMS_KEY = /^[\x21-\x7e]{1,2048}$/
// Tag keys and values as AWS allows them: letters, digits, spaces and _ . : / = + - @
const TAG_KEY = /^[\p{L}\p{Z}\p{N}_.:/=+@-]{1,128}$/u
const TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+@-]{0,256}$/u
const MAX_TAGS = 50
const MAX_STAGES = 20

/** client-request-token: undefined means derive one from the run. */
export function parseRequestToken(inputs: Inputs): string | undefined {
  const token = inputs.optional('client-request-token')
  if (token !== undefined && !TOKEN.test(token)) {
    throw new InputError(
      'client-request-token',
      'must be 32 to 64 letters, digits, - or _ (a UUID will do)'
    )
  }
  return token
}

/** version-stages: labels separated by commas or newlines; AWSCURRENT when empty. */
export function parseStages(inputs: Inputs): string[] {
  const stages = [
    ...new Set(
      inputs
        .raw('version-stages')
        .split(/[,\n]/)
        .map(stage => stage.trim())
        .filter(stage => stage !== '')
    )
  ]
  const bad = stages.find(stage => !STAGE.test(stage))
  if (bad !== undefined) {
    throw new InputError(
      'version-stages',
      `'${bad}' is not a stage label (letters, digits, _+=.@-)`
    )
  }
  if (stages.length > MAX_STAGES) {
    throw new InputError('version-stages', `names ${stages.length} stages; at most ${MAX_STAGES}`)
  }
  return stages.length > 0 ? stages : ['AWSCURRENT']
}

/** kms-key-id, description and tags: what a secret that this step creates gets. */
export function parseCreateOptions(inputs: Inputs): CreateOptions {
  const kmsKeyId = inputs.optional('kms-key-id')
  if (kmsKeyId !== undefined && !KMS_KEY.test(kmsKeyId)) {
    throw new InputError('kms-key-id', 'must be a key id, key ARN, alias name or alias ARN')
  }
  const description = inputs.optional('description')
  if (description !== undefined && description.length > 2048) {
    throw new InputError('description', `is ${description.length} characters; at most 2048`)
  }
  return { kmsKeyId, description, tags: parseTags(inputs.raw('tags')) }
}

/** tags: a JSON object of strings, or key=value lines. */
export function parseTags(text: string, input = 'tags'): Tag[] {
  const trimmed = text.trim()
  if (trimmed === '') return []
  const pairs = trimmed.startsWith('{') ? jsonTags(trimmed, input) : lineTags(trimmed, input)
  const seen = new Set<string>()
  for (const [key, value] of pairs) {
    if (!TAG_KEY.test(key)) {
      throw new InputError(
        input,
        `tag key '${key}' must be 1-128 letters, digits, spaces or _.:/=+-@`
      )
    }
    if (/^aws:/i.test(key))
      throw new InputError(input, `tag key '${key}': the aws: prefix is reserved`)
    if (!TAG_VALUE.test(value)) {
      throw new InputError(
        input,
        `the value of tag '${key}' must be at most 256 letters, digits, spaces or _.:/=+-@`
      )
    }
    if (seen.has(key)) throw new InputError(input, `tag '${key}' is given twice`)
    seen.add(key)
  }
  if (pairs.length > MAX_TAGS) {
    throw new InputError(input, `names ${pairs.length} tags; a secret takes at most ${MAX_TAGS}`)
  }
  return pairs.map(([Key, Value]) => ({ Key, Value }))
}

function jsonTags(text: string, input: string): Array<[string, string]> {
  let parsed: unknown
  try {
    // Strict: a tag given twice is refused where it is, not silently dropped.
    parsed = parseJsonText(text, true).value
  } catch (error) {
    if (!(error instanceof JsonTextError)) throw error
    throw new InputError(input, `starts with { but ${error.message}`)
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InputError(input, 'must be a JSON object or key=value lines')
  }
  return Object.entries(parsed).map(([key, value]) => {
    if (typeof value !== 'string') {
      throw new InputError(input, `the value of tag '${key}' must be a JSON string`)
    }
    return [key, value]
  })
}

function lineTags(text: string, input: string): Array<[string, string]> {
  return text
    .split(/\r?\n/)
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, number }) => {
      const eq = line.indexOf('=')
      if (eq <= 0) throw new InputError(input, `line ${number} is not key=value`)
      return [line.slice(0, eq).trim(), line.slice(eq + 1).trim()]
    })
}

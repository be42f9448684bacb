import {
  GetRandomPasswordCommand,
  type GetRandomPasswordRequest,
  type SecretsManagerClient
} from '@aws-sdk/client-secrets-manager'
import { LineCounter, parseDocument, type YAMLError } from 'yaml'
import { describeAwsError } from '../aws/errors.js'
import { ActionError, InputError } from '../errors.js'
import { masker } from '../output/mask.js'
import { log } from '../output/log.js'
import { hasLoneSurrogate } from '../output/utf8.js'

/** GetRandomPassword options as users write them in `fields` and `generator`. */
export interface GeneratorOptions {
  passwordLength: number
  requireEachIncludedType?: boolean
  excludePunctuation?: boolean
  excludeNumbers?: boolean
  excludeLowercase?: boolean
  excludeUppercase?: boolean
  includeSpace?: boolean
  excludeCharacters?: string
}

export type FieldSpec = { value: string } | { generator: GeneratorOptions }

const FLAGS = [
  'requireEachIncludedType',
  'excludePunctuation',
  'excludeNumbers',
  'excludeLowercase',
  'excludeUppercase',
  'includeSpace'
] as const
const OPTIONS = ['passwordLength', 'excludeCharacters', ...FLAGS]

/** A YAML or JSON mapping, and its warnings by position (printed once its values are masked). */
function parseMapping(
  text: string,
  input: string
): { mapping: Record<string, unknown>; warnings: string[] } {
  // Silent and plain: yaml's own warnings and pretty errors quote the source line, values and all.
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { logLevel: 'silent', prettyErrors: false, lineCounter })
  const at = (problem: YAMLError): string => {
    const { line, col } = lineCounter.linePos(problem.pos[0])
    return `line ${line}, column ${col} (${problem.code})`
  }
  if (doc.errors.length > 0) {
    throw new InputError(input, `is not valid YAML or JSON: ${doc.errors.map(at).join(', ')}`)
  }
  let parsed: unknown
  try {
    parsed = doc.toJS({ maxAliasCount: 100 })
  } catch {
    throw new InputError(input, 'is not valid YAML or JSON: it expands too many aliases')
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InputError(input, 'must be a mapping of field name to { value } or { generator }')
  }
  const warnings = doc.warnings.map(
    warning =>
      `Input '${input}': YAML warning at ${at(warning)}` +
      (warning.code === 'TAG_RESOLVE_FAILED'
        ? ': a tag it does not know is read as a plain string'
        : '')
  )
  return { mapping: parsed as Record<string, unknown>, warnings }
}

/**
 * The `fields` input: every field has exactly one of value or generator. Static values are
 * masked here, before anything (a YAML warning, a failing role) can print a line of the input.
 */
export function parseFields(text: string, input = 'fields'): Map<string, FieldSpec> {
  const { mapping, warnings } = parseMapping(text, input)
  for (const spec of Object.values(mapping)) {
    const value = (spec as { value?: unknown } | null)?.value
    if (typeof value === 'string') masker.add(value)
  }
  const fields = new Map<string, FieldSpec>()
  for (const [name, spec] of Object.entries(mapping)) {
    if (name.trim() === '') throw new InputError(input, 'has a field with an empty name')
    fields.set(name, parseFieldSpec(spec, name, input))
  }
  if (fields.size === 0) throw new InputError(input, 'names no field')
  warnings.forEach(warning => log.warning(warning))
  return fields
}

function parseFieldSpec(spec: unknown, name: string, input: string): FieldSpec {
  const where = `field '${name}'`
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    throw new InputError(input, `${where} must be a mapping with 'value' or 'generator'`)
  }
  const keys = Object.keys(spec)
  const unknown = keys.filter(key => key !== 'value' && key !== 'generator')
  if (unknown.length > 0) {
    throw new InputError(input, `${where} has unknown key(s) ${unknown.join(', ')}`)
  }
  const { value, generator } = spec as { value?: unknown; generator?: unknown }
  if ((value === undefined) === (generator === undefined)) {
    throw new InputError(input, `${where} needs exactly one of 'value' or 'generator'`)
  }
  if (value !== undefined) {
    if (typeof value !== 'string') throw new InputError(input, `${where}: value must be a string`)
    // Refused before any write: exporting it later would fail after the version is stored.
    if (hasLoneSurrogate(value)) {
      throw new InputError(
        input,
        `${where}: value holds a lone UTF-16 surrogate, which no UTF-8 text can hold`
      )
    }
    return { value }
  }
  return { generator: parseGeneratorOptions(generator, `${where}: generator`, input) }
}

/** The `generator` input of rotate, or a field's generator. */
export function parseGenerator(text: string, input = 'generator'): GeneratorOptions {
  const { mapping, warnings } = parseMapping(text, input)
  const options = parseGeneratorOptions(mapping, 'generator', input)
  warnings.forEach(warning => log.warning(warning))
  return options
}

function parseGeneratorOptions(raw: unknown, where: string, input: string): GeneratorOptions {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InputError(input, `${where} must be a mapping of GetRandomPassword options`)
  }
  const options = raw as Record<string, unknown>
  const unknown = Object.keys(options).filter(key => !OPTIONS.includes(key))
  if (unknown.length > 0) {
    throw new InputError(
      input,
      `${where} has unknown option(s) ${unknown.join(', ')}; known: ${OPTIONS.join(', ')}`
    )
  }
  const length = options.passwordLength
  if (typeof length !== 'number' || !Number.isInteger(length) || length < 1 || length > 4096) {
    throw new InputError(input, `${where}: passwordLength is required, a whole number 1-4096`)
  }
  for (const flag of FLAGS) {
    if (options[flag] !== undefined && typeof options[flag] !== 'boolean') {
      throw new InputError(input, `${where}: ${flag} must be true or false`)
    }
  }
  if (options.excludeCharacters !== undefined && typeof options.excludeCharacters !== 'string') {
    throw new InputError(input, `${where}: excludeCharacters must be a string`)
  }
  return options as unknown as GeneratorOptions
}

/** One password from Secrets Manager, masked the moment it arrives. */
export async function generatePassword(
  client: SecretsManagerClient,
  options: GeneratorOptions
): Promise<string> {
  const request: GetRandomPasswordRequest = {
    PasswordLength: options.passwordLength,
    RequireEachIncludedType: options.requireEachIncludedType,
    ExcludePunctuation: options.excludePunctuation,
    ExcludeNumbers: options.excludeNumbers,
    ExcludeLowercase: options.excludeLowercase,
    ExcludeUppercase: options.excludeUppercase,
    IncludeSpace: options.includeSpace,
    ExcludeCharacters: options.excludeCharacters
  }
  const { RandomPassword } = await client
    .send(new GetRandomPasswordCommand(request))
    .catch(error => {
      throw new ActionError(describeAwsError(error, 'GetRandomPassword'))
    })
  const password = RandomPassword ?? ''
  masker.add(password)
  return password
}

/** Values for the named fields: static values as given, generated ones fresh (in parallel). */
export async function resolveFields(
  client: SecretsManagerClient,
  fields: Map<string, FieldSpec>,
  names: Iterable<string> = fields.keys()
): Promise<Record<string, string>> {
  const entries = await Promise.all(
    [...names].map(async name => {
      const spec = fields.get(name) as FieldSpec
      if ('value' in spec) {
        masker.add(spec.value)
        return [name, spec.value] as const
      }
      return [name, await generatePassword(client, spec.generator)] as const
    })
  )
  return Object.fromEntries(entries)
}

export function generatedFieldNames(fields: Map<string, FieldSpec>): string[] {
  return [...fields].filter(([, spec]) => 'generator' in spec).map(([name]) => name)
}

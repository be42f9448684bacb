import * as fs from 'node:fs'
import * as path from 'node:path'
import type { SecretsManagerClients } from '../aws/client.js'
import { describeAwsError } from '../aws/errors.js'
import { ActionError, InputError } from '../errors.js'
import type { Inputs } from '../inputs/reader.js'
import type { SummaryTable } from '../output/emission.js'
import { asText } from '../output/emit.js'
import type { NameTransformation } from '../output/env-names.js'
import { refusedEnvNameReason } from '../output/env-refused.js'
import { formatEntries, FORMATS, type Format } from '../render/env-file.js'
import { evaluate, NOT_READ } from '../render/evaluate.js'
import { parseTemplate, where, type Part, type Placeholder } from '../render/template.js'
import { isArn, parseSecretIds, type SecretRequest } from '../secrets/ids.js'
import { parseVersion, type SecretValue, type VersionSelector } from '../secrets/read.js'
import * as jsonEnv from '../output/json-env.js'
import { fetchAll, readAll, targetsFor, type Fetched } from './fetch.js'
import type { ModeHandler } from './types.js'

export interface RenderTarget {
  /** As given, for messages; `absolute` is where it is written. */
  path: string
  absolute: string
  overwrite: boolean
  keep: boolean
}

export type RenderConfig = RenderTarget &
  (
    | {
        kind: 'template'
        placeholders: Placeholder[]
        parts: Part[]
      }
    | {
        kind: 'format'
        format: Format
        requests: SecretRequest[]
        parseJson: boolean
        transformation: NameTransformation
      }
  ) & { version: VersionSelector }

const TRANSFORMATIONS = ['uppercase', 'lowercase', 'none'] as const

export const renderMode: ModeHandler<RenderConfig> = {
  exportDefaults: { env: false, outputs: false },

  parse(inputs) {
    inputs.forbid(
      ['export-env', 'export-outputs'],
      'render writes its values into output-file only'
    )
    const target = parseTarget(inputs)
    const version = parseVersion(inputs)
    const format = inputs.optional('format')
    if (format !== undefined) {
      inputs.forbid(
        ['template', 'template-file'],
        'give template, template-file or format, not two'
      )
      return { ...target, ...parseFormat(inputs), version }
    }
    inputs.forbid(['secret-ids'], 'is for format: a template names its secrets itself')
    return { ...target, ...parseTemplateInputs(inputs), version }
  },

  secretArns: config =>
    config.kind === 'format'
      ? config.requests.filter(r => r.kind === 'arn').map(r => r.id)
      : secretIds(config.placeholders).filter(isArn),

  async run(config, { clients }) {
    const rendered =
      config.kind === 'template'
        ? await renderTemplate(clients, config)
        : await renderFormat(clients, config)
    const names = [...new Set(rendered.used.map(item => item.value.name))]
    return {
      // Masked, and delivered nowhere but the file: each value, and each text made from one.
      secrets: rendered.masks.map(value => ({
        name: 'render',
        value,
        source: 'render',
        channels: []
      })),
      files: [
        {
          path: config.absolute,
          content: rendered.text,
          overwrite: config.overwrite,
          keep: config.keep
        }
      ],
      outputs: { file: config.absolute, secrets: JSON.stringify(names) },
      summary: summaryOf(config, rendered.used)
    }
  }
}

function parseTarget(inputs: Inputs): RenderTarget {
  const file = inputs.required('output-file', 'in render mode: the path of the file to write')
  const absolute = path.resolve(file)
  const overwrite = inputs.bool('overwrite', false)
  const keep = inputs.bool('keep-file', false)
  let stat: fs.Stats | undefined
  try {
    stat = fs.lstatSync(absolute)
  } catch {
    stat = undefined
  }
  if (stat?.isDirectory()) throw new InputError('output-file', `'${file}' is a directory`)
  if (stat && !overwrite) {
    throw new InputError(
      'output-file',
      `'${file}' already exists: set overwrite: true to replace it`
    )
  }
  return { path: file, absolute, overwrite, keep }
}

function parseFormat(inputs: Inputs) {
  const format = inputs.oneOf('format', FORMATS)
  const transformation = inputs.oneOf('name-transformation', TRANSFORMATIONS, 'uppercase')
  const requests = parseSecretIds(inputs.raw('secret-ids'), 'secret-ids', transformation)
  if (requests.length === 0) {
    throw new InputError(
      'secret-ids',
      `is required with format: ${format}: list one secret per line`
    )
  }
  return {
    kind: 'format' as const,
    format,
    requests,
    parseJson: inputs.bool('parse-json-secrets', false),
    transformation
  }
}

function parseTemplateInputs(inputs: Inputs) {
  const inline = inputs.raw('template')
  const file = inputs.optional('template-file')
  if (inline.trim() !== '' && file !== undefined) {
    throw new InputError('template-file', 'give template or template-file, not both')
  }
  const name = file === undefined ? 'template' : 'template-file'
  const text = file === undefined ? inline : readTemplateFile(file)
  if (text.trim() === '') {
    throw new InputError(
      name,
      file === undefined
        ? 'render needs template, template-file, or format with secret-ids'
        : `'${file}' is empty`
    )
  }
  const { parts, problems } = parseTemplate(text)
  if (problems.length > 0) {
    throw new InputError(name, problems.map(p => `${where(p)}: ${p.message}`).join('; '))
  }
  const placeholders = parts.filter((part): part is Placeholder => typeof part !== 'string')
  if (!placeholders.some(p => p.source.kind === 'secret')) {
    throw new InputError(name, 'names no secret: write {{ secret "ID" }} where a value goes')
  }
  return { kind: 'template' as const, parts, placeholders }
}

function readTemplateFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    throw new InputError('template-file', `'${file}' cannot be read (${code})`)
  }
}

function secretIds(placeholders: Placeholder[]): string[] {
  const ids = placeholders.flatMap(p => (p.source.kind === 'secret' ? [p.source.id] : []))
  return [...new Set(ids)]
}

interface Used {
  value: SecretValue
  /** Where it shows: the lines of its placeholders, or the variables named after it. */
  where: string
}

interface Result {
  text: string
  masks: string[]
  used: Used[]
}

type TemplateConfig = RenderConfig & { kind: 'template' }
type FormatConfig = RenderConfig & { kind: 'format' }

async function renderTemplate(
  clients: SecretsManagerClients,
  config: TemplateConfig
): Promise<Result> {
  const ids = secretIds(config.placeholders)
  const requests: SecretRequest[] = ids.map(id => ({ id, kind: isArn(id) ? 'arn' : 'name' }))
  const { fetched, failures } = await readAll(clients, requests, config.version)
  const values = new Map(fetched.map(item => [item.request.id, item.value]))
  const unread = failures.map(failure => {
    const at = config.placeholders.filter(
      p => p.source.kind === 'secret' && p.source.id === failure.id
    )
    const detail = failure.reason ?? describeAwsError(failure.error, failure.operation, failure.id)
    return at.length === 0
      ? detail
      : `${at.map(p => `${where(p)}: ${p.label}`).join(', ')}: ${detail}`
  })
  const rendered = evaluate(config.parts, values)
  const problems = [
    ...unread,
    // A placeholder of a secret that was not read adds nothing to the read's own error.
    ...('problems' in rendered
      ? rendered.problems.filter(p => unread.length === 0 || !p.endsWith(NOT_READ))
      : [])
  ]
  if (problems.length > 0 || 'problems' in rendered) {
    throw new ActionError(`Nothing was written to '${config.path}': ${problems.join('; ')}`)
  }
  const used = ids.flatMap(id => {
    const value = values.get(id)
    const lines = config.placeholders
      .filter(p => p.source.kind === 'secret' && p.source.id === id)
      .map(p => String(p.line))
    return value ? [{ value, where: `line ${[...new Set(lines)].join(', ')}` }] : []
  })
  return { text: rendered.text, masks: rendered.produced, used }
}

async function renderFormat(clients: SecretsManagerClients, config: FormatConfig): Promise<Result> {
  const fetched = await fetchAll(clients, config.requests, config.version)
  const delivered = fetched.map((item: Fetched) => ({
    item,
    targets: targetsFor(
      item.request,
      item.value,
      config,
      config.parseJson ? jsonEnv : undefined
    ).filter(t => t.channels === undefined)
  }))
  const entries = delivered.flatMap(({ targets }) =>
    targets.map(target => ({
      name: target.name,
      value: asText(target.value),
      source: target.source
    }))
  )
  const problems = [...nameProblems(entries)]
  const formatted = formatEntries(entries, config.format)
  if ('problems' in formatted) problems.push(...formatted.problems)
  if (problems.length > 0 || 'problems' in formatted) {
    throw new ActionError(`Nothing was written to '${config.path}': ${problems.join('; ')}`)
  }
  return {
    text: formatted.text,
    masks: entries.map(entry => entry.value),
    used: delivered.map(({ item, targets }) => ({
      value: item.value,
      where: targets.map(target => target.name).join(', ')
    }))
  }
}

/** The names fetch would refuse to export are refused here too: a .env file is sourced as well. */
function nameProblems(entries: Array<{ name: string; source: string }>): string[] {
  const seen = new Map<string, string>()
  const problems: string[] = []
  for (const { name, source } of entries) {
    const reason = refusedEnvNameReason(name)
    const shown = JSON.stringify(name)
    if (reason) problems.push(`refused variable ${shown} from secret '${source}': ${reason}`)
    else if (seen.has(name)) {
      problems.push(
        `variable ${shown} would be written twice (secrets '${seen.get(name)}' and '${source}')`
      )
    }
    seen.set(name, source)
  }
  return problems
}

function summaryOf(config: RenderConfig, used: Used[]): SummaryTable {
  const what = config.kind === 'template' ? 'template' : `format ${config.format}`
  const fate = config.keep ? 'kept after the job (keep-file)' : 'removed by the post step'
  return {
    heading: `Rendered ${config.path} from ${used.length} secret${used.length === 1 ? '' : 's'}`,
    header: ['Secret', 'Version id', config.kind === 'template' ? 'Used at' : 'Variables'],
    rows: used.map(({ value, where: at }) => [value.name, value.versionId, at]),
    notes: [`Written from the ${what}, mode 0600; ${fate}.`]
  }
}

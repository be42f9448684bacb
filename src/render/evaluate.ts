import { readJsonDocument, writtenAt, type JsonDocument } from '../jsonpath/document.js'
import { JsonTextError } from '../output/json.js'
import { QueryEvaluationError } from '../jsonpath/query.js'
import { render as nodeText } from '../jsonpath/result.js'
import { asText } from '../output/emit.js'
import { hasLoneSurrogate } from '../output/utf8.js'
import type { SecretValue } from '../secrets/read.js'
import { applyFilters } from './filters.js'
import { where, type Part, type Placeholder } from './template.js'

/** The problem of a placeholder whose secret could not be read (the read's error says why). */
export const NOT_READ = 'the secret was not read'

export interface Rendered {
  text: string
  /** Every text a placeholder produced (a query's result, each filter's output): to be masked. */
  produced: string[]
}

/**
 * The template with every placeholder replaced, or every problem found. `values` maps each
 * secret id of the template to its value. Messages name placeholders and lines, never a value.
 */
export function evaluate(
  parts: Part[],
  values: Map<string, SecretValue>
): Rendered | { problems: string[] } {
  const produced: string[] = []
  const problems: string[] = []
  const pieces = parts.map(part => {
    if (typeof part === 'string') return part
    const result = placeholderText(part, values, produced)
    if ('problem' in result) problems.push(`${where(part)}: ${part.label}: ${result.problem}`)
    return 'text' in result ? result.text : ''
  })
  return problems.length > 0 ? { problems } : { text: pieces.join(''), produced }
}

type Result = { text: string } | { problem: string }

function placeholderText(
  placeholder: Placeholder,
  values: Map<string, SecretValue>,
  produced: string[]
): Result {
  const selected = sourceText(placeholder, values)
  if ('problem' in selected) return selected
  const filtered = applyFilters(selected.text, placeholder.filters)
  if ('problem' in filtered) return filtered
  // A string literal of the template is no secret: masking "{{" would blank every log line with one.
  if (placeholder.source.kind === 'secret') produced.push(selected.text, filtered.text)
  if (hasLoneSurrogate(filtered.text)) {
    return {
      problem:
        'the text holds a lone UTF-16 surrogate, which a UTF-8 file cannot hold: add | json or | yaml'
    }
  }
  return filtered
}

function sourceText(placeholder: Placeholder, values: Map<string, SecretValue>): Result {
  const { source } = placeholder
  if (source.kind === 'literal') return { text: source.text }
  const secret = values.get(source.id)
  if (secret === undefined) return { problem: NOT_READ }
  if (source.query === undefined) return { text: asText(secret.data) }
  const document = jsonDocument(secret)
  if ('problem' in document) return document
  let locations: Array<Array<string | number>>
  try {
    locations = source.query.locate(document.plain)
  } catch (error) {
    if (!(error instanceof QueryEvaluationError)) throw error
    return { problem: `the query failed: ${error.message}` }
  }
  if (locations.length !== 1) {
    return {
      problem: `the query matched ${locations.length} nodes in '${secret.name}'; it must match one`
    }
  }
  // As lookup-jsonpath: the query compares numbers as doubles, the node is written as the secret
  // writes it (1e400, 1.50, 12345678901234567890), never rounded.
  return { text: nodeText(writtenAt(document, locations[0])) }
}

/** Each secret's document, read once however many placeholders query it. */
const documents = new WeakMap<SecretValue, JsonDocument | { problem: string }>()

function jsonDocument(secret: SecretValue): JsonDocument | { problem: string } {
  let document = documents.get(secret)
  if (document === undefined) {
    document = readDocument(secret)
    documents.set(secret, document)
  }
  return document
}

function readDocument(secret: SecretValue): JsonDocument | { problem: string } {
  if (typeof secret.data !== 'string') {
    return { problem: `'${secret.name}' is a binary secret: a query needs a JSON SecretString` }
  }
  try {
    return readJsonDocument(secret.data)
  } catch (error) {
    if (!(error instanceof JsonTextError)) throw error
    return { problem: `'${secret.name}' ${error.message} (the value is not shown)` }
  }
}

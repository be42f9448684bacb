import {
  JSONPathEnvironment,
  JSONPathError,
  type JSONPathNode,
  JSONPathRecursionLimitError,
  type JSONPathQuery,
  type JSONValue
} from 'json-p3'

/** Strict RFC 9535: standard syntax and functions only, no non-standard selectors. */
const environment = new JSONPathEnvironment({ strict: true })

/** A query as the user wrote it, compiled; its text is configuration, never a secret. */
export interface CompiledQuery {
  /** As written. */
  readonly text: string
  /** The RFC 9535 query it stands for (`$` prepended to a relative query). */
  readonly absolute: string
  /** The values of the nodes it selects, in document order. */
  select(document: JSONValue): JSONValue[]
  /** Where each of those nodes is: the keys and indexes from the root. */
  locate(document: JSONValue): Array<Array<string | number>>
}

/** A query that is not valid JSONPath; `position` is 1-based, in the text as written. */
export class QuerySyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly position?: number
  ) {
    super(position === undefined ? reason : `${reason} at character ${position}`)
    this.name = 'QuerySyntaxError'
  }
}

/** A valid query that could not be applied to a document (too deeply nested, say). */
export class QueryEvaluationError extends Error {
  constructor(reason: string) {
    super(reason)
    this.name = 'QueryEvaluationError'
  }
}

/**
 * An RFC 9535 query, with one convenience: a query that does not start with `$` is relative to
 * the root (`foo.bar[1]` is `$.foo.bar[1]`, `[0]` is `$[0]`, `..id` is `$..id`), and in such a
 * query the dotted index of Open Task Framework lookups (`foo.bar.[1]`) means `foo.bar[1]`.
 * A query starting with `$` is taken strictly as RFC 9535 says.
 */
export function compileQuery(text: string): CompiledQuery {
  if (text.trim() === '') throw new QuerySyntaxError('the query is empty')
  const { absolute, origin } = toAbsolute(text)
  let compiled: JSONPathQuery
  try {
    compiled = environment.compile(absolute)
  } catch (error) {
    // Compiling sees only the query, which is configuration: its messages are safe to show.
    if (!(error instanceof JSONPathError)) throw new QuerySyntaxError(String(error))
    const index = error.token?.index ?? 0
    const position = (index < origin.length ? origin[index] : text.length) + 1
    throw new QuerySyntaxError(reasonOf(error), position)
  }
  return {
    text,
    absolute,
    select: document => nodes(compiled, document).map(node => node.value),
    locate: document => nodes(compiled, document).map(node => node.location)
  }
}

function nodes(compiled: JSONPathQuery, document: JSONValue): JSONPathNode[] {
  try {
    return compiled.query(document).nodes
  } catch (error) {
    if (error instanceof JSONPathRecursionLimitError) {
      throw new QueryEvaluationError('the document is nested too deeply for this query')
    }
    // Evaluation sees the secret: only the kind of error leaves, never its message.
    throw new QueryEvaluationError(`evaluation failed (${(error as Error)?.name ?? 'error'})`)
  }
}

/**
 * The absolute query, and for each of its characters the index of the character of `text` it
 * came from (a prepended `$` or `$.` maps to 0), to place syntax errors in the text as written.
 */
export function toAbsolute(text: string): { absolute: string; origin: number[] } {
  if (text.startsWith('$')) {
    return { absolute: text, origin: Array.from({ length: text.length }, (_, i) => i) }
  }
  const prefix = text.startsWith('[') || text.startsWith('.') ? '$' : '$.'
  const chars: string[] = [prefix]
  const origin: number[] = Array.from({ length: prefix.length }, () => 0)
  let quote: string | undefined
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quote !== undefined) {
      if (char === '\\' && i + 1 < text.length) {
        chars.push(char)
        origin.push(i++)
      } else if (char === quote) {
        quote = undefined
      }
    } else if (char === "'" || char === '"') {
      quote = char
    } else if (char === '.' && text[i + 1] === '[' && text[i - 1] !== '.') {
      // `.[` is never valid RFC 9535 outside a string, so this changes no valid query.
      continue
    }
    chars.push(text[i])
    origin.push(i)
  }
  return { absolute: chars.join(''), origin }
}

/** json-p3 appends `('<up to 9 characters of context>':<index>)`; we give our own position. */
function reasonOf(error: JSONPathError): string {
  return error.message.replace(/ \('[\s\S]{0,9}':\d+\)$/, '')
}

import { InputError } from '../errors.js'
import { logName } from '../output/escape.js'
import { outputNameKey, outputNameProblem } from '../output/output-names.js'
import { compileQuery, QuerySyntaxError, type CompiledQuery } from './query.js'

/** A compiled query and the name its result is emitted under. */
export interface NamedQuery {
  /** Step output name; also env var and file name when those are on. */
  name: string
  /** How messages and the summary name it: `query NAME`, or `query` for the query input. */
  label: string
  query: CompiledQuery
}

/** The output of the `query` input. */
export const SINGLE_OUTPUT = 'value'

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/** The `query` input: one query, emitted as the output `value`. */
export function parseSingleQuery(text: string): NamedQuery {
  const problems: string[] = []
  const query = compileNamed(text, 'query', detail => problems.push(detail))
  if (query === undefined) throw new InputError('query', problems.join('; '))
  return { name: SINGLE_OUTPUT, label: 'query', query }
}

/**
 * The `queries` input: one NAME=JSONPATH a line (the first `=` separates them; `==` may follow
 * in the query). Blank lines and lines starting with `#` are skipped. Every query is compiled,
 * and every problem reported at once.
 */
export function parseNamedQueries(text: string): NamedQuery[] {
  const queries: NamedQuery[] = []
  const names: string[] = []
  const problems: string[] = []
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) return
    const problem = (detail: string) => problems.push(`line ${index + 1}: ${detail}`)
    const eq = line.indexOf('=')
    if (eq < 0) return problem(`'${line}' has no '=': write NAME=JSONPATH`)
    const name = line.slice(0, eq).trim()
    const path = line.slice(eq + 1).trim()
    const nameProblem = checkName(name, names)
    if (nameProblem) return problem(nameProblem)
    names.push(name)
    if (path === '') return problem(`query ${name} is empty`)
    const query = compileNamed(path, `query ${name}`, problem)
    if (query) queries.push({ name, label: `query ${name}`, query })
  })
  if (problems.length > 0) throw new InputError('queries', problems.join('; '))
  return queries
}

function checkName(name: string, seen: string[]): string | undefined {
  if (!NAME.test(name)) {
    return `'${logName(name)}' is not a valid name: use letters, digits and _, not starting with a digit`
  }
  if (outputNameProblem(name)) return `'${name}' ${outputNameProblem(name)}`
  // Step outputs (in expressions) and env vars on Windows ignore case: so do we.
  if (seen.some(other => outputNameKey(other) === outputNameKey(name))) {
    return `name '${name}' is used twice (names are compared ignoring case)`
  }
  return undefined
}

function compileNamed(
  text: string,
  label: string,
  report: (detail: string) => void
): CompiledQuery | undefined {
  try {
    return compileQuery(text)
  } catch (error) {
    if (!(error instanceof QuerySyntaxError)) throw error
    report(`${label} '${text}' is not valid JSONPath: ${error.message}`)
    return undefined
  }
}

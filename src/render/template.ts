/**
 * The render mode's template language, parsed by hand: text with `{{ ... }}` placeholders, each
 * a secret or a string literal, then filters. No logic and no evaluation of any kind.
 *
 *   {{ secret "ID" }}            the whole value of a secret (name or ARN)
 *   {{ secret "ID" "JSONPATH" }} one value inside a JSON secret
 *   {{ ... | json | shell }}     filters, applied left to right
 *   {{ "{{" }}                   a string literal: how to write literal braces
 *
 * Strings are "double-quoted" (escapes \" and \\ only) or `backquoted` (taken as written).
 */
import { compileQuery, QuerySyntaxError, type CompiledQuery } from '../jsonpath/query.js'
import { secretIdProblem } from '../secrets/ids.js'
import { FILTER_NAMES, type FilterName } from './filters.js'

export interface Position {
  /** 1-based. */
  line: number
  /** 1-based, in characters (code points) of that line. */
  column: number
}

export type Source =
  { kind: 'literal'; text: string } | { kind: 'secret'; id: string; query?: CompiledQuery }

export interface Placeholder extends Position {
  source: Source
  filters: FilterName[]
  /** How messages name it: rebuilt from the id, query and filters, never from a value. */
  label: string
}

/** Literal text, or a placeholder. */
export type Part = string | Placeholder

export interface TemplateProblem extends Position {
  message: string
}

export interface Template {
  parts: Part[]
  problems: TemplateProblem[]
}

type Token =
  | { kind: 'string'; text: string; at: number }
  | { kind: 'word'; text: string; at: number }
  | { kind: 'pipe'; at: number }

class SyntaxProblem extends Error {
  constructor(
    readonly at: number,
    message: string
  ) {
    super(message)
  }
}

const OPEN = '{{'
const CLOSE = '}}'

/** Parses the whole template, reporting every problem found rather than the first. */
export function parseTemplate(text: string): Template {
  const parts: Part[] = []
  const problems: TemplateProblem[] = []
  const locate = locator(text)
  const report = (at: number, message: string) => problems.push({ ...locate(at), message })
  let literal = ''
  let index = 0
  while (index < text.length) {
    const open = text.indexOf(OPEN, index)
    if (open < 0) {
      literal += text.slice(index)
      break
    }
    literal += text.slice(index, open)
    try {
      const { tokens, end } = tokenize(text, open + OPEN.length)
      const placeholder = placeholderOf(tokens, open, locate, report)
      if (placeholder) {
        if (literal !== '') parts.push(literal)
        literal = ''
        parts.push(placeholder)
      }
      index = end
    } catch (error) {
      if (!(error instanceof SyntaxProblem)) throw error
      report(error.at, error.message)
      // Resume after this placeholder's end, if it has one, to report later problems too.
      const close = text.indexOf(CLOSE, error.at)
      index = close < 0 ? text.length : close + CLOSE.length
    }
  }
  if (literal !== '') parts.push(literal)
  return { parts, problems }
}

/** The tokens of one placeholder, from just after its `{{` to just after its `}}`. */
function tokenize(text: string, start: number): { tokens: Token[]; end: number } {
  const tokens: Token[] = []
  let i = start
  while (i < text.length) {
    const char = text[i]
    if (/\s/.test(char)) {
      i++
    } else if (text.startsWith(CLOSE, i)) {
      return { tokens, end: i + CLOSE.length }
    } else if (char === '|') {
      tokens.push({ kind: 'pipe', at: i++ })
    } else if (char === '"' || char === '`') {
      const { value, end } = char === '"' ? quoted(text, i) : backquoted(text, i)
      tokens.push({ kind: 'string', text: value, at: i })
      i = end
    } else if (/[A-Za-z_]/.test(char)) {
      const word = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(text.slice(i, i + 64))?.[0] ?? char
      tokens.push({ kind: 'word', text: word, at: i })
      i += word.length
    } else {
      throw new SyntaxProblem(i, `unexpected character ${show(char)} in a placeholder`)
    }
  }
  throw new SyntaxProblem(start - OPEN.length, "'{{' is not closed by '}}'")
}

function quoted(text: string, start: number): { value: string; end: number } {
  let value = ''
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i]
    if (char === '"') return { value, end: i + 1 }
    if (char === '\n' || char === '\r') break
    if (char === '\\') {
      const next = text[i + 1]
      if (next !== '"' && next !== '\\') {
        throw new SyntaxProblem(i, 'unknown escape in a string: only \\" and \\\\ are escapes')
      }
      value += next
      i++
    } else {
      value += char
    }
  }
  throw new SyntaxProblem(start, 'a string is not closed on its line')
}

function backquoted(text: string, start: number): { value: string; end: number } {
  const end = text.indexOf('`', start + 1)
  if (end < 0) throw new SyntaxProblem(start, 'a `string` is not closed')
  return { value: text.slice(start + 1, end), end: end + 1 }
}

function placeholderOf(
  tokens: Token[],
  open: number,
  locate: (at: number) => Position,
  report: (at: number, message: string) => void
): Placeholder | undefined {
  const first = tokens[0]
  if (first === undefined) throw new SyntaxProblem(open, 'empty placeholder')
  let rest: Token[]
  let source: Source
  if (first.kind === 'string') {
    source = { kind: 'literal', text: first.text }
    rest = tokens.slice(1)
  } else if (first.kind === 'word' && first.text === 'secret') {
    const [id, query, ...after] = tokens.slice(1)
    if (id?.kind !== 'string') {
      throw new SyntaxProblem(id?.at ?? first.at, 'secret needs a "ID" (a name or an ARN)')
    }
    const hasQuery = query?.kind === 'string'
    source = secretSource(id, hasQuery ? query : undefined, report)
    rest = hasQuery ? after : tokens.slice(2)
  } else {
    const what = first.kind === 'word' ? `'${first.text}'` : "'|'"
    throw new SyntaxProblem(
      first.at,
      `unknown ${what}: a placeholder is secret "ID", secret "ID" "JSONPATH" or a "string"`
    )
  }
  const filters = filtersOf(rest)
  return { ...locate(open), source, filters, label: labelOf(source, filters) }
}

function secretSource(
  id: Token & { kind: 'string' },
  query: (Token & { kind: 'string' }) | undefined,
  report: (at: number, message: string) => void
): Source {
  const problem = secretIdProblem(id.text)
  if (problem) report(id.at, `secret ${problem}`)
  if (query === undefined) return { kind: 'secret', id: id.text }
  try {
    return { kind: 'secret', id: id.text, query: compileQuery(query.text) }
  } catch (error) {
    if (!(error instanceof QuerySyntaxError)) throw error
    report(query.at, `${show(query.text)} is not valid JSONPath: ${error.message}`)
    return { kind: 'secret', id: id.text }
  }
}

function filtersOf(tokens: Token[]): FilterName[] {
  const filters: FilterName[] = []
  for (let i = 0; i < tokens.length; i += 2) {
    const pipe = tokens[i]
    const name = tokens[i + 1]
    if (pipe.kind !== 'pipe') {
      throw new SyntaxProblem(pipe.at, "expected '|' and a filter, or '}}'")
    }
    if (name?.kind !== 'word') throw new SyntaxProblem(name?.at ?? pipe.at, "'|' needs a filter")
    if (!(FILTER_NAMES as readonly string[]).includes(name.text)) {
      throw new SyntaxProblem(
        name.at,
        `unknown filter '${name.text}'; filters: ${FILTER_NAMES.join(', ')}`
      )
    }
    filters.push(name.text as FilterName)
  }
  return filters
}

function labelOf(source: Source, filters: FilterName[]): string {
  const head =
    source.kind === 'literal'
      ? show(source.text)
      : ['secret', show(source.id), ...(source.query ? [show(source.query.text)] : [])].join(' ')
  return `{{ ${[head, ...filters].join(' | ')} }}`
}

/** Names and queries are configuration; shown JSON-quoted so control characters stay visible. */
function show(text: string): string {
  return JSON.stringify(text)
}

/** Line and column of an index into `text`. */
function locator(text: string): (at: number) => Position {
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1)
  return at => {
    let line = 0
    while (line + 1 < starts.length && starts[line + 1] <= at) line++
    const column = [...text.slice(starts[line], at)].length + 1
    return { line: line + 1, column }
  }
}

/** `line 3, column 7` */
export function where(position: Position): string {
  return `line ${position.line}, column ${position.column}`
}

import { jsonText } from '../output/json.js'

export const RESULT_POLICIES = ['first', 'all', 'single'] as const
export type ResultPolicy = (typeof RESULT_POLICIES)[number]

export const MISSING_POLICIES = ['fail', 'warn', 'default'] as const
export type MissingPolicy = (typeof MISSING_POLICIES)[number]

export interface ResultOptions {
  result: ResultPolicy
  onMissing: MissingPolicy
  defaultValue: string
}

/**
 * What one query yields: the text to emit, or a problem that fails the run. Warnings and the
 * note (for the summary) are built from the label and counts only, never from values.
 */
export interface Outcome {
  matches: number
  value?: string
  problem?: string
  warnings: string[]
  /** What was emitted, for the summary. */
  note: string
}

/** Applies `result` and `on-missing` to the values a query selected. */
export function outcomeOf(label: string, values: unknown[], options: ResultOptions): Outcome {
  const matches = values.length
  if (matches === 0) return missing(label, options)
  if (options.result === 'single' && matches > 1) {
    const problem = `${label} matched ${matches} nodes, but result is single`
    return { matches, problem, warnings: [], note: 'failed' }
  }
  const all = options.result === 'all'
  const warnings: string[] = []
  if (!all && matches > 1) {
    warnings.push(
      `${label} matched ${matches} nodes; emitting the first (set result: all for every ` +
        'match, or single to require exactly one).'
    )
  }
  return {
    matches,
    value: all ? jsonText(values) : render(values[0]),
    warnings,
    note: all ? 'all matches' : matches > 1 ? 'the first match' : 'the match'
  }
}

function missing(label: string, options: ResultOptions): Outcome {
  switch (options.onMissing) {
    case 'fail':
      return { matches: 0, problem: `${label} matched nothing`, warnings: [], note: 'failed' }
    case 'warn':
      return {
        matches: 0,
        value: '',
        warnings: [`${label} matched nothing; emitting an empty string.`],
        note: 'empty string'
      }
    case 'default':
      return { matches: 0, value: options.defaultValue, warnings: [], note: 'default-value' }
  }
}

/**
 * A string as it is; a number, boolean or null as its JSON text; an object or array as JSON.
 * Numbers are written as the secret writes them (1e400, 1.50, 12345678901234567890).
 */
export function render(value: unknown): string {
  return typeof value === 'string' ? value : jsonText(value)
}

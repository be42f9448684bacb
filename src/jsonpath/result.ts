import type { JSONValue } from 'json-p3'

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
export function outcomeOf(label: string, values: JSONValue[], options: ResultOptions): Outcome {
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
  if (unsafeNumbers(all ? values : values.slice(0, 1))) {
    warnings.push(
      `${label} selected an integer beyond 2^53, which JavaScript may have rounded: ` +
        'store it as a JSON string to keep every digit.'
    )
  }
  return {
    matches,
    value: all ? JSON.stringify(values) : render(values[0]),
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

/** A string as it is; a number, boolean or null as its JSON text; an object or array as JSON. */
export function render(value: JSONValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

function unsafeNumbers(values: JSONValue[]): boolean {
  const unsafe = (value: JSONValue): boolean =>
    typeof value === 'number'
      ? Number.isInteger(value) && !Number.isSafeInteger(value)
      : value !== null && typeof value === 'object' && Object.values(value).some(unsafe)
  return values.some(unsafe)
}

import type { Emission, SummaryTable } from './emission.js'

export const DRY_RUN_NOTE = 'Dry run: only read calls were made; nothing was written.'

/**
 * The job summary of a dry run: each entry of the plan output on its own row. A plan holds
 * names, ids and decisions, never a value.
 */
export function dryRunSummary(heading: string, plan: Record<string, unknown>): SummaryTable {
  const show = (value: unknown): string =>
    typeof value === 'string' ? value : (JSON.stringify(value) ?? '')
  return {
    heading,
    header: ['Plan', 'Would be'],
    rows: Object.entries(plan)
      .filter(([key]) => key !== 'dry-run')
      .map(([key, value]) => [key, show(value)]),
    notes: [DRY_RUN_NOTE]
  }
}

/** What a dry run emits: the plan as the `plan` output, before the mode's own, and as the summary. */
export function dryRunEmission(
  heading: string,
  plan: Record<string, unknown>,
  outputs: Record<string, string>
): Emission {
  return {
    outputs: { plan: JSON.stringify(plan), ...outputs },
    summary: dryRunSummary(heading, plan)
  }
}

import * as core from '../actions-core.js'
import type { SummaryTable } from './emission.js'
import type { Masker } from './mask.js'

/** Writes a table of names and ids to the job summary; scrubbed as a backstop. */
export async function writeSummary(table: SummaryTable, masker: Masker): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.debug('No GITHUB_STEP_SUMMARY file: skipping the job summary')
    return
  }
  const clean = (text: string): string => masker.redact(text)
  const summary = core.summary.addHeading(clean(table.heading), 3)
  if (table.rows.length > 0) {
    summary.addTable([
      table.header.map(data => ({ data: clean(data), header: true })),
      ...table.rows.map(row => row.map(cell => clean(cell)))
    ])
  }
  for (const note of table.notes ?? []) summary.addRaw(`\n${clean(note)}\n`, true)
  await summary.write()
}

import * as core from '../actions-core.js'
import type { SummaryCell, SummaryTable } from './emission.js'
import { htmlText } from './escape.js'
import { log } from './log.js'
import type { Masker } from './mask.js'

/**
 * Writes a table of names and ids to the job summary. Every heading, cell and note is scrubbed
 * (a backstop) and then HTML-escaped: core.summary writes its text into the HTML as it is, and
 * names come from whoever can create secrets. Notes go in a <p>, so markdown in them is text.
 */
export async function writeSummary(table: SummaryTable, masker: Masker): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    log.debug('No GITHUB_STEP_SUMMARY file: skipping the job summary')
    return
  }
  const clean = (text: string): string => htmlText(masker.redact(text))
  const summary = core.summary.addHeading(clean(table.heading), 3)
  if (table.rows.length > 0) {
    summary.addTable([
      table.header.map(data => ({ data: clean(data), header: true })),
      ...table.rows.map(row => row.map(cell => cellHtml(cell, clean)))
    ])
  }
  for (const note of table.notes ?? []) summary.addRaw(`<p>${clean(note)}</p>`, true)
  await summary.write()
}

function cellHtml(cell: SummaryCell, clean: (text: string) => string): string {
  return typeof cell === 'string' ? clean(cell) : `<code>${clean(cell.code)}</code>`
}

import * as fs from 'node:fs'
import * as os from 'node:os'
import type { SummaryCell, SummaryTable } from './emission.js'
import { htmlText } from './escape.js'
import { log } from './log.js'
import type { Masker } from './mask.js'

/**
 * Appends a table of names and ids to the job summary, in the HTML core.summary writes. Every
 * heading, cell and note is scrubbed (a backstop) and then HTML-escaped: names come from whoever
 * can create secrets. Notes go in a <p>, so markdown in them is text. One synchronous append:
 * core.summary's promises cost a start about 2 ms for a few hundred bytes.
 */
export function writeSummary(table: SummaryTable, masker: Masker): void {
  const file = process.env.GITHUB_STEP_SUMMARY
  if (!file) {
    log.debug('No GITHUB_STEP_SUMMARY file: skipping the job summary')
    return
  }
  try {
    fs.appendFileSync(file, summaryText(table, masker))
  } catch (error) {
    // Everything was delivered by now: a summary that cannot be written is not worth failing.
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    log.warning(`The job summary could not be written (${code})`)
  }
}

/** The summary's HTML, every piece scrubbed by `masker`, then escaped. */
export function summaryText(table: SummaryTable, masker: Masker): string {
  return summaryHtml(table, text => htmlText(masker.redact(text)))
}

/** The runner drops a step's whole summary over 1 MiB: a table is cut well below that. */
export const SUMMARY_BUDGET = 256 * 1024

/**
 * The HTML: an h3 heading, a table when there are rows, then a paragraph for each note. Rows and
 * notes past `budget` bytes are left out, and a last paragraph says how many.
 */
export function summaryHtml(
  table: SummaryTable,
  clean: (text: string) => string,
  budget = SUMMARY_BUDGET
): string {
  const tr = (cells: string[]) => `<tr>${cells.join('')}</tr>`
  const heading = `<h3>${clean(table.heading)}</h3>`
  let size = Buffer.byteLength(heading)
  let cut = 0
  /** The pieces that fit, in order: once one does not, none after it is kept. */
  const within = (pieces: string[]): string[] => {
    const kept: string[] = []
    for (const piece of pieces) {
      const bytes = Buffer.byteLength(piece)
      if (cut === 0 && size + bytes <= budget) {
        kept.push(piece)
        size += bytes
      } else {
        cut++
      }
    }
    return kept
  }
  const parts = [heading]
  if (table.rows.length > 0) {
    const header = tr(table.header.map(data => `<th>${clean(data)}</th>`))
    size += Buffer.byteLength(header)
    const rows = within(
      table.rows.map(row => tr(row.map(cell => `<td>${cellHtml(cell, clean)}</td>`)))
    )
    parts.push(`<table>${header}${rows.join('')}</table>`)
  }
  parts.push(...within((table.notes ?? []).map(note => `<p>${clean(note)}</p>`)))
  if (cut > 0) {
    parts.push(
      `<p>${cut} more row(s) or note(s) not shown: the runner drops a summary over 1 MiB.</p>`
    )
  }
  return parts.map(part => part + os.EOL).join('')
}

function cellHtml(cell: SummaryCell, clean: (text: string) => string): string {
  return typeof cell === 'string' ? clean(cell) : `<code>${clean(cell.code)}</code>`
}

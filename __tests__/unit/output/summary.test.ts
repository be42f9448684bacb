import { describe, expect, it } from '@jest/globals'
import { summary as coreSummary } from '@actions/core'
import fc from 'fast-check'
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { SummaryCell, SummaryTable } from '../../../src/output/emission.js'
import { Masker } from '../../../src/output/mask.js'
import { SUMMARY_BUDGET, summaryHtml, writeSummary } from '../../../src/output/summary.js'
import { fcParams } from '../../harness/properties.js'
import { useStepFiles } from '../../harness/step-files.js'

const step = useStepFiles('summary-', [])

const table: SummaryTable = {
  heading: 'Fetched 1 secret',
  header: ['Secret', 'Delivered as'],
  rows: [['db', { code: 'DB_PASSWORD' }]],
  notes: ['one note']
}

/** What @actions/core's summary builds from the same table (the runner renders this HTML). */
function coreHtml(t: SummaryTable, clean: (text: string) => string): string {
  const cell = (c: SummaryCell) =>
    typeof c === 'string' ? clean(c) : `<code>${clean(c.code)}</code>`
  coreSummary.emptyBuffer().addHeading(clean(t.heading), 3)
  if (t.rows.length > 0) {
    coreSummary.addTable([
      t.header.map(data => ({ data: clean(data), header: true })),
      ...t.rows.map(row => row.map(cell))
    ])
  }
  for (const note of t.notes ?? []) coreSummary.addRaw(`<p>${clean(note)}</p>`, true)
  const html = coreSummary.stringify()
  coreSummary.emptyBuffer()
  return html
}

describe('summaryHtml', () => {
  // core writes an element with no content unclosed (`<tr>` for a row of no cells): tables here
  // have cells, and cleaned text is never empty.
  it('is the HTML core.summary writes for any table', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 12 })
    const cell = fc.oneof(
      text,
      text.map(code => ({ code }))
    )
    const tables = fc.record({
      heading: text,
      header: fc.array(text, { minLength: 1, maxLength: 3 }),
      rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { maxLength: 3 }),
      notes: fc.option(fc.array(text, { maxLength: 2 }), { nil: undefined })
    })
    const clean = (s: string) => `[${s}]`
    fc.assert(
      fc.property(tables, t => summaryHtml(t, clean) === coreHtml(t, clean)),
      fcParams(300)
    )
  })
  it('leaves out the rows and notes past its budget, and says how many', () => {
    const cell = 'n'.repeat(500)
    const big: SummaryTable = {
      heading: 'Fetched 2000 secrets',
      header: ['Secret'],
      rows: Array.from({ length: 2000 }, (_, i) => [`${cell}${i}`]),
      notes: ['a note']
    }
    const html = summaryHtml(big, text => text)
    expect(Buffer.byteLength(html)).toBeLessThan(SUMMARY_BUDGET + 200)
    const kept = html.match(/<tr><td>/g)?.length ?? 0
    expect(kept).toBeGreaterThan(400)
    expect(html).toContain(`${cell}${kept - 1}</td>`)
    expect(html).not.toContain(`${cell}${kept}</td>`)
    expect(html).not.toContain('a note')
    expect(html).toContain(`<p>${2000 - kept + 1} more row(s) or note(s) not shown`)
    expect(summaryHtml(table, text => text)).not.toContain('not shown')
  })
})

describe('writeSummary', () => {
  it('appends the escaped, scrubbed table to the summary file', () => {
    const file = path.join(step.dir, 'summary.md')
    fs.writeFileSync(file, 'an earlier step\n')
    process.env.GITHUB_STEP_SUMMARY = file
    const masker = new Masker(() => undefined)
    masker.add('s3cr3t-value')
    writeSummary({ ...table, notes: ['<b>s3cr3t-value</b>'] }, masker)
    const written = fs.readFileSync(file, 'utf8')
    expect(written.startsWith('an earlier step\n<h3>Fetched 1 secret</h3>')).toBe(true)
    expect(written).toContain('<td><code>DB_PASSWORD</code></td>')
    expect(written).toContain('<p>&lt;b&gt;***&lt;/b&gt;</p>')
    expect(written).not.toContain('s3cr3t-value')
  })

  it('warns and goes on when the summary file cannot be written', () => {
    process.env.GITHUB_STEP_SUMMARY = path.join(step.dir, 'no-such-dir', 'summary.md')
    process.exitCode = undefined
    writeSummary(table, new Masker(() => undefined))
    expect(step.stdout.join('')).toContain(
      '::warning::The job summary could not be written (ENOENT)'
    )
    expect(process.exitCode).toBeUndefined()
  })

  it('writes nothing without GITHUB_STEP_SUMMARY', () => {
    delete process.env.GITHUB_STEP_SUMMARY
    writeSummary(table, new Masker(() => undefined))
    expect(step.stdout.join('')).toContain('::debug::No GITHUB_STEP_SUMMARY file')
  })
})

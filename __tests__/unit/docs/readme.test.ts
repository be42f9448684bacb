import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { handlers } from '../../../src/modes/index.js'
import type { ModeHandler } from '../../../src/modes/types.js'
import { PROJECT_DIR } from '../../harness/runner.js'

// The README is the reference workflow authors read: these checks keep it in step with
// action.yml, the handlers' export defaults and the files it links to.

interface ActionYml {
  inputs: Record<string, { default?: string }>
  outputs: Record<string, unknown>
}

interface Row {
  /** The `## \`mode\`` section the table is in, if any. */
  mode?: string
  names: string[]
  cells: string[]
}

const readme = fs.readFileSync(path.join(PROJECT_DIR, 'README.md'), 'utf8')
const action = parseYaml(fs.readFileSync(path.join(PROJECT_DIR, 'action.yml'), 'utf8')) as ActionYml

/** Markdown lines outside fenced code blocks. */
function proseLines(): string[] {
  let fenced = false
  return readme.split('\n').filter(line => {
    if (/^\s*```/.test(line)) fenced = !fenced
    return !fenced && !/^\s*```/.test(line)
  })
}

/** Rows of every table whose header is exactly `header` (e.g. `| input | default | meaning |`). */
function tableRows(header: string): Row[] {
  const rows: Row[] = []
  let mode: string | undefined
  let inTable = false
  for (const line of proseLines()) {
    if (line.startsWith('## ')) mode = /^## `([a-z-]+)`$/.exec(line)?.[1]
    if (line.trim() === header) {
      inTable = true
      continue
    }
    if (!line.startsWith('|')) inTable = false
    if (!inTable || /^\|\s*---/.test(line)) continue
    const cells = line
      .split('|')
      .slice(1, -1)
      .map(cell => cell.trim())
    const names = [...cells[0].matchAll(/`([^`]+)`/g)].map(match => match[1])
    rows.push({ mode, names, cells })
  }
  return rows
}

/** GitHub's heading anchors: lowercase, punctuation dropped, spaces to '-', repeats numbered. */
function anchors(): Set<string> {
  const seen = new Map<string, number>()
  const result = new Set<string>()
  for (const line of proseLines()) {
    const heading = /^#{1,6} (.+)$/.exec(line)?.[1]
    if (heading === undefined) continue
    const slug = heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replace(/ /g, '-')
    const count = seen.get(slug) ?? 0
    seen.set(slug, count + 1)
    result.add(count === 0 ? slug : `${slug}-${count}`)
  }
  return result
}

function links(): string[] {
  return proseLines().flatMap(line => [...line.matchAll(/\]\(([^)\s]+)\)/g)].map(m => m[1]))
}

describe('README.md', () => {
  const inputRows = tableRows('| input | default | meaning |')
  const outputRows = tableRows('| output | meaning |')

  it('documents every input of action.yml in an input table', () => {
    const documented = new Set(inputRows.flatMap(row => row.names))
    const missing = Object.keys(action.inputs).filter(name => !documented.has(name))
    expect(missing).toEqual([])
  })

  it('documents every output of action.yml in an output table', () => {
    const documented = new Set(outputRows.flatMap(row => row.names))
    const missing = Object.keys(action.outputs).filter(name => !documented.has(name))
    expect(missing).toEqual([])
  })

  it('gives each input the default action.yml declares', () => {
    const wrong = inputRows.flatMap(row =>
      row.names
        .filter(name => action.inputs[name]?.default)
        .filter(name => !row.cells[1].includes(`\`${action.inputs[name].default}\``))
        .map(name => `${name}: '${row.cells[1]}' (action.yml: ${action.inputs[name].default})`)
    )
    expect(wrong).toEqual([])
  })

  it("gives export-env and export-outputs each mode's default", async () => {
    const exportRows = inputRows.filter(
      row => row.mode && row.names.some(name => name.startsWith('export-'))
    )
    expect(new Set(exportRows.map(row => row.mode))).toEqual(
      new Set(['fetch', 'lookup-jsonpath', 'push-generated', 'rotate'])
    )
    const modes = [...new Set(exportRows.map(row => row.mode as string))]
    const loaded = await Promise.all(modes.map(async mode => [mode, await handlers[mode]()]))
    const handlerOf = Object.fromEntries(loaded) as Record<string, ModeHandler<unknown>>
    const wrong = exportRows.flatMap(row => {
      const defaults = handlerOf[row.mode as string].exportDefaults
      return row.names
        .filter(name => name === 'export-env' || name === 'export-outputs')
        .filter(
          name => row.cells[1] !== `\`${defaults[name === 'export-env' ? 'env' : 'outputs']}\``
        )
        .map(name => `${row.mode} ${name}: ${row.cells[1]}`)
    })
    expect(wrong).toEqual([])
  })

  it('links to files that exist, and to every example workflow', () => {
    const targets = links().filter(link => !/^(https?:|#)/.test(link))
    const broken = targets.filter(link => !fs.existsSync(path.join(PROJECT_DIR, link)))
    expect(broken).toEqual([])
    const examples = fs.readdirSync(path.join(PROJECT_DIR, 'examples'))
    const unlinked = examples.filter(file => !targets.includes(`examples/${file}`))
    expect(unlinked).toEqual([])
  })

  it('links only to headings that exist', () => {
    const known = anchors()
    const broken = links().filter(link => link.startsWith('#') && !known.has(link.slice(1)))
    expect(broken).toEqual([])
  })
})

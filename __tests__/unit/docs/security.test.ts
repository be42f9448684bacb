// The README's table of refused env var names must be the code's table, row for row: the
// same names and prefixes, in the same groups, with the same reason.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { REFUSED_ENV_GROUPS } from '../../../src/output/env-refused.js'

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8')
const security = readme.slice(readme.indexOf('## Security'), readme.indexOf('## Development'))
const refusedSection = security.slice(security.indexOf('### Refused env var names'))
const tableText = refusedSection.slice(refusedSection.indexOf('| names | why |'))
const tableRows = tableText.slice(0, tableText.indexOf('\n\n')).split('\n').slice(2)

function rowOf(group: (typeof REFUSED_ENV_GROUPS)[number]): string {
  const entries = [...group.names.map(n => `\`${n}\``), ...group.prefixes.map(p => `\`${p}*\``)]
  return `| ${entries.join(', ')}${group.anyCase ? ' (any letter case)' : ''} | ${group.reason} |`
}

describe('README Security section', () => {
  it('has one table row per refused group, with its names, prefixes and reason', () => {
    expect(tableRows).toEqual(REFUSED_ENV_GROUPS.map(rowOf))
  })

  it('lists every refused name and prefix', () => {
    const listed = REFUSED_ENV_GROUPS.flatMap(group => [
      ...group.names.map(name => `\`${name}\``),
      ...group.prefixes.map(prefix => `\`${prefix}*\``)
    ])
    expect(listed.filter(entry => !security.includes(entry))).toEqual([])
  })
})

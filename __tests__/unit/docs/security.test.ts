// The README's list of refused env var names must be the code's list.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { REFUSED_ENV_GROUPS } from '../../../src/output/env-names.js'

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8')
const security = readme.slice(readme.indexOf('## Security'), readme.indexOf('## Development'))

describe('README Security section', () => {
  it('lists every refused name and prefix', () => {
    const listed = REFUSED_ENV_GROUPS.flatMap(group => [
      ...group.names.map(name => `\`${name}\``),
      ...group.prefixes.map(prefix => `\`${prefix}*\``)
    ])
    expect(listed.filter(entry => !security.includes(entry))).toEqual([])
  })
})

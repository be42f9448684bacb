import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import * as path from 'node:path'
import { PROJECT_DIR } from '../../harness/runner.js'

const FIXTURES = '__tests__/fixtures/actionlint'

function actionlint(...files: string[]) {
  const tsx = path.join(PROJECT_DIR, 'node_modules', '.bin', 'tsx')
  return spawnSync(tsx, ['scripts/actionlint.ts', ...files], { cwd: PROJECT_DIR, encoding: 'utf8' })
}

describe('scripts/actionlint.ts', () => {
  it('checks the published action against action.yml and exits 1 on findings', () => {
    const result = actionlint(`${FIXTURES}/valid.yml`, `${FIXTURES}/mistakes.yml`)

    expect(result.status).toBe(1)
    const findings = result.stdout.split('\n').filter(line => line.startsWith(FIXTURES))
    expect(findings).toHaveLength(2)
    expect(findings[0]).toMatch(
      /^__tests__\/fixtures\/actionlint\/mistakes\.yml:11:11: input "secret-idz" is not defined/
    )
    expect(findings[1]).toMatch(
      /^__tests__\/fixtures\/actionlint\/mistakes\.yml:12:\d+: property "counts" is not defined/
    )
    expect(result.stdout).toContain('2 finding(s) in 2 workflow file(s)')
  })

  it('accepts a workflow that uses the inputs and outputs action.yml declares', () => {
    const result = actionlint(`${FIXTURES}/valid.yml`)

    expect(result.stdout).toContain('1 workflow file(s), no findings')
    expect(result.status).toBe(0)
  })
})

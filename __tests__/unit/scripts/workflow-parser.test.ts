import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import * as path from 'node:path'
import { PROJECT_DIR } from '../../harness/runner.js'

const FIXTURES = '__tests__/fixtures/workflow-parser'

function workflowParser(...files: string[]) {
  const tsx = path.join(PROJECT_DIR, 'node_modules', '.bin', 'tsx')
  return spawnSync(tsx, ['scripts/workflow-parser.ts', ...files], {
    cwd: PROJECT_DIR,
    encoding: 'utf8'
  })
}

describe('scripts/workflow-parser.ts', () => {
  it('reports what GitHub would refuse in a workflow and an action, and exits 1', () => {
    const result = workflowParser(`${FIXTURES}/mistakes.yml`, `${FIXTURES}/bad-action/action.yml`)

    expect(result.status).toBe(1)
    expect(result.stdout).toContain(`${FIXTURES}/mistakes.yml:7:9: Unexpected value 'bogus'`)
    expect(result.stdout).toContain(
      `${FIXTURES}/bad-action/action.yml:4:3: Unexpected value 'mian'`
    )
    expect(result.stdout).toContain('Required property is missing: description')
  })

  it("accepts this repository's action.yml and workflows", () => {
    const result = workflowParser()

    expect(result.stdout).toMatch(/workflow-parser: \d+ file\(s\), no errors/)
    expect(result.status).toBe(0)
  })
})

import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { emit } from '../../../src/output/emit.js'
import { dryRunSummary } from '../../../src/output/plan.js'
import { useStepFiles } from '../../harness/step-files.js'

const step = useStepFiles('plain-', [
  'GITHUB_OUTPUT',
  'GITHUB_ENV',
  'GITHUB_STATE',
  'GITHUB_STEP_SUMMARY'
])

describe('plain files', () => {
  it('are written into output-dir (0600, listed for the post step) and never masked', async () => {
    const outputDir = path.join(step.dir, 'out')
    const text = '{"db": {"tags": {"env": "prod"}}}\n'
    await emit(
      { plainFiles: [{ file: 'metadata.json', text }] },
      { env: false, outputs: false, outputDir },
      {}
    )
    const file = path.join(outputDir, 'metadata.json')
    expect(fs.readFileSync(file, 'utf8')).toBe(text)
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(fs.readFileSync(process.env.GITHUB_STATE as string, 'utf8')).toContain(file)
    expect(step.stdout.join('')).not.toContain('::add-mask::')
  })

  it('are not written without output-dir, and an unsafe name is refused', async () => {
    await emit(
      { plainFiles: [{ file: 'metadata.json', text: '{}' }] },
      { env: false, outputs: false },
      {}
    )
    expect(fs.readdirSync(step.dir)).not.toContain('metadata.json')
    await expect(
      emit(
        { plainFiles: [{ file: '../escape.json', text: '{}' }] },
        { env: false, outputs: false, outputDir: path.join(step.dir, 'o') },
        {}
      )
    ).rejects.toThrow(/not safe/)
  })
})

describe('dryRunSummary', () => {
  it('shows each entry of the plan on its own row, without the dry-run flag', () => {
    const table = dryRunSummary('put (dry run): db', {
      'dry-run': true,
      action: 'create',
      stages: ['AWSCURRENT']
    })
    expect(table.rows).toEqual([
      ['action', 'create'],
      ['stages', '["AWSCURRENT"]']
    ])
    expect(table.notes?.[0]).toMatch(/nothing was written/)
  })
})

// The runner's side of a step for unit tests of the output layer: its file-command files and
// its stdout, fresh for each test.
import { afterEach, beforeEach, jest } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'

export type StepFile = 'GITHUB_OUTPUT' | 'GITHUB_ENV' | 'GITHUB_STATE' | 'GITHUB_STEP_SUMMARY'
const STEP_FILES: readonly StepFile[] = [
  'GITHUB_OUTPUT',
  'GITHUB_ENV',
  'GITHUB_STATE',
  'GITHUB_STEP_SUMMARY'
]

export interface StepFiles {
  /** The test's own temp dir, where the files are. */
  dir: string
  /** What the code under test wrote to stdout, chunk by chunk. */
  stdout: string[]
  read(name: StepFile): string
}

/**
 * For each test: a new temp dir holding `files` (empty, each named in the env, the others unset),
 * stdout captured instead of shown; afterwards the env as it was, and the dir removed.
 */
export function useStepFiles(prefix: string, files: readonly StepFile[]): StepFiles {
  const saved = { ...process.env }
  const step: StepFiles = {
    dir: '',
    stdout: [],
    read: name => fs.readFileSync(path.join(step.dir, name), 'utf8')
  }
  beforeEach(() => {
    step.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
    for (const name of STEP_FILES) delete process.env[name]
    for (const name of files) {
      process.env[name] = path.join(step.dir, name)
      fs.writeFileSync(process.env[name] as string, '')
    }
    step.stdout = []
    jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
      step.stdout.push(String(chunk))
      return true
    })
  })
  afterEach(() => {
    jest.restoreAllMocks()
    process.env = { ...saved }
    fs.rmSync(step.dir, { recursive: true, force: true })
  })
  return step
}

// The dist/ files a step reads, through the bench's module-load probe (scripts/bench/probe.mjs).
import * as fs from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { distDir, PROJECT_DIR, tempDir } from './runner.js'

const PROBE = path.join(PROJECT_DIR, 'scripts', 'bench', 'probe.mjs')

/** Runs a step with the probe in its NODE_OPTIONS; the dist/ files it loaded, in order. */
export async function loadedFiles(
  run: (env: Record<string, string>) => Promise<{ exitCode: number }>
): Promise<string[]> {
  const log = path.join(tempDir('sma-loads-'), 'loads.txt')
  const step = await run({ NODE_OPTIONS: `--import=${PROBE}`, SMA_LOAD_LOG: log })
  if (step.exitCode !== 0) throw new Error(`loadedFiles: the step exited ${step.exitCode}`)
  return fs
    .readFileSync(log, 'utf8')
    .split('\n')
    .filter(url => url.startsWith('file:'))
    .map(url => fileURLToPath(url))
    .filter(file => file.startsWith(distDir() + path.sep))
}

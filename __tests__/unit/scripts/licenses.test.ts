import { describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { promisify } from 'node:util'
import { PROJECT_DIR } from '../../harness/runner.js'

/** The entries `npm run bundle` builds, whatever they are: each `ncc build <entry>`. */
function bundleEntries(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, 'package.json'), 'utf8'))
  return [...String(pkg.scripts.bundle).matchAll(/(?:ncc build|bundle\.sh) (\S+)/g)].map(m => m[1])
}

/** The packages webpack put into the bundle of `entry`, from the stats of a fresh build. */
async function bundledPackages(entry: string, out: string): Promise<string[]> {
  const stats = path.join(out, 'stats.json')
  const ncc = path.join(PROJECT_DIR, 'node_modules', '.bin', 'ncc')
  await promisify(execFile)(ncc, ['build', entry, '-o', out, '-q', '--stats-out', stats], {
    cwd: PROJECT_DIR
  })
  const names = new Set<string>()
  const walk = (modules: Array<{ name?: string; modules?: unknown[] }>) => {
    for (const m of modules) {
      const inPackage = [...(m.name ?? '').matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].pop()
      if (inPackage) names.add(inPackage[1])
      if (m.modules) walk(m.modules as typeof modules)
    }
  }
  walk(JSON.parse(fs.readFileSync(stats, 'utf8')).modules ?? [])
  return [...names].sort()
}

function listed(licenses: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  return new RegExp(`(^|\\n\\n)${escaped}\\n[^\\n]+`).test(licenses)
}

describe('dist/licenses.txt', () => {
  it('names every package bundled into dist/, with its licence', async () => {
    const licenses = fs.readFileSync(path.join(PROJECT_DIR, 'dist', 'licenses.txt'), 'utf8')
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sma-licenses-'))
    try {
      const entries = bundleEntries()
      expect(entries.length).toBeGreaterThan(0)
      // The builds of the entries run side by side: each takes a while.
      const builds = entries.map((entry, i) => bundledPackages(entry, path.join(work, `${i}`)))
      const bundled = (await Promise.all(builds)).flat()
      expect(bundled).toContain('@actions/core')
      expect([...new Set(bundled)].filter(name => !listed(licenses, name))).toEqual([])
    } finally {
      fs.rmSync(work, { recursive: true, force: true })
    }
  }, 300_000)
})

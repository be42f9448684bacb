// Runs after the post step of every later action: each path of the absent input must be gone.
import { existsSync } from 'node:fs'

const paths = (process.env.INPUT_ABSENT ?? '')
  .split(/\r?\n/)
  .map(line => line.trim())
  .filter(Boolean)
const left = paths.filter(p => existsSync(p))
for (const p of left) console.log(`::error::${p} still exists after the post steps ran`)
if (left.length === 0) console.log(`after-job: ${paths.length} path(s) removed by the post steps`)
process.exitCode = left.length === 0 ? 0 : 1

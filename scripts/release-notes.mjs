// The release notes of a tag: its `## [X.Y.Z]` section of CHANGELOG.md, without the heading.
// Used by .github/workflows/release.yml; exits 1 when the section is missing or empty.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/** The body of the section `## [version]` (a leading v is dropped), or undefined. */
export function releaseNotes(changelog, tag) {
  const version = tag.replace(/^v/, '')
  const lines = changelog.split(/\r?\n/)
  const start = lines.findIndex(line => line.startsWith(`## [${version}]`))
  if (start < 0) return undefined
  const end = lines.findIndex((line, i) => i > start && /^## /.test(line))
  const body = lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join('\n')
    .trim()
  return body === '' ? undefined : body
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const tag = process.argv[2] ?? ''
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  const notes = releaseNotes(readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8'), tag)
  if (notes === undefined) {
    console.error(`CHANGELOG.md has no section '## [${tag.replace(/^v/, '')}]' with notes`)
    process.exitCode = 1
  } else {
    console.log(notes)
  }
}

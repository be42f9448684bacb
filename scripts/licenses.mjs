// Writes the licence file of dist/ (npm run bundle, after ncc): every package the bundles can
// contain, that is every production dependency with its own dependencies, and ncc, whose runtime
// is in each bundle, each with its licence id and licence text. ncc's --license lists only some
// of the packages it bundles; __tests__/unit/scripts/licenses.test.ts checks the bundle's real
// contents against this file.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const ALWAYS_BUNDLED = ['@vercel/ncc']

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'))
}

/** The folder of `name` as Node resolves it from `fromDir`: the nearest node_modules that has it. */
function resolvePackage(name, fromDir) {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name)
    if (existsSync(path.join(candidate, 'package.json'))) return candidate
    if (dir === path.dirname(dir)) return undefined
  }
}

/** name -> folder of every package reachable from the root's production dependencies. */
export function productionPackages(root = ROOT) {
  const found = new Map()
  const pending = [
    ...Object.keys(readJson(path.join(root, 'package.json')).dependencies ?? {}),
    ...ALWAYS_BUNDLED
  ].map(name => ({ name, from: root }))
  while (pending.length > 0) {
    const { name, from } = pending.pop()
    const dir = resolvePackage(name, from)
    if (!dir || [...found.values()].includes(dir)) continue
    if (!found.has(name)) found.set(name, dir)
    const manifest = readJson(path.join(dir, 'package.json'))
    // Peer dependencies too when installed (debug, for one, requires supports-color if it can).
    const deps = {
      ...manifest.dependencies,
      ...manifest.optionalDependencies,
      ...manifest.peerDependencies,
      ...manifest.peerDependenciesMeta
    }
    for (const dep of Object.keys(deps)) {
      pending.push({ name: dep, from: dir })
    }
  }
  return found
}

function licenseText(dir) {
  const file = readdirSync(dir).find(name => /^(licen[cs]e|copying)(\.|$)/i.test(name))
  return file ? readFileSync(path.join(dir, file), 'utf8').trim() : ''
}

function licenseId(manifest) {
  const license = manifest.license ?? manifest.licenses?.[0]?.type ?? manifest.licenses?.[0]
  return typeof license === 'string' ? license : 'UNKNOWN'
}

/** The file's text: one entry per package, `name`, licence id, licence text, a blank line. */
export function licensesText(packages) {
  return [...packages.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, dir]) => {
      const manifest = readJson(path.join(dir, 'package.json'))
      return [name, licenseId(manifest), licenseText(dir)].filter(Boolean).join('\n')
    })
    .join('\n\n')
    .concat('\n')
}

const target = process.argv[2]
if (target && import.meta.url === pathToFileURL(path.resolve(process.argv[1] ?? '')).href) {
  writeFileSync(path.resolve(target), licensesText(productionPackages()))
}

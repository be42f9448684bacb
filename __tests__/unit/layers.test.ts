// The shape of src/: every import points down the layers, and the entry's static imports (what
// every start compiles) leave out the libraries only some modes or inputs need.
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { PROJECT_DIR } from '../harness/runner.js'

const SRC = path.join(PROJECT_DIR, 'src')

// Top first. A module may import its own layer or any layer below it. aws masks what STS
// answers, so output (the masker) sits under it.
const LAYERS: Array<[string, RegExp]> = [
  ['entry', /^(index|main|post|cleanup|failure|exit)\.ts$/],
  ['router', /^modes\/(index|post-hooks)\.ts$/],
  ['modes', /^modes\//],
  ['domain', /^(secrets|rotation|versions|jsonpath|render)\//],
  ['inputs', /^inputs\//],
  ['aws', /^aws\//],
  ['output', /^output\//],
  ['base', /^(errors|actions-core|state)\.ts$/]
]

function layerOf(file: string): number {
  const index = LAYERS.findIndex(([, pattern]) => pattern.test(file))
  if (index < 0) throw new Error(`src/${file} is in no layer: add it to LAYERS`)
  return index
}

interface Import {
  from: string
  spec: string
  dynamic: boolean
  typeOnly: boolean
}

function sourceFiles(dir = SRC): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return entry.name.endsWith('.ts') ? [path.relative(SRC, full).split(path.sep).join('/')] : []
  })
}

/** Static `import`/`export ... from` statements and `import('...')` calls. */
export function importsOf(file: string, text: string): Import[] {
  const found: Import[] = []
  const statement = /^(import|export)\s+(type\s+)?[^;]*?\bfrom\s+'([^']+)'/gms
  for (const m of text.matchAll(statement)) {
    found.push({ from: file, spec: m[3], dynamic: false, typeOnly: Boolean(m[2]) })
  }
  for (const m of text.matchAll(/^import\s+'([^']+)'/gm)) {
    found.push({ from: file, spec: m[1], dynamic: false, typeOnly: false })
  }
  for (const m of text.matchAll(/\bimport\(\s*(?:\/\*[^*]*\*\/\s*)?'([^']+)'\s*\)/g)) {
    found.push({ from: file, spec: m[1], dynamic: true, typeOnly: false })
  }
  return found
}

/** src-relative path of a relative import, or undefined for a package or a node_modules file. */
function target(imp: Import): string | undefined {
  if (!imp.spec.startsWith('.')) return undefined
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(imp.from), imp.spec))
  if (resolved.startsWith('..')) return undefined
  return resolved.replace(/\.js$/, '.ts')
}

const files = sourceFiles()
const imports = files.flatMap(file =>
  importsOf(file, fs.readFileSync(path.join(SRC, file), 'utf8'))
)

/** Every module and package a file reaches through the imports `follow` takes (not type-only). */
function closure(entry: string, follow: (imp: Import) => boolean): Set<string> {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    for (const imp of imports.filter(i => i.from === file && !i.typeOnly && follow(i))) {
      const to = target(imp)
      if (to) visit(to)
      else seen.add(imp.spec)
    }
  }
  visit(entry)
  return seen
}

/** Every module and package a file loads at once (static imports). */
function staticClosure(entry: string): Set<string> {
  return closure(entry, imp => !imp.dynamic)
}

describe('src layers', () => {
  it('reads the imports of the source', () => {
    expect(files).toContain('modes/index.ts')
    expect(imports.some(i => i.dynamic)).toBe(true)
    expect(importsOf('a/b.ts', "import type { X } from '../c.js'\nawait import('./d.js')")).toEqual(
      [
        { from: 'a/b.ts', spec: '../c.js', dynamic: false, typeOnly: true },
        { from: 'a/b.ts', spec: './d.js', dynamic: true, typeOnly: false }
      ]
    )
  })

  it('has every import point down', () => {
    const upward = imports
      .filter(imp => target(imp) !== undefined)
      .filter(imp => layerOf(target(imp)!) < layerOf(imp.from))
      .map(imp => `${imp.from} (${LAYERS[layerOf(imp.from)][0]}) imports ${imp.spec}`)
    expect(upward).toEqual([])
  })

  it('loads no mode, and none of the libraries only some steps need, before the router picks', () => {
    // main.ts is a chunk of its own, read only by a main step.
    expect(imports).toContainEqual(
      expect.objectContaining({ from: 'index.ts', spec: './main.js', dynamic: true })
    )
    const atStart = [...staticClosure('index.ts'), ...staticClosure('main.ts')]
    const heavy =
      /^(yaml|json-p3|@aws-sdk\/client-sts|@actions\/cache|@actions\/core|@actions\/github|https?-proxy-agent)$/
    const mode = (spec: string) => files.includes(spec) && LAYERS[layerOf(spec)][0] === 'modes'
    expect(atStart).toContain('modes/index.ts')
    expect(atStart.filter(spec => heavy.test(spec) || mode(spec))).toEqual([])
  })

  it('keeps yaml, json-p3, lossless-json, STS, the proxy agents and the cache out of a plain fetch', () => {
    const fetch = [...staticClosure('main.ts'), ...staticClosure('modes/fetch.ts')]
    const lazy = /^(yaml|json-p3|lossless-json|@aws-sdk\/client-sts|@actions\/|https?-proxy-agent)/
    expect(fetch.filter(spec => lazy.test(spec))).toEqual([])
  })

  it('loads the output layer (emit, its refused env names, the summary) after the request is out', () => {
    const beforeRequest = [...staticClosure('main.ts'), ...staticClosure('modes/fetch.ts')]
    const output = ['output/emit.ts', 'output/env-refused.ts', 'output/summary.ts']
    expect(output.filter(file => files.includes(file))).toEqual(output)
    expect(beforeRequest.filter(file => output.includes(file))).toEqual([])
    expect(imports).toContainEqual(
      expect.objectContaining({ from: 'main.ts', spec: './output/emit.js', dynamic: true })
    )
  })

  it("reaches no mode's main-step code from the post step, only the post hooks", () => {
    // A mode's chunk reachable from the post step would carry again what the main step loaded.
    const reachable = closure('post.ts', () => true)
    expect(reachable).toContain('modes/post-hooks.ts')
    expect(reachable).toContain('rotation/cancel.ts')
    expect([...reachable].filter(file => /^modes\/(?!post-hooks\.ts$)/.test(file))).toEqual([])
    // rotate's hook reads the SDK only when it has a version to look at.
    const hook = staticClosure('rotation/cancel.ts')
    expect(
      [...hook].filter(spec => spec.startsWith('@aws-sdk/') || spec.startsWith('rotation/in'))
    ).toEqual([])
  })

  it('runs neither the SDK nor the main step in a post step until a hook calls AWS', () => {
    const atPost = [...staticClosure('index.ts'), ...staticClosure('post.ts')]
    expect(atPost).toContain('cleanup.ts')
    const unneeded = (spec: string) =>
      spec.startsWith('@aws-sdk/') || spec.startsWith('@smithy/') || spec === 'main.ts'
    expect(atPost.filter(unneeded)).toEqual([])
  })

  it('keeps the role-assumption code out of a step without role-to-assume', () => {
    const atMain = staticClosure('main.ts')
    const role = ['aws/assume-role.ts', 'aws/oidc.ts', 'aws/role-errors.ts', 'aws/sts.ts']
    expect(role.filter(file => files.includes(file))).toEqual(role)
    expect(role.filter(file => atMain.has(file))).toEqual([])
  })

  it('reaches @actions/core (and undici through it) only from the OIDC call', () => {
    const users = imports.filter(imp => imp.spec === '@actions/core')
    expect(users.map(imp => `${imp.from}${imp.dynamic ? ' (dynamic)' : ''}`)).toEqual([
      'actions-core.ts (dynamic)'
    ])
  })
})

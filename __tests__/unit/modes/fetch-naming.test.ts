/**
 * Differential: what fetch exports for a secret-ids input, against a model of how
 * aws-actions/aws-secretsmanager-get-secrets builds and names its list (src/utils.ts
 * buildSecretsList, extractAliasAndSecretIdFromInput, transformToValidEnvName; src/index.ts run),
 * over generated inputs with overlaps, repeats and whitespace. The model is written from those
 * rules, not from our code.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { exportedOnce, targetsFor, type Fetched } from '../../../src/modes/fetch.js'
import { parseSecretIds, type SecretRequest } from '../../../src/secrets/ids.js'

const CATALOGUE = ['app/db', 'app/dx', 'app/api', 'bo/a', 'bo/b', 'web/x', 'rds!cluster-1']
const arnOf = (name: string) =>
  `arn:aws:secretsmanager:us-east-1:123456789012:secret:${name}-AbCdEf`

type Outcome = { ok: true; env: Record<string, string> } | { ok: false }

/**
 * The official action: a Set of trimmed lines, wildcards expanded into that Set, then named.
 * It fails at the first name already in use; `overlap` says every such repeat came from the
 * same secret (what the issue asks us to accept), `clash` that one came from another secret.
 */
function official(
  lines: string[]
): Outcome & { overlap?: boolean; clash?: boolean; unique?: Record<string, string> } {
  const validEnv = (name: string) =>
    (/^[0-9]/.test(name) ? `_${name}` : name).replace(/[^a-zA-Z0-9_]/g, '_').toUpperCase()
  const split = (input: string): [string, string] => {
    const parts = input.split(',')
    return parts.length > 1 ? [parts[0].trim(), parts[1].trim()] : ['', input.trim()]
  }
  const inputs = [...new Set(lines.map(line => line.trim()).filter(line => line !== ''))]
  const list = new Set<string>()
  for (const input of inputs) {
    if (!input.includes('*')) {
      list.add(input)
      continue
    }
    const [alias, prefix] = split(input)
    const matches = CATALOGUE.filter(name => name.startsWith(prefix.replace('*', '')))
    if (matches.length === 0 || (alias && matches.length > 1)) return { ok: false }
    for (const name of matches) list.add(alias ? `${alias},${name}` : name)
  }
  const env: Record<string, string> = {}
  let overlap = false
  let clash = false
  for (const entry of list) {
    const [alias, id] = split(entry)
    const name = id.startsWith('arn:') ? id.slice(id.indexOf(':secret:') + 8, -7) : id
    const envName = validEnv(alias || name)
    // "The environment name ... is already in use"
    if (!(envName in env)) env[envName] = name
    else if (env[envName] === name) overlap = true
    else clash = true
  }
  return overlap || clash ? { ok: false, overlap, clash, unique: env } : { ok: true, env }
}

/** Ours: parse, expand against the same catalogue, name, export each (secret, name) once. */
function ours(lines: string[]): Outcome {
  let requests: SecretRequest[]
  try {
    requests = parseSecretIds(lines.join('\n'), 'secret-ids', 'uppercase')
  } catch {
    return { ok: false }
  }
  const fetched: Fetched[] = []
  for (const request of requests) {
    const names =
      request.kind === 'prefix'
        ? CATALOGUE.filter(name => name.startsWith(request.id))
        : request.kind === 'arn'
          ? [request.id.slice(request.id.indexOf(':secret:') + 8, -7)]
          : [request.id]
    if (names.length === 0 || (request.alias && names.length > 1)) return { ok: false }
    for (const name of names) {
      fetched.push({ request, value: { name, arn: arnOf(name), versionId: 'v', data: name } })
    }
  }
  const config = { transformation: 'uppercase' as const }
  const targets = exportedOnce(
    fetched.map(item => ({ ...item, targets: targetsFor(item.request, item.value, config) }))
  ).flatMap(item => item.targets)
  const env: Record<string, string> = {}
  for (const target of targets) {
    if (target.name in env) return { ok: false } // emit refuses a name set twice
    env[target.name] = target.source
  }
  return { ok: true, env }
}

const space = fc.constantFrom('', ' ', '  ', '\t')
const id = fc.constantFrom(
  'app/db',
  'app/api',
  'bo/a',
  'web/x',
  'rds!cluster-1',
  arnOf('app/db'),
  'app/*',
  'app/d*',
  'bo/*',
  'web*',
  'rds!*'
)
const alias = fc.constantFrom('DB', 'WEB', 'APP_DB')
const line = fc.oneof(
  fc.tuple(space, id, space).map(([a, i, b]) => `${a}${i}${b}`),
  fc.tuple(alias, space, id).map(([a, s, i]) => `${a},${s}${i}`),
  fc.constant('')
)
const input = fc.array(line, { minLength: 1, maxLength: 6 })

describe('fetch naming against the official action', () => {
  it('exports what the official action exports whenever it succeeds', () => {
    fc.assert(
      fc.property(input, lines => {
        const theirs = official(lines)
        // Ours refuses only what it documents: more than one comma, an empty input.
        if (theirs.ok) expect(ours(lines)).toEqual(theirs)
      }),
      { numRuns: 500 }
    )
  })

  it('exports each secret once where the official action fails only on an overlap', () => {
    fc.assert(
      fc.property(input, lines => {
        const theirs = official(lines)
        if (theirs.overlap && !theirs.clash) {
          expect(ours(lines)).toEqual({ ok: true, env: theirs.unique })
        }
      }),
      { numRuns: 500 }
    )
  })

  it('fails whenever two different secrets would give one name', () => {
    fc.assert(
      fc.property(input, lines => {
        if (official(lines).clash) expect(ours(lines)).toEqual({ ok: false })
      }),
      { numRuns: 500 }
    )
  })

  it.each([
    ['app/*\napp/db', { APP_DB: 'app/db', APP_DX: 'app/dx', APP_API: 'app/api' }],
    ['app/*\napp/d*', { APP_DB: 'app/db', APP_DX: 'app/dx', APP_API: 'app/api' }],
    ['bo/*\nbo/a', { BO_A: 'bo/a', BO_B: 'bo/b' }],
    [`app/db\n${arnOf('app/db')}`, { APP_DB: 'app/db' }],
    ['  app/db\napp/db  \n\napp/db', { APP_DB: 'app/db' }],
    ['DB,app/db\nDB, app/db', { DB: 'app/db' }],
    ['DB,app/db\napp/db', { DB: 'app/db', APP_DB: 'app/db' }]
  ])('reads an overlap once: %j', (text, env) => {
    expect(ours(text.split('\n'))).toEqual({ ok: true, env })
  })

  it('still refuses one name from two different secrets', () => {
    expect(ours(['DB,app/db', 'DB,bo/a'])).toEqual({ ok: false })
    expect(official(['DB,app/db', 'DB,bo/a'])).toMatchObject({ ok: false, clash: true })
  })
})

import { describe, expect, it } from '@jest/globals'
import { checkChangedMode } from '../../../src/modes/check-changed.js'
import { parseSecretIds } from '../../../src/secrets/ids.js'
import { defaultCacheKey } from '../../../src/versions/store.js'
import { inputsFrom } from '../../harness/context.js'

const parse = (inputs: Record<string, string>) =>
  checkChangedMode.parse(inputsFrom({ 'secret-ids': 'app/*', ...inputs }))

describe('check-changed inputs', () => {
  it('defaults to the Actions cache, reporting a first run as changed', () => {
    expect(parse({})).toEqual({
      requests: [{ id: 'app/', kind: 'prefix' }],
      store: { kind: 'actions', key: undefined },
      firstRun: 'changed'
    })
    expect(
      parse({ cache: 'file', 'state-file': 's.json', 'first-run': 'unchanged' })
    ).toMatchObject({ store: { kind: 'file', path: 's.json' }, firstRun: 'unchanged' })
  })

  it('accepts a fetch step list with aliases', () => {
    expect(parse({ 'secret-ids': 'DB,prod/db' }).requests).toEqual([
      { id: 'prod/db', alias: 'DB', kind: 'name' }
    ])
  })

  it.each([
    [{ 'secret-ids': '' }, "Input 'secret-ids': is required in check-changed mode"],
    [{ cache: 'redis' }, "Input 'cache': must be one of actions, file, none; got 'redis'"],
    [{ cache: 'file' }, "Input 'state-file': is required with cache: file"],
    [{ 'state-file': 'x.json' }, "Input 'state-file': is only used with cache: file"],
    [{ cache: 'none', 'cache-key': 'k' }, "Input 'cache-key': is only used with cache: actions"],
    [{ 'cache-key': 'a,b' }, "Input 'cache-key': must be 1 to 400 characters without commas"],
    [{ 'first-run': 'maybe' }, "Input 'first-run': must be one of changed, unchanged"]
  ])('refuses %j', (inputs, message) => {
    expect(() => parse(inputs)).toThrow(message)
  })
})

describe('defaultCacheKey', () => {
  const env = { GITHUB_REPOSITORY: 'o/r', GITHUB_WORKFLOW: 'Deploy', GITHUB_JOB: 'check' }

  it('is the same for the same ids in any order, and differs per job and per ids', () => {
    const key = defaultCacheKey(parseSecretIds('aaa/*\nb'), env)
    expect(key).toMatch(/^secrets-manager-action-check-changed-[0-9a-f]{24}$/)
    expect(defaultCacheKey(parseSecretIds('b\naaa/*'), env)).toBe(key)
    expect(defaultCacheKey(parseSecretIds('aaa/*'), env)).not.toBe(key)
    expect(defaultCacheKey(parseSecretIds('aaa/*\nb'), { ...env, GITHUB_JOB: 'other' })).not.toBe(
      key
    )
  })
})

// RFC 9535 conformance: the JSONPath Compliance Test Suite, run through the project's own query
// function. The suite lives next to the project (../shared), never inside it; a clone without it
// skips, saying so. JSONPATH_CTS overrides the path (a git worktree has no ../shared).
import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { isDeepStrictEqual } from 'node:util'
import type { JSONValue } from 'json-p3'
import { compileQuery, QuerySyntaxError } from '../../../src/jsonpath/query.js'

const PROJECT_DIR = fileURLToPath(new URL('../../../', import.meta.url))
const CTS_PATH =
  process.env.JSONPATH_CTS ?? path.resolve(PROJECT_DIR, '../shared/jsonpath-cts/cts.json')

interface CtsCase {
  name: string
  selector: string
  document?: JSONValue
  result?: JSONValue[]
  /** Several acceptable nodelists (object member order is not defined). */
  results?: JSONValue[][]
  invalid_selector?: boolean
}

const present = existsSync(CTS_PATH)
if (!present) {
  console.log(`JSONPath Compliance Test Suite not found at ${CTS_PATH}: conformance tests skipped`)
}
const cases: CtsCase[] = present
  ? (JSON.parse(readFileSync(CTS_PATH, 'utf8')) as { tests: CtsCase[] }).tests
  : []

const suite = present ? describe : describe.skip

suite('JSONPath Compliance Test Suite', () => {
  it('has its cases', () => {
    expect(cases.length).toBeGreaterThan(700)
  })

  const valid = cases.filter(c => !c.invalid_selector)
  const invalid = cases.filter(c => c.invalid_selector)

  it.each(valid.map(c => [c.name, c] as const))('selects: %s', (_, c) => {
    const got = compileQuery(c.selector).select(c.document ?? null)
    const acceptable = c.results ?? [c.result ?? []]
    if (!acceptable.some(expected => isDeepStrictEqual(got, expected))) {
      expect(got).toEqual(acceptable[0])
    }
  })

  it.each(invalid.map(c => [c.name, c] as const))('refuses: %s', (_, c) => {
    expect(() => compileQuery(c.selector)).toThrow(QuerySyntaxError)
  })
})

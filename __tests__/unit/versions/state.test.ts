import { describe, expect, it } from '@jest/globals'
import { CorruptStateError, parseState, serializeState } from '../../../src/versions/state.js'

describe('state document', () => {
  it('round-trips ids and the run, with names sorted for stable files', () => {
    const doc = {
      versionIds: { zeta: 'id-z', alpha: 'id-a', 'no/value': '' },
      run: { id: '42', attempt: 2, baseline: { alpha: 'id-0' } }
    }
    const text = serializeState(doc)
    expect(Object.keys(JSON.parse(text).versionIds)).toEqual(['alpha', 'no/value', 'zeta'])
    expect(text.endsWith('}\n')).toBe(true)
    expect(parseState(text)).toEqual(doc)
    expect(parseState(serializeState({ versionIds: {} }))).toEqual({ versionIds: {} })
  })

  it('keeps names that are also Object.prototype members as plain data', () => {
    const text = '{"schema":1,"versionIds":{"__proto__":"id-p","constructor":"id-c"}}'
    const doc = parseState(text)
    expect(Object.keys(doc.versionIds)).toEqual(['__proto__', 'constructor'])
    expect(Object.getPrototypeOf(doc.versionIds)).toBe(Object.prototype)
    expect(JSON.parse(serializeState(doc)).versionIds).toEqual(JSON.parse(text).versionIds)
  })

  it.each([
    ['truncated JSON', '{"schema":1,"versionIds":{"a":', /not valid JSON/],
    ['an array', '[]', /not a JSON object/],
    ['no schema', '{"versionIds":{}}', /schema/],
    ['a newer schema', '{"schema":2,"versionIds":{}}', /schema is 2/],
    ['ids that are not strings', '{"schema":1,"versionIds":{"a":1}}', /not a version id/],
    ['a long id', `{"schema":1,"versionIds":{"a":"${'x'.repeat(65)}"}}`, /not a version id/],
    ['a control character', '{"schema":1,"versionIds":{"a\\nb":"id"}}', /not a name/],
    ['no versionIds', '{"schema":1}', /versionIds is not an object/],
    ['a bad run', '{"schema":1,"versionIds":{},"run":{"id":"1","attempt":0}}', /attempt/]
  ])('refuses %s as corrupt', (_, text, reason) => {
    expect(() => parseState(text)).toThrow(CorruptStateError)
    expect(() => parseState(text)).toThrow(reason)
  })
})

import { describe, expect, it } from '@jest/globals'
import { parseFields, parseGenerator } from '../../../src/secrets/fields.js'

describe('parseFields', () => {
  it('reads YAML and JSON mappings of values and generators', () => {
    const yaml = parseFields(
      'username:\n  value: app\npassword:\n  generator:\n    passwordLength: 24\n'
    )
    expect(yaml.get('username')).toEqual({ value: 'app' })
    expect(yaml.get('password')).toEqual({ generator: { passwordLength: 24 } })
    const json = parseFields('{"k":{"generator":{"passwordLength":8,"excludePunctuation":true}}}')
    expect(json.get('k')).toEqual({ generator: { passwordLength: 8, excludePunctuation: true } })
  })

  it.each([
    ['a: [1]', /field 'a' must be a mapping/],
    ['a: {value: x, generator: {passwordLength: 5}}', /exactly one of 'value' or 'generator'/],
    ['a: {}', /exactly one of/],
    ['a: {generator: {passwordLength: 0}}', /passwordLength .*1-4096/],
    ['a: {generator: {passwordLength: 4097}}', /1-4096/],
    ['a: {generator: {}}', /passwordLength is required/],
    ['a: {generator: {passwordLength: 9, excludeEmoji: true}}', /unknown option\(s\) excludeEmoji/],
    [
      'a: {generator: {passwordLength: 9, includeSpace: "yes"}}',
      /includeSpace must be true or false/
    ],
    ['a: {value: 5}', /value must be a string/],
    ['a: {value: x, other: 1}', /unknown key\(s\) other/],
    ['- a\n- b', /must be a mapping/],
    ['a: {value: x', /not valid YAML or JSON/],
    ['{}', /names no field/]
  ])('refuses %j', (text, message) => {
    expect(() => parseFields(text)).toThrow(message)
    expect(() => parseFields(text)).toThrow(/^Input 'fields'/)
  })
})

describe('parseGenerator', () => {
  it('names the generator input in its errors', () => {
    expect(parseGenerator('passwordLength: 32')).toEqual({ passwordLength: 32 })
    expect(() => parseGenerator('passwordLength: -1')).toThrow(/^Input 'generator'.*1-4096/)
  })
})

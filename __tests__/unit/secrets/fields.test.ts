import { describe, expect, it, jest } from '@jest/globals'
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
    ['a: {value: "x\\ud800y"}', /field 'a': value holds a lone UTF-16 surrogate/],
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

describe('YAML warnings and masks', () => {
  function captured(run: () => void): { out: string; processWarnings: unknown[] } {
    const writes: string[] = []
    const processWarnings: unknown[] = []
    const onWarning = (warning: unknown) => processWarnings.push(warning)
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
      writes.push(String(chunk))
      return true
    })
    const emit = jest.spyOn(process, 'emitWarning').mockImplementation(onWarning)
    try {
      run()
    } finally {
      write.mockRestore()
      emit.mockRestore()
    }
    return { out: writes.join(''), processWarnings }
  }

  it.each(['!secret', '!vault', '!Ref', '!!binary2'])(
    'masks a value tagged %s before a warning that gives only line and column',
    tag => {
      const value = `Hunter2-Static-Pw${tag.length}`
      const { out, processWarnings } = captured(() => {
        const fields = parseFields(`user:\n  value: app-${tag}\npw:\n  value: ${tag} ${value}\n`)
        expect(fields.get('pw')).toEqual({ value })
      })
      expect(processWarnings).toEqual([])
      const mask = out.indexOf(`::add-mask::${value}`)
      const warning = out.indexOf('::warning::')
      expect(mask).toBeGreaterThanOrEqual(0)
      expect(warning).toBeGreaterThan(mask)
      const warningLine = out.slice(warning).split('\n')[0]
      expect(warningLine).toMatch(/Input 'fields': YAML warning at line 4, column 10/)
      expect(warningLine).not.toContain('Hunter2')
      expect(out).toContain(`::add-mask::app-${tag}`)
    }
  )

  it('reports a YAML error by line and column only, and never prints a process warning', () => {
    const { out, processWarnings } = captured(() => {
      expect(() => parseFields('pw:\n  value: "Hunter2-Static-Pw\n')).toThrow(
        /^Input 'fields': is not valid YAML or JSON: line 3, column 1 \(MISSING_CHAR\)/
      )
      expect(() => parseGenerator('passwordLength: 3\npasswordLength: 4')).toThrow(
        /line 2, column 1 \(DUPLICATE_KEY\)/
      )
    })
    expect(processWarnings).toEqual([])
    expect(out).not.toContain('Hunter2')
  })
})

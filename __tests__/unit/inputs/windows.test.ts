// Inputs as a Windows runner passes them: CRLF line ends in multi-line inputs (a workflow file
// saved on Windows), output-dir with backslashes and drive letters (runner.temp is D:\a\_temp).
import { describe, expect, it } from '@jest/globals'
import { parseEmitConfig } from '../../../src/inputs/common.js'
import { Inputs } from '../../../src/inputs/reader.js'
import { handlers } from '../../../src/modes/index.js'

function inputsOf(values: Record<string, string>): Inputs {
  return new Inputs(name => values[name] ?? '')
}

const LIST_INPUTS: string[][] = [
  ['prod/db'],
  [
    'DB,prod/db',
    'prod/services/*',
    'arn:aws:secretsmanager:us-east-1:123456789012:secret:x-AbCdEf'
  ],
  ['  indented ', '', 'after a blank line', '\ttabbed\t'],
  ['ünïcødé/名前', 'a,b']
]

describe('CRLF in multi-line inputs', () => {
  it.each(LIST_INPUTS)('reads the same lines as with LF, without a stray \\r (%#)', (...lines) => {
    const lf = inputsOf({ list: lines.join('\n') }).lines('list')
    const crlf = inputsOf({ list: `${lines.join('\r\n')}\r\n` }).lines('list')

    expect(crlf).toEqual(lf)
    expect(crlf.join('')).not.toContain('\r')
  })

  it('gives fetch the same secrets with CRLF as with LF', async () => {
    const ids = ['DB,prod/db', 'prod/services/*', 'prod/api-key']
    const fetch = await handlers.fetch()
    const parse = (text: string) => fetch.parse(inputsOf({ 'secret-ids': text }))

    expect(parse(ids.join('\r\n'))).toEqual(parse(ids.join('\n')))
  })
})

describe('output-dir on Windows', () => {
  it.each([
    'D:\\a\\_temp\\secrets',
    'C:/Users/runneradmin/secrets',
    'C:\\path with spaces\\secrets',
    '\\\\server\\share\\secrets',
    'relative\\secrets'
  ])('keeps %s as written for the platform to resolve', dir => {
    const config = parseEmitConfig(inputsOf({ 'output-dir': dir }), 'fetch', {
      exportDefaults: { env: true, outputs: false },
      writesOutputDir: true
    })

    expect(config.outputDir).toBe(dir)
  })
})

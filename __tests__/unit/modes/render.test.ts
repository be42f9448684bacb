import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { renderMode } from '../../../src/modes/render.js'
import { inputsFrom } from '../../harness/context.js'

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'render-parse-'))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

const parse = (inputs: Record<string, string>) =>
  renderMode.parse(inputsFrom({ 'output-file': path.join(dir, 'out.conf'), ...inputs }))
const refusal = (inputs: Record<string, string>) => {
  try {
    parse(inputs)
  } catch (error) {
    return (error as Error).message
  }
  return 'accepted'
}

describe('render inputs', () => {
  it('reads a template-file and collects its secrets, ARNs as region hints', () => {
    const arn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf'
    fs.writeFileSync(
      path.join(dir, 't.tpl'),
      `{{ secret "a" }} {{ secret "${arn}" "x" }} {{ secret "a" }}`
    )
    const config = parse({ 'template-file': path.join(dir, 't.tpl') })
    expect(config.kind).toBe('template')
    expect(renderMode.secretArns(config)).toEqual([arn])
    expect(config.absolute).toBe(path.join(dir, 'out.conf'))
  })

  it('takes format with the fetch inputs', () => {
    const config = parse({
      format: 'DOTENV',
      template: '',
      'secret-ids': 'a\nb_alias,b',
      'parse-json-secrets': 'true',
      'name-transformation': 'lowercase'
    })
    expect(config).toMatchObject({
      kind: 'format',
      format: 'dotenv',
      parseJson: true,
      transformation: 'lowercase'
    })
  })

  it('accepts an existing output-file only with overwrite, and never a directory', () => {
    fs.writeFileSync(path.join(dir, 'out.conf'), 'old')
    expect(refusal({ template: '{{ secret "a" }}' })).toMatch(
      /^Input 'output-file': .*already exists/
    )
    expect(refusal({ template: '{{ secret "a" }}', overwrite: 'true' })).toBe('accepted')
    expect(
      refusal({ 'output-file': dir, template: '{{ secret "a" }}', overwrite: 'true' })
    ).toMatch(/^Input 'output-file': .* is a directory/)
  })

  it.each([
    [{ 'output-file': '' }, /^Input 'output-file': is required in render mode/],
    [{ template: '' }, /^Input 'template': render needs template, template-file, or format/],
    [{ 'template-file': 'x' }, /^Input 'template-file': give template or template-file, not both/],
    [
      { template: '', 'template-file': '/no/such' },
      /^Input 'template-file': '\/no\/such' cannot be read \(ENOENT\)/
    ],
    [{ format: 'json' }, /^Input 'template': give template, template-file or format, not two/],
    [
      { template: '', format: 'ini', 'secret-ids': 'a' },
      /^Input 'format': must be one of dotenv, docker-env, json/
    ],
    [{ template: '', format: 'json' }, /^Input 'secret-ids': is required with format: json/],
    [{ 'secret-ids': 'a' }, /^Input 'secret-ids': is for format/],
    [{ 'export-outputs': 'true' }, /^Input 'export-outputs': /],
    [{ 'keep-file': 'yes' }, /^Input 'keep-file': must be true or false/],
    [{ template: 'no placeholders' }, /^Input 'template': names no secret/],
    [
      { template: '{{ secret "a" | nope }}\n{{ "x" | json | }}' },
      /^Input 'template': line 1, column 17: unknown filter 'nope'.*; line 2, column 15: '\|' needs a filter/
    ]
  ])('refuses %j', (inputs, message) => {
    expect(refusal({ template: '{{ secret "a" }}', ...inputs })).toMatch(message)
  })
})

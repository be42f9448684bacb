// emit's rehearsal (src/output/emit.ts): over generated emissions (hostile and refused names,
// any value, every export setting, output-dir included), it never throws, prints nothing,
// writes nothing (runner files, output-dir), sets no env var and registers no mask.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { Emission, SecretTarget } from '../../../src/output/emission.js'
import { emit, rehearse } from '../../../src/output/emit.js'
import { masker } from '../../../src/output/mask.js'
import { hostileName, propertyOptions, refusedTwin } from '../../harness/hostile.js'
import { anyValue } from '../../harness/properties.js'
import { useStepFiles } from '../../harness/step-files.js'

const FILES = ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'] as const
const step = useStepFiles('rehearse-', FILES)

const name = fc.oneof(hostileName, refusedTwin, fc.constantFrom('A', 'TAKEN', 'Path'))
const target: fc.Arbitrary<SecretTarget> = fc.record(
  {
    name,
    value: anyValue.map(generated => generated.value),
    source: hostileName,
    file: fc.oneof(name, fc.constant('ok.txt')),
    channels: fc.subarray(['env', 'output', 'file'] as const)
  },
  { requiredKeys: ['name', 'value', 'source'] }
)
const emission: fc.Arbitrary<Emission> = fc.record(
  {
    secrets: fc.array(target, { maxLength: 4 }),
    outputs: fc.dictionary(name, fc.string(), { maxKeys: 3 }),
    summary: fc.record({
      heading: hostileName,
      header: fc.array(hostileName, { maxLength: 3 }),
      rows: fc.array(
        fc.array(fc.oneof(hostileName, fc.record({ code: hostileName })), {
          maxLength: 3
        }),
        { maxLength: 3 }
      )
    }),
    plainFiles: fc.array(fc.record({ file: name, text: fc.string() }), { maxLength: 2 })
  },
  { requiredKeys: [] }
)
const exportConfig = fc.record({ env: fc.boolean(), outputs: fc.boolean(), dir: fc.boolean() })

describe('rehearse', () => {
  it('never throws and leaves no trace: no line, file, env var or mask', () => {
    fc.assert(
      fc.property(emission, exportConfig, (made, { env, outputs, dir }) => {
        const outputDir = path.join(step.dir, 'out')
        const before = { ...process.env }
        masker.reset()
        expect(() =>
          rehearse(
            made,
            { env, outputs, outputDir: dir ? outputDir : undefined },
            {
              TAKEN: 'x',
              RUNNER_OS: 'Windows'
            }
          )
        ).not.toThrow()
        expect(step.stdout).toEqual([])
        expect(FILES.map(file => step.read(file))).toEqual(['', '', '', ''])
        expect(fs.existsSync(outputDir)).toBe(false)
        expect(process.env).toEqual(before)
        // Nothing registered: a value is not scrubbed from a message.
        for (const { value } of made.secrets ?? []) {
          if (typeof value === 'string' && value.length >= 4) {
            expect(masker.redact(value)).toBe(value)
          }
        }
      }),
      propertyOptions(150)
    )
  })

  it('runs the same checks as emit: what it is given, emit then writes as usual', async () => {
    const made: Emission = {
      secrets: [{ name: 'DB', value: '{"user":"u1"}', source: 'db' }],
      outputs: { count: '1' },
      summary: { heading: 'Fetched 1 secret', header: ['Secret'], rows: [['db']] }
    }
    const config = { env: true, outputs: false, outputDir: undefined }
    rehearse(made, config, {})
    expect(step.stdout).toEqual([])
    await emit(made, config, {})
    expect(step.read('GITHUB_ENV')).toContain('DB<<')
    expect(step.read('GITHUB_STEP_SUMMARY')).toContain('<h3>Fetched 1 secret</h3>')
    expect(step.stdout.join('')).toContain('::add-mask::u1')
  })
})

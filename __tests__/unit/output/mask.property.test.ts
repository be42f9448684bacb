// Properties of the output layer over generated values (see harness/properties.ts): once a value
// is registered, the runner's replay of the log hides every piece of it wherever it is printed,
// our own scrubbing never throws and never lets a registered value through, and emit delivers
// the value unchanged and masked. Seeded: FC_SEED=<seed> [FC_PATH=<path>] reruns a failure.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import fc from 'fast-check'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { emit } from '../../../src/output/emit.js'
import { parseAwsConfig } from '../../../src/inputs/common.js'
import { Masker, masker, maskForms, withoutUserInfo } from '../../../src/output/mask.js'
import { inputsFrom } from '../../harness/context.js'
import {
  anyValue,
  fcParams,
  laterStepShows,
  printedForms,
  shownPieces,
  smallValue,
  type Generated
} from '../../harness/properties.js'

let stdout: string[]
const saved = { ...process.env }
let dir: string
const FILES = ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'] as const

beforeEach(() => {
  stdout = []
  jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    stdout.push(String(chunk))
    return true
  })
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mask-prop-'))
})

afterEach(() => {
  jest.restoreAllMocks()
  process.env = { ...saved }
  masker.reset()
  fs.rmSync(dir, { recursive: true, force: true })
})

/** Registers the value with a fresh masker (a new job) and returns what it printed. */
function register(generated: Generated): string {
  stdout = []
  new Masker().add(generated.value)
  return stdout.join('')
}

function hiddenWhenPrinted(generated: Generated): void {
  const log = register(generated)
  const forms = printedForms(generated)
  expect(shownPieces(laterStepShows(log, forms), forms)).toEqual([])
}

describe('masking properties', () => {
  it('hides every piece of a small value, its lines and its leaves, once registered', () => {
    fc.assert(fc.property(smallValue, hiddenWhenPrinted), fcParams(4000))
  })

  it('hides every piece of big, deep and wide values too', () => {
    fc.assert(fc.property(anyValue, hiddenWhenPrinted), fcParams(150))
  })

  it('registers true, false and null only where they are a line of the value or a string', () => {
    fc.assert(
      fc.property(smallValue, generated => {
        const literals = ['true', 'false', 'null']
        const lines = new Set(printedForms(generated).flatMap(form => form.split(/\r\n|\n|\r/)))
        const registered = maskForms(generated.value).filter(form => literals.includes(form))
        expect(registered.filter(form => !lines.has(form))).toEqual([])
      }),
      fcParams(1000)
    )
  })

  it('scrubs every registered value of 4+ characters from any text, and never throws', () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 })
    fc.assert(
      fc.property(smallValue, text, text, ({ value }, before, after) => {
        const scrubber = new Masker(() => undefined)
        scrubber.add(value)
        const whole = typeof value === 'string' ? value : Buffer.from(value).toString('base64')
        const scrubbed = scrubber.redact(before + whole + after)
        if (whole.trim() !== '' && whole.length >= 4) expect(scrubbed).not.toContain(whole)
        expect(scrubber.redact(before.replace(/[^*]/g, ''))).toBe(before.replace(/[^*]/g, ''))
      }),
      fcParams(2000)
    )
  })
})

describe('URL properties', () => {
  const secret = fc
    .string({ unit: 'binary', minLength: 4, maxLength: 30 })
    .filter(t => t.trim().length >= 4)

  it('shows nothing before the last @ of a URL, with or without a scheme', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('http://', 'https://', 'http//', 'http:/', ''),
        secret,
        fc.webAuthority(),
        (scheme, userInfo, host) => {
          const shown = withoutUserInfo(`${scheme}${userInfo}@${host}`)
          expect(shown.endsWith(`@${host}`)).toBe(true)
          if (!host.includes(userInfo)) expect(shown).not.toContain(userInfo)
        }
      ),
      fcParams(1000)
    )
  })

  it('never echoes an http-proxy or endpoint-url input in its error', () => {
    fc.assert(
      fc.property(fc.constantFrom('http-proxy', 'endpoint-url'), secret, (input, text) => {
        let message = ''
        try {
          parseAwsConfig(inputsFrom({ [input]: `http//u:${text}@proxy:3128` }))
        } catch (error) {
          message = (error as Error).message
        }
        expect(message).toMatch(new RegExp(`^Input '${input}'`))
        expect(message).not.toContain(text.trim())
      }),
      fcParams(500)
    )
  })
})

describe('emit properties', () => {
  const read = (name: (typeof FILES)[number]) =>
    fs.readFileSync(path.join(dir, name), 'utf8').replace(/\r?\n/g, '\n')

  it('delivers each value unchanged to env, output and file, masked before it is written', async () => {
    await fc.assert(
      fc.asyncProperty(smallValue, async generated => {
        masker.reset()
        stdout = []
        for (const name of FILES) {
          process.env[name] = path.join(dir, name)
          fs.writeFileSync(process.env[name] as string, '')
        }
        const outputDir = fs.mkdtempSync(path.join(dir, 'out-'))
        await emit(
          { secrets: [{ name: 'VALUE', value: generated.value, source: 'prop', file: 'value' }] },
          { env: true, outputs: true, outputDir },
          {}
        )
        const written = fs.readFileSync(path.join(outputDir, 'value'))
        expect(Buffer.compare(written, Buffer.from(generated.value))).toBe(0)
        delete process.env.VALUE
        const log = stdout.join('')
        const forms = printedForms(generated)
        expect(shownPieces(laterStepShows(log, forms), forms)).toEqual([])
        expect(read('GITHUB_STEP_SUMMARY')).toBe('')
      }),
      fcParams(1000)
    )
  })
})

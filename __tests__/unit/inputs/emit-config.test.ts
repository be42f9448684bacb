import { describe, expect, it } from '@jest/globals'
import { parseEmitConfig } from '../../../src/inputs/common.js'
import { handlers } from '../../../src/modes/index.js'
import { inputsFrom } from '../../harness/context.js'

describe('output-dir', () => {
  it('is taken by fetch, lookup-jsonpath and check-changed, and refused by every other mode', async () => {
    const taking: string[] = []
    for (const [mode, load] of Object.entries(handlers)) {
      const handler = await load()
      const parse = () => parseEmitConfig(inputsFrom({ 'output-dir': 'out' }), mode, handler)
      if (handler.writesOutputDir) {
        expect(parse().outputDir).toBe('out')
        taking.push(mode)
      } else {
        expect(parse).toThrow(`Input 'output-dir': is not used by mode ${mode}`)
      }
    }
    expect(taking.sort()).toEqual(['check-changed', 'fetch', 'lookup-jsonpath'])
  })

  it('takes each mode its own export defaults', async () => {
    const config = parseEmitConfig(inputsFrom({}), 'fetch', await handlers.fetch())
    expect(config).toEqual({ env: true, outputs: false, outputDir: undefined })
  })
})

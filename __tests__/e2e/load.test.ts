// Load through the bundled action: 1000 secrets with every 4th call throttled still give exactly
// the right results. (Calls and wall time are reported by `npm run bench`, not asserted here.)
import { beforeEach, describe, expect } from '@jest/globals'
import { PutSecretValueCommand } from '@aws-sdk/client-secrets-manager'
import * as path from 'node:path'
import { useMoto } from '../harness/jest-moto.js'
import { seedSecrets } from '../harness/moto.js'
import { caseName, caseTest } from '../harness/modes.js'
import { startProxy, type FaultFn, type TestProxy } from '../harness/proxy.js'
import { runStep, tempDir } from '../harness/runner.js'

const moto = useMoto()
const COUNT = 1000
const everyFourth: FaultFn = ({ total }) => (total % 4 === 0 ? { kind: 'throttle' } : undefined)
const name = (i: number) => `load/s${i}`
const value = (i: number) => `load-value-${i}-${'x'.repeat(i % 7)}`

beforeEach(async () => {
  await seedSecrets(
    moto.client,
    Array.from({ length: COUNT }, (_, i) => ({ name: name(i), value: value(i) }))
  )
}, 120_000)

async function throttled<T>(run: (proxy: TestProxy) => Promise<T>): Promise<T> {
  const proxy = await startProxy({ target: moto.endpoint, fault: everyFourth })
  try {
    return await run(proxy)
  } finally {
    await proxy.stop()
  }
}

describe('load: 1000 secrets, every 4th call throttled', () => {
  caseTest({ mode: 'fetch' })(caseName({ mode: 'fetch' }, 'fetches every value right'), () =>
    throttled(async proxy => {
      const step = await runStep({
        inputs: { 'endpoint-url': proxy.endpoint, 'secret-ids': 'load/*', 'max-attempts': '5' },
        timeoutMs: 120_000
      })
      expect(step.errors).toEqual([])
      expect(step.outputs.count).toBe(String(COUNT))
      const expected = Object.fromEntries(
        Array.from({ length: COUNT }, (_, i) => [`LOAD_S${i}`, value(i)])
      )
      expect(step.env).toEqual(expected)
      // The faults really happened: a quarter of the calls were answered with a throttle.
      expect(proxy.total()).toBeGreaterThan(60)
    })
  )

  caseTest({ mode: 'check-changed' })(
    caseName({ mode: 'check-changed' }, 'reports exactly the one secret that changed'),
    () =>
      throttled(async proxy => {
        const stateFile = path.join(tempDir('sma-state-'), 'versions.json')
        const check = () =>
          runStep({
            inputs: {
              mode: 'check-changed',
              'endpoint-url': proxy.endpoint,
              'secret-ids': 'load/*',
              cache: 'file',
              'state-file': stateFile,
              'max-attempts': '5'
            },
            timeoutMs: 120_000
          })
        const first = await check()
        expect(first.errors).toEqual([])
        expect(Object.keys(JSON.parse(first.outputs['version-ids']))).toHaveLength(COUNT)

        await moto.client.send(
          new PutSecretValueCommand({ SecretId: name(7), SecretString: 'load-changed' })
        )
        const second = await check()
        expect(second.errors).toEqual([])
        expect(second.outputs.changed).toBe('true')
        expect(JSON.parse(second.outputs['changed-secrets'])).toEqual([name(7)])

        const third = await check()
        expect(third.outputs.changed).toBe('false')
      })
  )
})

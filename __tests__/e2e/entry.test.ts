// One bundled entry for both steps: the post step is told apart by the state its main step saved.
import { describe, expect, it } from '@jest/globals'
import { useMoto } from '../harness/jest-moto.js'
import { seedSecrets } from '../harness/moto.js'
import { readActionMeta, runPostOf, runStep } from '../harness/runner.js'

const moto = useMoto()

describe('the entry of main and post, bundled', () => {
  it('is one file for both steps', () => {
    const { main, post } = readActionMeta().runs
    expect(main).toBe('dist/index.js')
    expect(post).toBe(main)
  })

  it('runs the post step, not the main step again, where the main step ran', async () => {
    await seedSecrets(moto.client, [{ name: 'entry/db', value: 'entry-value-1' }])
    const inputs = { 'endpoint-url': moto.endpoint, 'secret-ids': 'entry/db' }
    const main = await runStep({ inputs })
    expect(main.exitCode).toBe(0)
    expect(main.state.isPost).toBe('true')
    expect(main.outputs.count).toBe('1')

    const post = await runPostOf(main, { inputs })
    expect(post.exitCode).toBe(0)
    expect(post.outputs).toEqual({})
    expect(post.state).toEqual({})
    expect(post.env.ENTRY_DB).toBe('')
  })

  it('runs the main step when the state holds no isPost', async () => {
    await seedSecrets(moto.client, [{ name: 'entry/db', value: 'entry-value-1' }])
    const inputs = { 'endpoint-url': moto.endpoint, 'secret-ids': 'entry/db' }
    const { isPost, ...state } = (await runStep({ inputs })).state
    expect(isPost).toBe('true')
    const again = await runStep({ inputs, entry: 'post', state, fromMain: true })
    expect(again.exitCode).toBe(0)
    expect(again.outputs.count).toBe('1')
  })
})

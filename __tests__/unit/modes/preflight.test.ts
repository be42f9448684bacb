import { describe, expect, it } from '@jest/globals'
import { parseEmitConfig } from '../../../src/inputs/common.js'
import { handlers } from '../../../src/modes/index.js'
import type { ModeHandler } from '../../../src/modes/types.js'
import { preflight } from '../../../src/output/emit.js'
import { inputsFrom } from '../../harness/context.js'

/** What main does before any AWS call: the mode's planned targets against emit's rules. */
async function check(
  mode: string,
  values: Record<string, string>,
  env: NodeJS.ProcessEnv = {}
): Promise<void> {
  const handler: ModeHandler<unknown> = await handlers[mode]()
  const inputs = inputsFrom(values)
  const config = handler.parse(inputs)
  const planned = handler.plannedTargets?.(config) ?? {}
  preflight(planned, parseEmitConfig(inputs, 'test', handler), env)
}

const push = (fields: string, more: Record<string, string> = {}) => ({
  'secret-id': 'app/db',
  fields,
  ...more
})
const rotate = (more: Record<string, string>) => ({
  'secret-id': 'app/db',
  'rotation-strategy': 'in-workflow',
  phase: 'create',
  ...more
})

describe('preflight: every refusal emit would make, before the first write', () => {
  it.each([
    [
      'push-generated',
      push('user: {value: x}', { 'export-env': 'true' }),
      { USER: 'runner' },
      /^Nothing was written: env var 'USER' from secret 'app\/db' is already set/
    ],
    [
      'push-generated',
      push('path: {value: x}', { 'export-env': 'true' }),
      {},
      /refused env var 'PATH' from secret 'app\/db': reserved/
    ],
    [
      'push-generated',
      push('a-b: {value: x}\na_b: {value: y}', { 'export-env': 'true' }),
      {},
      /env var 'A_B' would be set twice/
    ],
    [
      'push-generated',
      push('name: {value: x}', { 'export-outputs': 'true' }),
      {},
      /output 'name' would be set twice/
    ],
    [
      'push-generated',
      push('"a b": {value: x}', { 'export-outputs': 'true' }),
      {},
      /output name 'a b' from secret 'app\/db' is not valid/
    ],
    [
      'rotate',
      rotate({ generator: 'passwordLength: 20', 'export-env': 'true' }),
      { PENDING_VALUE: 'set' },
      /env var 'PENDING_VALUE' .* is already set/
    ],
    [
      'rotate',
      rotate({ fields: 'user: {generator: {passwordLength: 9}}', 'export-env': 'true' }),
      { PENDING_USER: 'x' },
      /env var 'PENDING_USER' .* is already set/
    ]
  ])('%s %j with env %j is refused', async (mode, values, env, message) => {
    await expect(check(mode, values, env)).rejects.toThrow(message)
  })

  it.each([
    ['push-generated', push('user: {value: x}'), { USER: 'runner' }],
    ['push-generated', push('user: {value: x}', { 'export-outputs': 'true' }), { USER: 'r' }],
    ['rotate', rotate({ generator: 'passwordLength: 20' }), { PENDING_VALUE: 'set' }],
    [
      'rotate',
      {
        'secret-id': 'a',
        'rotation-strategy': 'in-workflow',
        phase: 'all',
        fields: 'user: {value: x}',
        'export-env': 'true'
      },
      { PENDING_USER: 'x' }
    ],
    ['put', { 'secret-id': 'a', 'secret-string': 'v', 'export-env': 'true' }, { USER: 'r' }]
  ])('%s %j with env %j passes: nothing it emits is refused', async (mode, values, env) => {
    await expect(check(mode, values, env)).resolves.toBeUndefined()
  })
})

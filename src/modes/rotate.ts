import { InputError } from '../errors.js'
import type { Inputs } from '../inputs/reader.js'
import { parseSecretIds } from '../secrets/ids.js'
import {
  cancelUnfinished,
  parseInWorkflow,
  rotateInWorkflow,
  type InWorkflowRotation
} from '../rotation/in-workflow.js'
import { parseLambda, rotateWithLambda, type LambdaRotation } from '../rotation/lambda.js'
import type { ModeHandler } from './types.js'

export type RotateConfig = LambdaRotation | InWorkflowRotation

const STRATEGIES = ['lambda', 'in-workflow'] as const

/** One secret by name or ARN: no alias, no wildcard. */
export function parseSecretId(inputs: Inputs, why: string): string {
  const requests = parseSecretIds(inputs.required('secret-id', why), 'secret-id')
  const [request] = requests
  if (requests.length !== 1 || request.kind === 'prefix' || request.alias !== undefined) {
    throw new InputError('secret-id', 'must name one secret (a name or an ARN)')
  }
  return request.id
}

export const rotateMode: ModeHandler<RotateConfig> = {
  exportDefaults: { env: false, outputs: false },

  parse(inputs) {
    const secretId = parseSecretId(inputs, 'in rotate mode')
    const strategy = inputs.oneOf('rotation-strategy', STRATEGIES, 'lambda')
    const common = { secretId, clearStalePending: inputs.bool('clear-stale-pending', false) }
    if (strategy === 'in-workflow') return parseInWorkflow(inputs, common)
    const phase = inputs.string('phase')
    if (phase !== '' && phase !== 'all') {
      throw new InputError('phase', 'is for rotation-strategy: in-workflow')
    }
    return parseLambda(inputs, common)
  },

  secretArns: config => (config.secretId.startsWith('arn:') ? [config.secretId] : []),

  run(config, { client, env }) {
    return config.strategy === 'lambda'
      ? rotateWithLambda(config, client, env)
      : rotateInWorkflow(config, client, env)
  },

  post: cancelUnfinished
}

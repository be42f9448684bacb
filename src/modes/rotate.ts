import { InputError } from '../errors.js'
import { parseSecretId } from '../secrets/ids.js'
import {
  parseInWorkflow,
  plannedInWorkflow,
  rotateInWorkflow,
  type InWorkflowRotation
} from '../rotation/in-workflow.js'
import { parseLambda, rotateWithLambda, type LambdaRotation } from '../rotation/lambda.js'
import { parseDryRun, parseRestoreIfDeleted } from '../secrets/lifecycle.js'
import type { ModeHandler } from './types.js'

export type RotateConfig = LambdaRotation | InWorkflowRotation

const STRATEGIES = ['lambda', 'in-workflow'] as const

export const rotateMode: ModeHandler<RotateConfig> = {
  exportDefaults: { env: false, outputs: false },

  parse(inputs) {
    const secretId = parseSecretId(inputs, 'rotate')
    const strategy = inputs.oneOf('rotation-strategy', STRATEGIES, 'lambda')
    const common = {
      secretId,
      clearStalePending: inputs.bool('clear-stale-pending', false),
      restoreIfDeleted: parseRestoreIfDeleted(inputs),
      dryRun: parseDryRun(inputs)
    }
    if (strategy === 'in-workflow') return parseInWorkflow(inputs, common)
    const phase = inputs.string('phase')
    if (phase !== '' && phase !== 'all') {
      throw new InputError('phase', 'is for rotation-strategy: in-workflow')
    }
    return parseLambda(inputs, common)
  },

  secretArns: config => (config.secretId.startsWith('arn:') ? [config.secretId] : []),

  plannedTargets: config => (config.strategy === 'in-workflow' ? plannedInWorkflow(config) : {}),

  run(config, { clients, env }) {
    const client = clients.forSecret(config.secretId)
    return config.strategy === 'lambda'
      ? rotateWithLambda(config, client, env)
      : rotateInWorkflow(config, client, env)
  }
}

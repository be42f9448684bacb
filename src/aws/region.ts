import { ActionError } from '../errors.js'
import { regionFromArn } from './arn.js'

/** Input first, then the region of a secret ARN, then the environment. */
export function resolveRegion(
  input: string | undefined,
  arns: readonly string[],
  env: NodeJS.ProcessEnv
): string {
  const fromArn = arns.map(regionFromArn).find(region => region !== undefined)
  const region = input || fromArn || env.AWS_REGION || env.AWS_DEFAULT_REGION
  if (!region) {
    throw new ActionError(
      "No AWS region: set the 'aws-region' input, use a secret ARN, or set AWS_REGION " +
        '(aws-actions/configure-aws-credentials sets it).'
    )
  }
  return region
}

import { ActionError } from '../errors.js'
import { regionFromArn } from './arn.js'

/** What an AWS region name looks like: eu-west-1, us-gov-west-1, cn-north-1. */
export const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/

export const NO_REGION =
  "No AWS region: set the 'aws-region' input, use a secret ARN, or set AWS_REGION " +
  '(aws-actions/configure-aws-credentials sets it).'

/** The region of names (secrets given without an ARN): the input, then the environment. */
export function defaultRegion(
  input: string | undefined,
  env: NodeJS.ProcessEnv
): string | undefined {
  return input || env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined
}

/** The step's home region (STS, the post step): the input, then a secret ARN's, then the environment. */
export function resolveRegion(
  input: string | undefined,
  arns: readonly string[],
  env: NodeJS.ProcessEnv
): string {
  const fromArn = arns.map(regionFromArn).find(region => region !== undefined)
  const region = input || fromArn || defaultRegion(undefined, env)
  if (!region) throw new ActionError(NO_REGION)
  return region
}

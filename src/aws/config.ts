/** How to reach AWS, as the inputs give it (parsed in src/inputs/common.ts). */
export interface AwsConfig {
  /** From the aws-region input; the ARN of a secret and the environment come later. */
  region?: string
  endpoint?: string
  maxAttempts: number
  proxy?: string
  /** The auto-select-family-attempt-timeout input, in milliseconds. */
  autoSelectFamilyAttemptTimeoutMs?: number
  role?: RoleConfig
}

export interface RoleConfig {
  arn: string
  audience: string
  sessionName?: string
  durationSeconds: number
  externalId?: string
  chaining: boolean
}

import type { RoleConfig } from './config.js'
import { partitionOfArn } from './arn.js'
import {
  awsFailure,
  CHAIN_HINT,
  CREDENTIALS_CHAIN_FAILED,
  CREDENTIALS_TIMEOUT,
  isAccessDenied,
  isThrottled,
  NETWORK_CODES
} from './errors.js'

const GITHUB_ISSUER = 'token.actions.githubusercontent.com'

export interface AssumeAttempt {
  role: RoleConfig
  /** The `sub` claim of the OIDC token, when it could be read. */
  subject?: string
  env: NodeJS.ProcessEnv
}

/** Explains a failed role assumption: which role, how, and what to change. Never a credential. */
export function describeAssumeError(error: unknown, attempt: AssumeAttempt): string {
  const { role } = attempt
  const failure = awsFailure(error)
  const how = role.chaining
    ? 'sts:AssumeRole with the credentials already present (role-chaining)'
    : 'sts:AssumeRoleWithWebIdentity with GitHub OIDC'
  const head = `Could not assume role ${role.arn} (${how})`
  if (isAccessDenied(error) || /IDPRejectedClaim/.test(failure.name)) {
    return `${head}: access denied. ${role.chaining ? chainingHint(role) : oidcHint(attempt)}`
  }
  if (/InvalidIdentityToken/.test(failure.name)) {
    return (
      `${head}: STS rejected the token. Account ${accountOf(role.arn)} needs the IAM OIDC ` +
      `identity provider https://${GITHUB_ISSUER} with the audience '${role.audience}'.`
    )
  }
  if (isThrottled(error)) {
    return `${head}: throttled by STS after all retries; raise max-attempts or re-run the job.`
  }
  if (failure.name === CREDENTIALS_TIMEOUT || failure.name === CREDENTIALS_CHAIN_FAILED) {
    const why = failure.message.charAt(0).toLowerCase() + failure.message.slice(1)
    return `${head}: no credentials to chain from (${why}): ${CHAIN_HINT}`
  }
  if (failure.name === 'CredentialsProviderError' || /credential/i.test(failure.name)) {
    return (
      `${head}: no credentials are present to chain from. Run ` +
      `aws-actions/configure-aws-credentials first, or set role-chaining to false to use OIDC.`
    )
  }
  const code = (error as { code?: string })?.code
  if (code && NETWORK_CODES.includes(code)) {
    return (
      `${head}: could not reach STS (${code}). Check AWS_ENDPOINT_URL_STS, endpoint-url, ` +
      `http-proxy and the network.`
    )
  }
  if (/DurationSeconds|session limit/i.test(failure.message)) {
    return (
      `${head}: role-duration-seconds (${role.durationSeconds}) exceeds what the role allows: ` +
      `its maximum session duration, and 1 hour for a chained role.`
    )
  }
  const status = failure.status ? `, HTTP ${failure.status}` : ''
  return `${head}: ${failure.name}${status}: ${failure.message}`
}

function oidcHint({ role, subject, env }: AssumeAttempt): string {
  const sub = subject
    ? `this run's token has sub '${subject}'`
    : `e.g. 'repo:${env.GITHUB_REPOSITORY ?? '<owner>/<repo>'}:ref:${env.GITHUB_REF ?? '<ref>'}'`
  return (
    `The role's trust policy must allow sts:AssumeRoleWithWebIdentity for the federated ` +
    `principal arn:${partitionOfArn(role.arn)}:iam::${accountOf(role.arn)}:oidc-provider/${GITHUB_ISSUER}, with the ` +
    `condition ${GITHUB_ISSUER}:aud = '${role.audience}' and a ${GITHUB_ISSUER}:sub condition ` +
    `that matches this workflow (${sub}).`
  )
}

function chainingHint(role: RoleConfig): string {
  const externalId = role.externalId
    ? ', with an sts:ExternalId condition equal to role-external-id'
    : ''
  return (
    `The credentials already present need sts:AssumeRole on this role, and the role's trust ` +
    `policy must trust their principal${externalId}.`
  )
}

function accountOf(roleArn: string): string {
  return roleArn.split(':')[4] ?? '<account>'
}

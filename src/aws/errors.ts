/** What we know about a failed AWS call, for a message a user can act on. */
export interface AwsFailure {
  name: string
  status?: number
  message: string
}

export function awsFailure(error: unknown): AwsFailure {
  const err = error as {
    name?: string
    message?: string
    code?: string
    $metadata?: { httpStatusCode?: number }
  }
  return {
    name: err?.name ?? err?.code ?? 'Error',
    status: err?.$metadata?.httpStatusCode,
    message: String(err?.message ?? error)
  }
}

export const NETWORK_CODES = [
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN'
]

export function isNotFound(error: unknown): boolean {
  const { name, status } = awsFailure(error)
  return (
    name === 'ResourceNotFoundException' || (status === 404 && name !== 'AccessDeniedException')
  )
}

export function isAccessDenied(error: unknown): boolean {
  const { name, status } = awsFailure(error)
  // moto answers denials as XML, which the JSON client reports as a SyntaxError with status 403.
  return /AccessDenied|UnauthorizedOperation|NotAuthorized/.test(name) || status === 403
}

export function isThrottled(error: unknown): boolean {
  const { name, status } = awsFailure(error)
  return /Throttl|TooManyRequests|RequestLimitExceeded/.test(name) || status === 429
}

/**
 * Explains a failed call: what happened to which secret, and what to do.
 * AWS error messages carry names and ARNs, never secret values.
 */
export function describeAwsError(error: unknown, operation: string, secret?: string): string {
  const failure = awsFailure(error)
  const target = secret ? ` for '${secret}'` : ''
  if (isAccessDenied(error)) {
    return (
      `Access denied to secretsmanager:${operation}${target}: the credentials need ` +
      `the permission secretsmanager:${operation} on this secret (and kms:Decrypt on its key ` +
      `for reads).`
    )
  }
  if (isNotFound(error)) {
    return `Secret${target ? ` '${secret}'` : ''} not found (${operation}): check the name or ARN and the region.`
  }
  if (isThrottled(error)) {
    return `Throttled by Secrets Manager${target} (${operation}) after all retries: raise max-attempts or read fewer secrets at once.`
  }
  if (failure.name === 'InvalidRequestException' && /delet/i.test(failure.message)) {
    return `Secret${target ? ` '${secret}'` : ''} is scheduled for deletion (${operation}): restore it first.`
  }
  if (failure.name === 'DecryptionFailure') {
    return `Could not decrypt${target}: the credentials need kms:Decrypt on the secret's KMS key.`
  }
  if (failure.name === 'CredentialsProviderError' || /credential/i.test(failure.name)) {
    return (
      `No usable AWS credentials (${operation}): use role-to-assume, or run ` +
      `aws-actions/configure-aws-credentials before this step.`
    )
  }
  const code = (error as { code?: string })?.code
  if (code && NETWORK_CODES.includes(code)) {
    return `Could not reach Secrets Manager (${operation}${target}): ${code}. Check endpoint-url, http-proxy and the network.`
  }
  const status = failure.status ? `, HTTP ${failure.status}` : ''
  return `${operation}${target} failed: ${failure.name}${status}: ${failure.message}`
}

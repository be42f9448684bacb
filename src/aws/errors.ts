import { ActionError } from '../errors.js'

/** The name of the error of a default credential chain past its deadline. */
export const CREDENTIALS_TIMEOUT = 'CredentialsTimeout'
/** The name of the error of a default credential chain that failed on its way (STS, a file). */
export const CREDENTIALS_CHAIN_FAILED = 'CredentialsChainFailed'

/** What to look at when the default chain times out or fails on its way. */
export const CHAIN_HINT =
  "check AWS_CONTAINER_CREDENTIALS_FULL_URI or _RELATIVE_URI and the profile's role_arn, " +
  'source_profile, credential_process or web identity token, or use role-to-assume or ' +
  'aws-actions/configure-aws-credentials.'

/** What we know about a failed AWS call, for a message a user can act on. */
export interface AwsFailure {
  name: string
  status?: number
  /** Every answer from AWS has one (x-amzn-RequestId); an answer from a proxy has none. */
  requestId?: string
  message: string
}

export function awsFailure(error: unknown): AwsFailure {
  const err = error as {
    name?: string
    message?: string
    code?: string
    $metadata?: { httpStatusCode?: number; requestId?: string }
  }
  return {
    name: err?.name ?? err?.code ?? 'Error',
    status: err?.$metadata?.httpStatusCode,
    requestId: err?.$metadata?.requestId,
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
const DNS_CODES = ['ENOTFOUND', 'EAI_AGAIN']

/**
 * A response that is not the service's JSON: an HTML error page, a proxy's answer, a mangled
 * body. The parser's message quotes the body around the fault, and a body may hold secret
 * values that were never registered as masks: such a message is never shown.
 */
export function isUnreadableResponse(error: unknown): boolean {
  const err = error as { name?: string; message?: unknown } | undefined
  if (err === null || typeof err !== 'object') return false
  return (
    err.name === 'SyntaxError' ||
    '$responseBodyText' in err ||
    /Deserialization error/.test(String(err.message))
  )
}

/** No answer within the request timeout (the handler's or the connection's). */
export function isTimeout(error: unknown): boolean {
  const err = error as { name?: string; code?: string } | undefined
  if (err?.code === 'ETIMEDOUT') return true
  return err?.name === 'TimeoutError' && !NETWORK_CODES.includes(err.code ?? '')
}

export function isNotFound(error: unknown): boolean {
  const { name, status } = awsFailure(error)
  return (
    name === 'ResourceNotFoundException' || (status === 404 && name !== 'AccessDeniedException')
  )
}

const DENIED = /AccessDenied|UnauthorizedOperation|NotAuthorized/

export function isAccessDenied(error: unknown): boolean {
  const { name, status, requestId } = awsFailure(error)
  // moto answers denials as XML, which the JSON client reports as a SyntaxError with status 403.
  return DENIED.test(name) || (status === 403 && requestId !== undefined)
}

/**
 * A 403 that carries no AWS request id did not come from AWS (every AWS answer, and moto's,
 * has one): a proxy or firewall on the way refused the request.
 */
function isRefusedOnTheWay(error: unknown): boolean {
  const { name, status, requestId } = awsFailure(error)
  return status === 403 && requestId === undefined && !DENIED.test(name)
}

export function isThrottled(error: unknown): boolean {
  const { name, status } = awsFailure(error)
  return /Throttl|TooManyRequests|RequestLimitExceeded/.test(name) || status === 429
}

/** Actions that cannot be limited to one secret's ARN (their policy Resource is "*"). */
const UNSCOPED = ['GetRandomPassword', 'ListSecrets', 'BatchGetSecretValue']
const READS = ['GetSecretValue', 'BatchGetSecretValue']
const WRITES = ['PutSecretValue', 'CreateSecret']

function permissionHint(operation: string): string {
  const where = UNSCOPED.includes(operation) ? ' (Resource "*")' : ' on this secret'
  const kms = READS.includes(operation)
    ? ' and kms:Decrypt on its KMS key if it is a customer managed key'
    : WRITES.includes(operation)
      ? ' and kms:GenerateDataKey on its KMS key if it is a customer managed key'
      : ''
  return `the credentials need secretsmanager:${operation}${where}${kms}.`
}

/**
 * Explains a failed call: what happened to which secret, and what to do.
 * AWS error messages carry names and ARNs, never secret values.
 */
export function describeAwsError(error: unknown, operation: string, secret?: string): string {
  if (error instanceof ActionError) return error.message
  const failure = awsFailure(error)
  const target = secret ? ` for '${secret}'` : ''
  if (isRefusedOnTheWay(error)) {
    return (
      `HTTP 403 without an AWS request id for secretsmanager:${operation}${target}: a proxy or ` +
      'firewall between the runner and AWS refused the request. Check http-proxy, HTTPS_PROXY ' +
      'and NO_PROXY (and endpoint-url).'
    )
  }
  if (isAccessDenied(error)) {
    return `Access denied to secretsmanager:${operation}${target}: ${permissionHint(operation)}`
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
  if (failure.name === CREDENTIALS_TIMEOUT) {
    return `${failure.message} (${operation}): ${CHAIN_HINT}`
  }
  if (failure.name === CREDENTIALS_CHAIN_FAILED) {
    return `No usable AWS credentials (${operation}): ${failure.message}: ${CHAIN_HINT}`
  }
  if (failure.name === 'CredentialsProviderError' || /credential/i.test(failure.name)) {
    return (
      `No usable AWS credentials (${operation}): use role-to-assume, or run ` +
      `aws-actions/configure-aws-credentials before this step.`
    )
  }
  if (isTimeout(error)) {
    return (
      `No answer from Secrets Manager within the request timeout (${operation}${target}) ` +
      `after ${attemptsOf(error)}: check endpoint-url, http-proxy and the network, or raise ` +
      `max-attempts.`
    )
  }
  const { code, hostname } = error as { code?: string; hostname?: string }
  if (code && NETWORK_CODES.includes(code)) {
    const host = hostname ? ` at ${hostname}` : ''
    const check = DNS_CODES.includes(code)
      ? 'Check aws-region (an unknown region has no endpoint), endpoint-url and the network.'
      : 'Check endpoint-url, http-proxy and the network.'
    return `Could not reach Secrets Manager${host} (${operation}${target}): ${code}. ${check}`
  }
  const status = failure.status ? ` HTTP ${failure.status}` : ''
  if (isUnreadableResponse(error)) {
    return (
      `${operation}${target} failed: the endpoint answered${status} with something that is not a ` +
      `Secrets Manager response (not shown: it may hold secret values). Check aws-region, ` +
      `endpoint-url and http-proxy.`
    )
  }
  return `${operation}${target} failed: ${failure.name}${status && `,${status}`}: ${failure.message}`
}

function attemptsOf(error: unknown): string {
  const attempts = (error as { $metadata?: { attempts?: number } })?.$metadata?.attempts
  return attempts ? `${attempts} attempt${attempts === 1 ? '' : 's'}` : 'all attempts'
}

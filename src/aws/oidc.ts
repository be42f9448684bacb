import * as core from '../actions-core.js'
import { ActionError } from '../errors.js'
import { masker } from '../output/mask.js'

const PERMISSION_HINT =
  'The job needs `permissions: id-token: write` (set it on the workflow or the job; a job that ' +
  'sets any permissions must list it too). Without it, use role-chaining with credentials ' +
  'already present.'

/** A GitHub OIDC token for the audience, from the runner's token endpoint; masked at once. */
export async function requestIdToken(audience: string, env: NodeJS.ProcessEnv): Promise<string> {
  if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    throw new ActionError(`Cannot request a GitHub OIDC token: ${PERMISSION_HINT}`)
  }
  let token: string
  try {
    // core.getIDToken registers the token with the runner (setSecret) before returning it.
    token = await core.getIDToken(audience)
  } catch (error) {
    throw new ActionError(tokenFailure(error, audience))
  }
  masker.add(token)
  return token
}

/** The endpoint's answer is summed up by its status; its body is not ours to print. */
function tokenFailure(error: unknown, audience: string): string {
  const message = String((error as { message?: string })?.message ?? error)
  if (/ACTIONS_ID_TOKEN_REQUEST/.test(message)) {
    return `Cannot request a GitHub OIDC token: ${PERMISSION_HINT}`
  }
  const status = /Error Code\s*:\s*(\d{3})/.exec(message)?.[1]
  const base = `GitHub's OIDC token endpoint refused a token for audience '${audience}'`
  if (status === '401' || status === '403') return `${base} (HTTP ${status}). ${PERMISSION_HINT}`
  if (status) return `${base} (HTTP ${status}): a GitHub-side failure; re-run the job.`
  if (/ID Token field/.test(message)) return `${base}: its answer held no token; re-run the job.`
  return (
    `Could not reach GitHub's OIDC token endpoint for audience '${audience}' ` +
    `(${oneLine(masker.redact(message))}); re-run the job.`
  )
}

/** The cause's message on one line, control characters shown as spaces, at most 300 characters. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  const line = text.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim()
  return line.length > 300 ? `${line.slice(0, 300)}...` : line
}

/** The `sub` claim of a JWT (not a secret: it names the repository and ref), if it has one. */
export function tokenSubject(token: string): string | undefined {
  const payload = token.split('.')[1]
  if (!payload) return undefined
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
    const sub = (claims as { sub?: unknown })?.sub
    return typeof sub === 'string' ? sub : undefined
  } catch {
    return undefined
  }
}

import { createHash } from 'node:crypto'

/**
 * A ClientRequestToken that is the same for every retry and re-run of one step attempt on one
 * secret, so a write that reached AWS but whose answer was lost is not written twice.
 * GITHUB_ACTION names the step within the job; the purpose tells writes of one step apart.
 */
export function deriveRequestToken(
  env: NodeJS.ProcessEnv,
  secretId: string,
  purpose: string
): string {
  const parts = [
    env.GITHUB_REPOSITORY,
    env.GITHUB_RUN_ID,
    env.GITHUB_RUN_ATTEMPT,
    env.GITHUB_JOB,
    env.GITHUB_ACTION,
    secretId,
    purpose
  ]
  if (!env.GITHUB_RUN_ID) parts.push(String(Date.now()), String(Math.random()))
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 64)
}

import * as core from './actions-core.js'
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { failureMessage } from './failure.js'
import { Inputs, readActionInput, type ReadInput } from './inputs/reader.js'
import { postHooks } from './modes/post-hooks.js'
import { refusedEnvNameReason } from './output/env-refused.js'
import { log } from './output/log.js'
import { STATE_ENV, STATE_FILES, STATE_MODE, STATE_REGION } from './state.js'

/**
 * The post step: runs at the end of the job, also when it failed. Removes the files the main
 * step wrote, blanks the env vars it exported, then runs the mode's own post hook.
 */
export async function runPost(read: ReadInput = readActionInput, env = process.env): Promise<void> {
  try {
    removeFiles(stateList(STATE_FILES, ownFile(new Inputs(read))))
    blankEnv(stateList(STATE_ENV, exportable))
    const mode = core.getState(STATE_MODE)
    if (Object.hasOwn(postHooks, mode)) {
      const hook = await postHooks[mode]()
      await hook({ client: () => postClient(read, env), state: name => core.getState(name), env })
    }
  } catch (error) {
    // A failed clean-up must be seen, but must not fail a job whose work is done.
    log.warning(`Post step: ${failureMessage(error)}`)
  }
}

/**
 * A list the main step saved. The state can also come from elsewhere (a job's `env:` holding
 * `STATE_sma-env`, when the main step failed before saving), so only entries of the form the
 * main step writes are used; the others are named in a warning and left alone.
 */
function stateList(name: string, usable: (entry: string) => boolean): string[] {
  const text = core.getState(name)
  if (!text) return []
  const entries = jsonArray(text)
  const kept = (entries ?? []).filter(
    (entry): entry is string => typeof entry === 'string' && usable(entry)
  )
  if (entries === undefined || kept.length < entries.length) {
    log.warning(
      `Post step: left ${entries ? `${entries.length - kept.length} entry(ies) of ` : ''}` +
        `the state '${name}' alone: not what the main step saves there`
    )
  }
  return kept
}

function jsonArray(text: string): unknown[] | undefined {
  try {
    const parsed: unknown = JSON.parse(text)
    return Array.isArray(parsed) ? parsed : undefined
  } catch {
    return undefined
  }
}

/** Each file on its own: one that cannot be removed must not keep the env blanking from running. */
function removeFiles(files: string[]): void {
  let removed = 0
  for (const file of files) {
    try {
      fs.rmSync(file, { force: true })
      removed++
    } catch (error) {
      log.warning(
        `Post step: could not remove a secret file (${(error as NodeJS.ErrnoException).code ?? 'error'})`
      )
    }
  }
  if (removed > 0) log.info(`Removed ${removed} secret file(s)`)
}

/** Env vars cannot be unset through GITHUB_ENV; an empty value is the closest. */
function blankEnv(names: string[]): void {
  for (const name of names) core.exportVariable(name, '')
  if (names.length > 0) log.info(`Blanked ${names.length} exported env var(s)`)
}

/**
 * The main step writes files only into output-dir and to output-file (render), and saves their
 * absolute paths: no other path is removed, whatever the state says.
 */
function ownFile(inputs: Inputs): (file: string) => boolean {
  const dir = inputs.optional('output-dir')
  const file = inputs.optional('output-file')
  const dirPath = dir === undefined ? undefined : path.resolve(dir)
  const filePath = file === undefined ? undefined : path.resolve(file)
  return candidate =>
    path.isAbsolute(candidate) &&
    path.normalize(candidate) === candidate &&
    !['.', '..'].includes(path.basename(candidate)) &&
    (path.dirname(candidate) === dirPath || candidate === filePath)
}

/** The main step exports only the names emit allows. */
function exportable(name: string): boolean {
  return refusedEnvNameReason(name) === undefined
}

/** Loaded only for a hook that calls AWS: a post step with nothing to undo skips the SDK. */
async function postClient(read: ReadInput, env: NodeJS.ProcessEnv): Promise<SecretsManagerClient> {
  const [
    { clientSettings, createSecretsManagerClient },
    { resolveCredentials },
    { parseAwsConfig }
  ] = await Promise.all([
    import('./aws/client.js'),
    import('./aws/credentials.js'),
    import('./inputs/common.js')
  ])
  const aws = parseAwsConfig(new Inputs(read))
  // The main step resolved the region, possibly from a secret ARN the post step cannot see.
  const region = core.getState(STATE_REGION) || aws.region
  const settings = clientSettings({ ...aws, region }, [], env)
  settings.credentials = await resolveCredentials(aws.role, settings, env)
  return createSecretsManagerClient(settings)
}

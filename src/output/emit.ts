import * as core from '../actions-core.js'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { ActionError } from '../errors.js'
import type { Channel, Emission, EmitConfig, SecretTarget } from './emission.js'
import { refusedEnvNameReason } from './env-names.js'
import { masker, type SecretData } from './mask.js'
import { writeSummary } from './summary.js'

export const STATE_FILES = 'sma-files'
export const STATE_ENV = 'sma-env'

const OUTPUT_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/
const FILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/

/** Where a run delivered each secret, for the summary. */
export type Deliveries = Map<string, string[]>

/**
 * The one place values leave the process: mask everything, refuse anything unsafe before
 * writing anything, then write files, outputs, env vars, post-step state and the summary.
 */
export async function emit(
  emission: Emission,
  config: EmitConfig,
  env: NodeJS.ProcessEnv = process.env
): Promise<void> {
  const secrets = emission.secrets ?? []
  for (const target of secrets) masker.add(target.value)

  const plan = planTargets(secrets, config, emission.outputs ?? {}, env)
  const files = writeFiles(plan.files, config.outputDir)

  for (const [name, value] of Object.entries(emission.outputs ?? {})) core.setOutput(name, value)
  for (const target of plan.outputs) core.setOutput(target.name, asText(target.value))
  for (const target of plan.env) core.exportVariable(target.name, asText(target.value))

  core.saveState(STATE_FILES, JSON.stringify(files))
  core.saveState(STATE_ENV, JSON.stringify(plan.env.map(target => target.name)))
  for (const [name, value] of Object.entries(emission.state ?? {})) core.saveState(name, value)

  if (emission.summary) await writeSummary(emission.summary, masker)
}

interface Plan {
  env: SecretTarget[]
  outputs: SecretTarget[]
  files: SecretTarget[]
}

function planTargets(
  secrets: SecretTarget[],
  config: EmitConfig,
  plainOutputs: Record<string, string>,
  env: NodeJS.ProcessEnv
): Plan {
  const plan: Plan = {
    env: config.env ? secrets.filter(target => goesTo(target, 'env')) : [],
    outputs: secrets.filter(target => (config.outputs ? goesTo(target, 'output') : forced(target))),
    files: config.outputDir ? secrets.filter(t => t.file !== undefined && goesTo(t, 'file')) : []
  }
  const problems = [
    ...envProblems(plan.env, env),
    ...outputProblems(plan.outputs, plainOutputs),
    ...fileProblems(plan.files)
  ]
  if (problems.length > 0) {
    throw new ActionError(`Nothing was exported: ${problems.join('; ')}`)
  }
  return plan
}

function goesTo(target: SecretTarget, channel: Channel): boolean {
  return target.channels === undefined || target.channels.includes(channel)
}

/** A target whose only channel is 'output' is an output whatever export-outputs says. */
function forced(target: SecretTarget): boolean {
  return target.channels?.length === 1 && target.channels[0] === 'output'
}

function envProblems(targets: SecretTarget[], env: NodeJS.ProcessEnv): string[] {
  const seen = new Map<string, string>()
  const problems: string[] = []
  for (const { name, source } of targets) {
    const reason = refusedEnvNameReason(name)
    if (reason) {
      problems.push(`refused env var '${printable(name)}' from secret '${source}': ${reason}`)
    } else if (seen.has(name)) {
      problems.push(
        `env var '${name}' would be set twice (secrets '${seen.get(name)}' and '${source}')`
      )
    } else if (env[name] !== undefined) {
      problems.push(
        `env var '${name}' from secret '${source}' is already set; refusing to overwrite it`
      )
    }
    seen.set(name, source)
  }
  return problems
}

function outputProblems(targets: SecretTarget[], plainOutputs: Record<string, string>): string[] {
  const seen = new Set(Object.keys(plainOutputs))
  const problems: string[] = []
  for (const { name, source } of targets) {
    if (!OUTPUT_NAME.test(name)) {
      problems.push(`output name '${printable(name)}' from secret '${source}' is not valid`)
    } else if (seen.has(name)) {
      problems.push(`output '${name}' would be set twice (secret '${source}')`)
    }
    seen.add(name)
  }
  return problems
}

function fileProblems(targets: SecretTarget[]): string[] {
  const seen = new Set<string>()
  const problems: string[] = []
  for (const { file, source } of targets) {
    const name = file ?? ''
    if (!FILE_NAME.test(name) || name.includes('..')) {
      problems.push(`file name '${printable(name)}' from secret '${source}' is not safe`)
    } else if (seen.has(name)) {
      problems.push(`file '${name}' would be written twice (secret '${source}')`)
    }
    seen.add(name)
  }
  return problems
}

/** Names come from secret names and JSON keys: show control characters, never raw. */
function printable(name: string): string {
  return JSON.stringify(name).slice(1, -1)
}

function writeFiles(targets: SecretTarget[], outputDir: string | undefined): string[] {
  if (!outputDir || targets.length === 0) return []
  const dir = path.resolve(outputDir)
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new ActionError(
      `Nothing was exported: output-dir '${outputDir}' is not a directory that can be created (${code})`
    )
  }
  const written: string[] = []
  try {
    for (const target of targets) {
      const file = path.join(dir, target.file as string)
      fs.writeFileSync(file, toBytes(target.value), { mode: 0o600, flag: 'wx' })
      written.push(file)
    }
  } catch (error) {
    written.forEach(file => fs.rmSync(file, { force: true }))
    const code = (error as NodeJS.ErrnoException).code
    throw new ActionError(
      code === 'EEXIST'
        ? `Nothing was exported: a file to write already exists in output-dir '${outputDir}'`
        : `Nothing was exported: could not write into output-dir '${outputDir}' (${code})`
    )
  }
  return written
}

function toBytes(value: SecretData): Uint8Array {
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : value
}

/** Env vars and outputs are text: binary values go as base64. */
export function asText(value: SecretData): string {
  return typeof value === 'string' ? value : Buffer.from(value).toString('base64')
}

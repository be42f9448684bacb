import * as core from '../actions-core.js'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { ActionError } from '../errors.js'
import type {
  Channel,
  Emission,
  EmitConfig,
  FileWrite,
  PlainFile,
  SecretTarget
} from './emission.js'
import { envNameKey, envPlatform, refusedEnvNameReason } from './env-refused.js'
import { logName } from './escape.js'
import { masker, scratchMasker, type SecretData } from './mask.js'
import { outputNameKey, outputNameProblem } from './output-names.js'
import { summaryText, writeSummary } from './summary.js'
import { hasLoneSurrogate } from './utf8.js'
import { STATE_ENV, STATE_FILES } from '../state.js'

/** Names Windows keeps for devices, with any extension: writing `NUL` or `COM1` opens one. */
const WINDOWS_DEVICE = /^(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³]|CONIN\$|CONOUT\$)(\..*)?$/i
const FILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/
/** A file name's limit on Linux, macOS and Windows (FILE_NAME is ASCII: bytes are characters). */
const FILE_NAME_MAX = 255

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
  for (const target of secrets) masker.addEmitted(target.value)

  const plan = planTargets(
    secrets,
    config,
    emission.outputs ?? {},
    env,
    'Nothing was exported',
    emission.plainFiles ?? []
  )
  const placed = placeFiles(emission.files ?? [])
  const files = [...placed, ...orRemove(placed, () => writeFiles(plan.files, config.outputDir))]
  // A runner file that cannot be written (GITHUB_ENV, GITHUB_STATE): no secret file stays.
  orRemove(files, () => writeCommands(emission, plan, files))

  if (emission.summary) writeSummary(emission.summary, masker)
}

/**
 * Runs emit's checks and the summary's rendering over a mode's rehearsal (a made-up answer),
 * writing nothing and registering nothing with the runner: done while the first request is out,
 * it leaves the answer's path compiled (about 2 ms of a 1-secret fetch, see the README). Never
 * throws: a rehearsal that fails only leaves the code cold.
 */
export function rehearse(
  emission: Emission,
  config: EmitConfig,
  env: NodeJS.ProcessEnv = process.env
): void {
  try {
    const scratch = scratchMasker()
    const secrets = emission.secrets ?? []
    for (const target of secrets) scratch.addEmitted(target.value)
    planTargets(secrets, config, emission.outputs ?? {}, env, '', emission.plainFiles ?? [])
    if (emission.summary) summaryText(emission.summary, scratch)
  } catch {
    // A made-up name may be refused (an env var already set): the code ran all the same.
  }
}

/** Outputs, env vars and the post step's state, through the runner's files. */
function writeCommands(emission: Emission, plan: Plan, files: string[]): void {
  for (const [name, value] of Object.entries(emission.outputs ?? {})) core.setOutput(name, value)
  for (const target of plan.outputs) core.setOutput(target.name, asText(target.value))
  for (const target of plan.env) core.exportVariable(target.name, asText(target.value))

  core.saveState(STATE_FILES, JSON.stringify(files))
  core.saveState(STATE_ENV, JSON.stringify(plan.env.map(target => target.name)))
  for (const [name, value] of Object.entries(emission.state ?? {})) core.saveState(name, value)
}

/**
 * The same refusals before a mode writes to AWS: the names of what it will emit are known from
 * its config (values are not), and a refusal after the write would fail a step that wrote.
 */
export function preflight(
  planned: Emission,
  config: EmitConfig,
  env: NodeJS.ProcessEnv = process.env
): void {
  planTargets(planned.secrets ?? [], config, planned.outputs ?? {}, env, 'Nothing was written')
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
  env: NodeJS.ProcessEnv,
  lead: string,
  plainFiles: PlainFile[] = []
): Plan {
  // Plain files are not secrets: they are written like secret files, but never masked.
  const plain = plainFiles.map(({ file, text }) => ({
    name: file,
    file,
    value: text,
    source: file
  }))
  const plan: Plan = {
    env: config.env ? secrets.filter(target => goesTo(target, 'env')) : [],
    outputs: secrets.filter(target => (config.outputs ? goesTo(target, 'output') : forced(target))),
    files: config.outputDir
      ? [...secrets.filter(t => t.file !== undefined && goesTo(t, 'file')), ...plain]
      : []
  }
  const problems = [
    ...envProblems(plan.env, env),
    ...outputProblems(plan.outputs, plainOutputs),
    ...fileProblems(plan.files),
    ...textProblems([...plan.env, ...plan.outputs, ...plan.files])
  ]
  if (problems.length > 0) {
    throw new ActionError(`${lead}: ${problems.join('; ')}`)
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
  // On Windows `Path` and `PATH` are one variable: compare names as the platform does.
  const platform = envPlatform(env)
  const key = (name: string) => envNameKey(name, platform)
  const set = new Set(
    Object.keys(env)
      .filter(name => env[name] !== undefined)
      .map(key)
  )
  const seen = new Map<string, { name: string; source: string }>()
  const problems: string[] = []
  for (const { name, source } of targets) {
    const reason = refusedEnvNameReason(name, platform)
    const first = seen.get(key(name))
    if (reason) {
      problems.push(
        `refused env var '${logName(name)}' from secret '${logName(source)}': ${reason}`
      )
    } else if (first) {
      const also = first.name === name ? '' : ` and as '${first.name}' (names ignore case here)`
      problems.push(
        `env var '${name}' would be set twice${also} ` +
          `(secrets '${logName(first.source)}' and '${logName(source)}')`
      )
    } else if (set.has(key(name))) {
      problems.push(
        `env var '${name}' from secret '${logName(source)}' is already set; refusing to overwrite it`
      )
    }
    if (!first) seen.set(key(name), { name, source })
  }
  return problems
}

/**
 * Output names, the mode's own included, must differ in more than letter case: expressions
 * ignore case, so `Key` would hide `key` (as lookup-jsonpath's query names already are).
 */
function outputProblems(targets: SecretTarget[], plainOutputs: Record<string, string>): string[] {
  const seen = new Map(Object.keys(plainOutputs).map(name => [outputNameKey(name), name]))
  const problems: string[] = []
  for (const { name, source } of targets) {
    const first = seen.get(outputNameKey(name))
    const problem = outputNameProblem(name)
    if (problem) {
      problems.push(`output name '${logName(name)}' from secret '${logName(source)}' ${problem}`)
    } else if (first !== undefined) {
      const also = first === name ? '' : ` (as '${first}': expressions ignore letter case)`
      problems.push(`output '${name}' would be set twice${also} (secret '${logName(source)}')`)
    }
    if (first === undefined) seen.set(outputNameKey(name), name)
  }
  return problems
}

function fileProblems(targets: SecretTarget[]): string[] {
  const seen = new Set<string>()
  const problems: string[] = []
  for (const { file, source } of targets) {
    const name = file ?? ''
    if (!FILE_NAME.test(name) || name.includes('..') || WINDOWS_DEVICE.test(name)) {
      problems.push(`file name '${logName(name)}' from secret '${logName(source)}' is not safe`)
    } else if (name.length > FILE_NAME_MAX) {
      problems.push(
        `file name from secret '${logName(source)}' is ${name.length} characters long: ` +
          `file systems take at most ${FILE_NAME_MAX} (give the secret a shorter alias)`
      )
    } else if (seen.has(name)) {
      problems.push(`file '${name}' would be written twice (secret '${logName(source)}')`)
    }
    seen.add(name)
  }
  return problems
}

/** Env vars, outputs and files are UTF-8: a value without a UTF-8 form is refused, not changed. */
function textProblems(targets: SecretTarget[]): string[] {
  const broken = targets.filter(t => typeof t.value === 'string' && hasLoneSurrogate(t.value))
  return [...new Set(broken.map(target => target.source))].map(
    source =>
      `a value of secret '${logName(source)}' holds a lone UTF-16 surrogate, which no UTF-8 ` +
      'file can hold (GITHUB_ENV, GITHUB_OUTPUT, output-dir)'
  )
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
    removeAll(written)
    const code = (error as NodeJS.ErrnoException).code
    throw new ActionError(
      code === 'EEXIST'
        ? `Nothing was exported: a file to write already exists in output-dir '${outputDir}'`
        : `Nothing was exported: could not write into output-dir '${outputDir}' (${code})`
    )
  }
  return written
}

/** Runs `write`; if it throws, removes `files` (those written before it) and throws on. */
function orRemove<T>(files: string[], write: () => T): T {
  try {
    return write()
  } catch (error) {
    removeAll(files)
    throw error
  }
}

function removeAll(files: string[]): void {
  files.forEach(file => fs.rmSync(file, { force: true }))
}

/** Writes each FileWrite, or none of them; returns the files the post step is to remove. */
function placeFiles(writes: FileWrite[]): string[] {
  const written: string[] = []
  for (const write of writes) {
    try {
      placeFile(write)
    } catch (error) {
      removeAll(written)
      const code = (error as NodeJS.ErrnoException).code
      throw new ActionError(
        // mkdir fails with EEXIST too, when a parent is a file.
        code === 'EEXIST' && fs.existsSync(write.path)
          ? `Nothing was written: '${write.path}' already exists; refusing to replace it`
          : `Nothing was written: could not write '${write.path}' (${code ?? 'error'})`
      )
    }
    written.push(write.path)
  }
  return written.filter(file => !writes.find(write => write.path === file)?.keep)
}

/** Mode 0600 either way: a new file is created so, a replacement is a new file renamed over. */
function placeFile(write: FileWrite): void {
  fs.mkdirSync(path.dirname(write.path), { recursive: true, mode: 0o700 })
  const bytes = toBytes(write.content)
  if (!write.overwrite) {
    try {
      fs.writeFileSync(write.path, bytes, { mode: 0o600, flag: 'wx' })
    } catch (error) {
      // Never remove what was there: only a file this call created.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') fs.rmSync(write.path, { force: true })
      throw error
    }
    return
  }
  const temp = path.join(
    path.dirname(write.path),
    `.${path.basename(write.path)}.${process.pid}.${Date.now()}.tmp`
  )
  try {
    fs.writeFileSync(temp, bytes, { mode: 0o600, flag: 'wx' })
    fs.renameSync(temp, write.path)
  } finally {
    fs.rmSync(temp, { force: true })
  }
}

function toBytes(value: SecretData): Uint8Array {
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : value
}

/** Env vars and outputs are text: binary values go as base64. */
export function asText(value: SecretData): string {
  return typeof value === 'string' ? value : Buffer.from(value).toString('base64')
}

// Runs the BUNDLED action the way the GitHub runner does (see shared RUNNER.md).
// No jest imports here: scripts/*.ts import this file through tsx.
import { spawn, spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'

export const PROJECT_DIR = fileURLToPath(new URL('../../', import.meta.url))
export const NODE_BIN = path.join(PROJECT_DIR, 'node_modules', '.bin', 'node')

export interface StepOptions {
  inputs?: Record<string, string>
  /** Overrides the runner-like env; `null` removes a variable, `undefined` leaves the default. */
  env?: Record<string, string | null | undefined>
  entry?: 'main' | 'post'
  /** Post step: values saved by main, passed as STATE_<name>. */
  state?: Record<string, string>
  workspace?: string
  runnerTemp?: string
  distDir?: string
  timeoutMs?: number
  /** Post step: `state` is what a main step saved (set by runPostOf). */
  fromMain?: boolean
}

export interface StepResult {
  exitCode: number
  stdout: string
  stderr: string
  /** stdout then stderr */
  log: string
  outputs: Record<string, string>
  env: Record<string, string>
  state: Record<string, string>
  path: string[]
  summary: string
  errors: string[]
  warnings: string[]
  masks: string[]
  workspace: string
  runnerTemp: string
  durationMs: number
}

// ---------- action.yml ----------

interface ActionMeta {
  inputs: Record<string, { default?: unknown }>
  runs: { main: string; post?: string }
}

let actionMeta: ActionMeta | undefined

export function readActionMeta(): ActionMeta {
  actionMeta ??= parseYaml(readFileSync(path.join(PROJECT_DIR, 'action.yml'), 'utf8')) as ActionMeta
  return actionMeta
}

export function inputVarName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** INPUT_* for every declared input: defaults, then the given values. Unknown names throw. */
export function inputEnv(inputs: Record<string, string> = {}): Record<string, string> {
  const declared = readActionMeta().inputs ?? {}
  for (const name of Object.keys(inputs)) {
    if (!(name in declared))
      throw new Error(`runStep: input '${name}' is not declared in action.yml`)
  }
  const env: Record<string, string> = {}
  for (const [name, spec] of Object.entries(declared)) {
    env[inputVarName(name)] = inputs[name] ?? String(spec?.default ?? '')
  }
  return env
}

function entryFile(entry: 'main' | 'post', distDir: string): string {
  const rel = readActionMeta().runs[entry]
  if (!rel) throw new Error(`runStep: action.yml has no runs.${entry}`)
  const file = rel.startsWith('dist/')
    ? path.join(distDir, rel.slice('dist/'.length))
    : path.join(PROJECT_DIR, rel)
  if (!existsSync(file)) throw new Error(`runStep: ${file} not found: run 'npm run bundle' first`)
  return file
}

// ---------- process ----------

let nodeChecked = false

function checkNode(): void {
  if (nodeChecked) return
  const res = spawnSync(NODE_BIN, ['--version'], { encoding: 'utf8' })
  if (res.status !== 0 || !res.stdout.startsWith('v24.')) {
    throw new Error(
      `runStep: ${NODE_BIN} must be Node 24 (got ${res.stdout || res.error}): run npm ci`
    )
  }
  nodeChecked = true
}

const tempDirs: string[] = []

/** Removes the temp dirs made so far (kept when SMA_KEEP_TEMP is set). */
export function removeTempDirs(): void {
  if (process.env.SMA_KEEP_TEMP) return
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true })
}
// Works for scripts; under jest the sandbox's process never sees 'exit': see jest-moto.ts.
process.once('exit', removeTempDirs)

/** A private temp dir, removed by removeTempDirs() or when the process exits. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix))
  tempDirs.push(dir)
  return dir
}

const FILE_COMMANDS = {
  GITHUB_OUTPUT: 'set_output',
  GITHUB_ENV: 'set_env',
  GITHUB_STATE: 'save_state',
  GITHUB_PATH: 'add_path',
  GITHUB_STEP_SUMMARY: 'step_summary'
} as const

type FileCommandVar = keyof typeof FILE_COMMANDS

function fileCommandFiles(runnerTemp: string): Record<FileCommandVar, string> {
  const dir = path.join(runnerTemp, '_runner_file_commands')
  mkdirSync(dir, { recursive: true })
  const id = randomUUID()
  const files = {} as Record<FileCommandVar, string>
  for (const [name, prefix] of Object.entries(FILE_COMMANDS)) {
    const file = path.join(dir, `${prefix}_${id}`)
    writeFileSync(file, '')
    files[name as FileCommandVar] = file
  }
  return files
}

export function runnerEnv(workspace: string, runnerTemp: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? os.homedir(),
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
    GITHUB_WORKSPACE: workspace,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'test',
    GITHUB_ACTION: '__self',
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_WORKFLOW: 'CI',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_REGION: 'us-east-1',
    // No EC2 metadata lookups (slow timeouts) when a test removes the credentials.
    AWS_EC2_METADATA_DISABLED: 'true'
  }
}

function applyOverrides(
  env: Record<string, string>,
  overrides: Record<string, string | null | undefined> = {}
): Record<string, string> {
  const out = { ...env }
  for (const [name, value] of Object.entries(overrides)) {
    if (value === null) delete out[name]
    else if (value !== undefined) out[name] = value
  }
  return out
}

function stateEnv(state: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]))
}

/**
 * The state a post step is given. When main and post are one file, the entry tells them apart
 * by the `isPost` state its main step saves: a post step run without a main step (a test
 * handing it state of its own) gets it too. The state of a main step that ran is passed as is.
 */
function postState(opts: StepOptions): Record<string, string> | undefined {
  const { main, post } = readActionMeta().runs
  if (main !== post || opts.fromMain) return opts.state
  return { isPost: 'true', ...opts.state }
}

interface Exit {
  exitCode: number
  stdout: string
  stderr: string
}

function runNode(file: string, cwd: string, env: Record<string, string>, timeoutMs: number) {
  return new Promise<Exit>((resolve, reject) => {
    const child = spawn(NODE_BIN, [file], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (b: Buffer) => out.push(b))
    child.stderr.on('data', (b: Buffer) => err.push(b))
    const text = (bufs: Buffer[]) => Buffer.concat(bufs).toString('utf8')
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      const log = (text(out) + text(err)).slice(-3000)
      reject(new Error(`runStep: ${file} still running after ${timeoutMs} ms. Log tail:\n${log}`))
    }, timeoutMs)
    child.once('error', reject)
    child.once('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ exitCode: code ?? (signal ? 128 : 1), stdout: text(out), stderr: text(err) })
    })
  })
}

// ---------- steps ----------

/** The bundle the steps run: SMA_DIST_DIR, else the project's dist/. */
export function distDir(): string {
  return process.env.SMA_DIST_DIR ?? path.join(PROJECT_DIR, 'dist')
}

export async function runStep(opts: StepOptions = {}): Promise<StepResult> {
  checkNode()
  const entry = opts.entry ?? 'main'
  const file = entryFile(entry, opts.distDir ?? distDir())
  const workspace = opts.workspace ?? tempDir('sma-ws-')
  const runnerTemp = opts.runnerTemp ?? tempDir('sma-rt-')
  const files = fileCommandFiles(runnerTemp)
  const env = applyOverrides(
    {
      ...runnerEnv(workspace, runnerTemp),
      ...files,
      ...inputEnv(opts.inputs),
      ...(entry === 'post' ? stateEnv(postState(opts)) : {})
    },
    opts.env
  )
  const started = Date.now()
  const exit = await runNode(file, workspace, env, opts.timeoutMs ?? 60_000)
  const durationMs = Date.now() - started
  return { ...exit, ...readResults(exit, files), workspace, runnerTemp, durationMs }
}

function readResults(exit: Exit, files: Record<FileCommandVar, string>) {
  const read = (name: FileCommandVar) => readFileSync(files[name], 'utf8')
  const log = exit.stdout + exit.stderr
  const commands = parseWorkflowCommands(log)
  const pick = (cmd: string) => commands.filter(c => c.command === cmd).map(c => c.data)
  return {
    log,
    outputs: parseFileCommands(read('GITHUB_OUTPUT')),
    env: parseFileCommands(read('GITHUB_ENV')),
    state: parseFileCommands(read('GITHUB_STATE')),
    path: read('GITHUB_PATH').split('\n').filter(Boolean),
    summary: read('GITHUB_STEP_SUMMARY'),
    errors: pick('error'),
    warnings: pick('warning'),
    masks: pick('add-mask')
  }
}

/** main, then post (as post-if: always()) with main's state, same workspace and RUNNER_TEMP. */
export async function runAction(
  opts: Omit<StepOptions, 'entry' | 'state' | 'fromMain'> = {}
): Promise<{ main: StepResult; post: StepResult }> {
  const main = await runStep({ ...opts, entry: 'main' })
  return { main, post: await runPostOf(main, opts) }
}

/** The post step of a main step that ran: its state, its workspace and RUNNER_TEMP. */
export function runPostOf(
  main: StepResult,
  opts: Omit<StepOptions, 'entry' | 'state' | 'workspace' | 'runnerTemp' | 'fromMain'> = {}
): Promise<StepResult> {
  return runStep({
    ...opts,
    entry: 'post',
    state: main.state,
    fromMain: true,
    workspace: main.workspace,
    runnerTemp: main.runnerTemp
  })
}

// ---------- parsing ----------

/** A GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE file: `name=value` and `name<<DELIM` heredocs. */
export function parseFileCommands(text: string): Record<string, string> {
  const result: Record<string, string> = {}
  const lines = text.split('\n').map(line => line.replace(/\r$/, ''))
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (line === '') continue
    const eq = line.indexOf('=')
    const heredoc = line.indexOf('<<')
    if (eq >= 0 && (heredoc < 0 || eq < heredoc)) {
      result[checkName(line.slice(0, eq), line)] = line.slice(eq + 1)
      continue
    }
    if (heredoc < 0) throw new Error(`file command: invalid line '${line}'`)
    const name = checkName(line.slice(0, heredoc), line)
    const delimiter = line.slice(heredoc + 2)
    const end = lines.indexOf(delimiter, i + 1)
    if (delimiter === '' || end < 0)
      throw new Error(`file command: no delimiter '${delimiter}' for '${name}'`)
    result[name] = lines.slice(i + 1, end).join('\n')
    i = end
  }
  return result
}

function checkName(name: string, line: string): string {
  if (name.trim() === '') throw new Error(`file command: empty name in '${line}'`)
  return name
}

export interface WorkflowCommand {
  command: string
  properties: Record<string, string>
  data: string
}

/** `::command k=v,k2=v2::data` lines of a log, with data and properties unescaped. */
export function parseWorkflowCommands(log: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = []
  for (const line of log.split('\n')) {
    const m = /^::([A-Za-z][\w-]*)(?: ([^:]*))?::(.*)$/s.exec(line.replace(/\r$/, ''))
    if (m) commands.push({ command: m[1], properties: parseProps(m[2]), data: unescapeData(m[3]) })
  }
  return commands
}

function parseProps(text: string | undefined): Record<string, string> {
  const props: Record<string, string> = {}
  for (const pair of (text ?? '').split(',')) {
    const eq = pair.indexOf('=')
    if (eq > 0) props[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1))
  }
  return props
}

export function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

export function unescapeProperty(s: string): string {
  return s
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%')
}

// ---------- masking ----------

/** The log as the runner shows it: each value is masked only in lines after its ::add-mask::. */
export function runnerMaskedLog(stdout: string): string {
  const secrets: string[] = []
  const shown = stdout.split('\n').map(line => {
    // 's': U+2028 and U+2029 end a line for a JS regex, not for the runner.
    const m = /^::add-mask::(.*)$/s.exec(line.replace(/\r$/, ''))
    if (m) {
      const value = unescapeData(m[1])
      if (value.trim() !== '') addSecret(secrets, value)
      return '::add-mask::***'
    }
    return maskLine(line, secrets)
  })
  return shown.join('\n')
}

function addSecret(secrets: string[], value: string): void {
  // The runner masks line by line: a mask with a line break in it matches nothing.
  if (/[\r\n]/.test(value)) return
  if (!secrets.includes(value)) secrets.push(value)
  secrets.sort((a, b) => b.length - a.length)
}

/** The masks a log registers, longest first, as the runner keeps them. */
export function registeredMasks(stdout: string): string[] {
  const secrets: string[] = []
  for (const line of stdout.split('\n')) {
    const m = /^::add-mask::(.*)$/s.exec(line.replace(/\r$/, ''))
    if (m && unescapeData(m[1]).trim() !== '') addSecret(secrets, unescapeData(m[1]))
  }
  return secrets
}

export function maskLine(line: string, secrets: string[]): string {
  return secrets.reduce((text, secret) => text.split(secret).join('***'), line)
}

/**
 * Each secret that shows in clear in the runner's view of the log. For a multi-line secret,
 * each of its lines that shows (lines of under 4 characters once trimmed are skipped: too
 * common in any log to mean anything).
 */
export function findLeaks(stdout: string, secrets: string[]): string[] {
  const shown = runnerMaskedLog(stdout)
  const leaks: string[] = []
  for (const secret of secrets) {
    for (const piece of secretPieces(secret)) {
      if (shown.includes(piece) && !leaks.includes(piece)) leaks.push(piece)
    }
  }
  return leaks
}

function secretPieces(secret: string): string[] {
  if (!/[\r\n]/.test(secret)) return secret === '' ? [] : [secret]
  return secret
    .split(/\r?\n/)
    .map(line => line.trim())
    .filter(line => line.length >= 4)
}

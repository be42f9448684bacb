// The set-up of a fresh clone, run before every npm script that needs it (pretest, predemo, ...):
// `npm ci` when node_modules is missing or older than package-lock.json, and with --moto a
// moto server for the tests and the demo. Plain Node without dependencies: it runs before
// node_modules exists. A second run finds everything in place and prints nothing.
import { spawnSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const MOTO_REQUIREMENT = 'moto[server]==5.2.1'
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/**
 * Whether `npm ci` must run: node_modules is missing, or package-lock.json changed after the
 * last install (npm rewrites node_modules/.package-lock.json on every install).
 * @param {{ installedAt: number | undefined, lockChangedAt: number }} times mtimes in ms
 */
export function needsInstall({ installedAt, lockChangedAt }) {
  return installedAt === undefined || installedAt < lockChangedAt
}

/** Where `python -m venv` puts moto_server in the project's .venv. */
export function venvMotoServer(root, platform = process.platform) {
  return platform === 'win32'
    ? path.join(root, '.venv', 'Scripts', 'moto_server.exe')
    : path.join(root, '.venv', 'bin', 'moto_server')
}

function venvPython(root, platform = process.platform) {
  return platform === 'win32'
    ? path.join(root, '.venv', 'Scripts', 'python.exe')
    : path.join(root, '.venv', 'bin', 'python')
}

/** The path of `bin` on PATH, or undefined. */
export function onPath(bin, env = process.env, platform = process.platform, exists = existsSync) {
  const dirs = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter(Boolean)
  const names = platform === 'win32' ? [`${bin}.exe`, `${bin}.cmd`, bin] : [bin]
  for (const dir of dirs) {
    for (const name of names) {
      const full = path.join(dir, name)
      if (exists(full)) return full
    }
  }
  return undefined
}

/** The moto_server to start: on PATH, else in the project's .venv; undefined when neither. */
export function findMotoServer(root = ROOT, env = process.env, platform = process.platform) {
  const venv = venvMotoServer(root, platform)
  return onPath('moto_server', env, platform) ?? (existsSync(venv) ? venv : undefined)
}

/**
 * What to do about moto: nothing (`found`), install it into .venv with the python found
 * (`install`), or tell the user what to install (`missing`).
 * @param {{ motoServer: string | undefined, python: string | undefined }} found
 */
export function motoPlan({ motoServer, python }) {
  if (motoServer) return { action: 'found', motoServer }
  if (python) return { action: 'install', python }
  return { action: 'missing' }
}

export function missingMotoMessage() {
  return (
    `bootstrap: moto_server (the AWS peer of the tests and the demo) was not found and there is ` +
    `no python3 to install it: install Python 3.9+ and run pip install '${MOTO_REQUIREMENT}', ` +
    `or put python3 on PATH and run this again to get it in .venv`
  )
}

function mtime(file) {
  try {
    return statSync(file).mtimeMs
  } catch {
    return undefined
  }
}

function log(message) {
  console.log(`bootstrap: ${message}`)
}

function run(command, args, options = {}) {
  const started = Date.now()
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options })
  return { ok: result.status === 0, seconds: Math.round((Date.now() - started) / 1000) }
}

function installNodeModules() {
  const lockChangedAt = mtime(path.join(ROOT, 'package-lock.json')) ?? 0
  const installedAt = mtime(path.join(ROOT, 'node_modules', '.package-lock.json'))
  if (!needsInstall({ installedAt, lockChangedAt })) return true
  log(
    installedAt === undefined
      ? 'node_modules is missing: running npm ci (a minute or two)...'
      : 'package-lock.json changed since the last install: running npm ci...'
  )
  // The npm that runs this script, when there is one: `npm` itself is a .cmd on Windows.
  const npmCli = process.env.npm_execpath
  const { ok, seconds } = npmCli?.endsWith('.js')
    ? run(process.execPath, [npmCli, 'ci', '--no-audit', '--no-fund'])
    : run('npm', ['ci', '--no-audit', '--no-fund'], { shell: process.platform === 'win32' })
  if (!ok) {
    log('npm ci failed (its output is above)')
    return false
  }
  log(`npm ci done in ${seconds} s`)
  return true
}

function installMoto() {
  const python = ['python3', 'python'].find(name => onPath(name))
  const plan = motoPlan({ motoServer: findMotoServer(), python })
  if (plan.action === 'found') return true
  if (plan.action === 'missing') {
    console.error(missingMotoMessage())
    return false
  }
  if (!existsSync(venvPython(ROOT))) {
    log(`moto_server not found: creating .venv with ${plan.python} -m venv...`)
    if (!run(plan.python, ['-m', 'venv', '.venv']).ok) {
      console.error(
        `bootstrap: '${plan.python} -m venv .venv' failed (on Debian or Ubuntu: apt install ` +
          `python3-venv); or install moto yourself: pip install '${MOTO_REQUIREMENT}'`
      )
      return false
    }
  }
  log(`installing ${MOTO_REQUIREMENT} into .venv (once, about a minute)...`)
  const pip = run(venvPython(ROOT), [
    '-m',
    'pip',
    'install',
    '--disable-pip-version-check',
    MOTO_REQUIREMENT
  ])
  if (!pip.ok || !existsSync(venvMotoServer(ROOT))) {
    console.error(
      `bootstrap: pip could not install ${MOTO_REQUIREMENT} into .venv (its output is above); ` +
        `install it yourself: pip install '${MOTO_REQUIREMENT}'`
    )
    return false
  }
  log(`moto installed in .venv in ${pip.seconds} s`)
  return true
}

function main(args) {
  if (!installNodeModules()) return 1
  if (args.includes('--moto') && !installMoto()) return 1
  return 0
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2))
}

import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import {
  MOTO_REQUIREMENT,
  findMotoServer,
  missingMotoMessage,
  motoPlan,
  needsInstall,
  onPath,
  venvMotoServer
} from '../../../scripts/bootstrap.mjs'
import { PROJECT_DIR } from '../../harness/runner.js'

describe('scripts/bootstrap.mjs', () => {
  it('runs npm ci when node_modules is missing or older than package-lock.json', () => {
    expect(needsInstall({ installedAt: undefined, lockChangedAt: 1000 })).toBe(true)
    expect(needsInstall({ installedAt: 999, lockChangedAt: 1000 })).toBe(true)
    expect(needsInstall({ installedAt: 1000, lockChangedAt: 1000 })).toBe(false)
    expect(needsInstall({ installedAt: 2000, lockChangedAt: 1000 })).toBe(false)
  })

  it('uses moto_server when found, installs it with python otherwise, else says what to do', () => {
    expect(motoPlan({ motoServer: '/usr/bin/moto_server', python: 'python3' })).toEqual({
      action: 'found',
      motoServer: '/usr/bin/moto_server'
    })
    expect(motoPlan({ motoServer: undefined, python: 'python3' })).toEqual({
      action: 'install',
      python: 'python3'
    })
    expect(motoPlan({ motoServer: undefined, python: undefined })).toEqual({ action: 'missing' })
    const message = missingMotoMessage()
    expect(message.split('\n')).toHaveLength(1)
    expect(message).toContain(`pip install '${MOTO_REQUIREMENT}'`)
    expect(MOTO_REQUIREMENT).toBe('moto[server]==5.2.1')
  })

  it('finds moto_server in .venv on POSIX and Windows, and programs on PATH', () => {
    expect(venvMotoServer('/repo', 'linux')).toBe(path.join('/repo', '.venv', 'bin', 'moto_server'))
    expect(venvMotoServer('/repo', 'win32')).toBe(
      path.join('/repo', '.venv', 'Scripts', 'moto_server.exe')
    )
    const exists = (file: string) => file === path.join('/b', 'moto_server')
    const env = { PATH: ['/a', '/b'].join(path.delimiter) }
    expect(onPath('moto_server', env, 'linux', exists)).toBe(path.join('/b', 'moto_server'))
    expect(onPath('moto_server', { PATH: '/a' }, 'linux', exists)).toBeUndefined()
    const exe = (file: string) => file === path.join('/b', 'moto_server.exe')
    expect(onPath('moto_server', env, 'win32', exe)).toBe(path.join('/b', 'moto_server.exe'))
  })

  it('finds the moto_server the bootstrap installed in .venv when PATH has none', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sma-bootstrap-'))
    try {
      expect(findMotoServer(root, { PATH: '' }, 'linux')).toBeUndefined()
      fs.mkdirSync(path.join(root, '.venv', 'bin'), { recursive: true })
      fs.writeFileSync(path.join(root, '.venv', 'bin', 'moto_server'), '')
      expect(findMotoServer(root, { PATH: '' }, 'linux')).toBe(venvMotoServer(root, 'linux'))
    } finally {
      fs.rmSync(root, { recursive: true, force: true })
    }
  })

  it('does nothing and prints nothing when everything is in place', () => {
    const run = spawnSync(process.execPath, ['scripts/bootstrap.mjs', '--moto'], {
      cwd: PROJECT_DIR,
      encoding: 'utf8'
    })
    expect(run.status).toBe(0)
    expect(run.stdout + run.stderr).toBe('')
  })
})

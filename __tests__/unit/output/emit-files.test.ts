import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { emit } from '../../../src/output/emit.js'
import type { Emission, FileWrite } from '../../../src/output/emission.js'

// Emission.files: one file at a path of the handler's choosing (render's output-file).

let dir: string
let stdout: string[]
const saved = { ...process.env }
const none = { env: false, outputs: false, outputDir: undefined }

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emit-files-'))
  for (const name of ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STATE']) {
    process.env[name] = path.join(dir, name)
    fs.writeFileSync(process.env[name] as string, '')
  }
  delete process.env.GITHUB_STEP_SUMMARY
  stdout = []
  jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    stdout.push(String(chunk))
    return true
  })
})

afterEach(() => {
  jest.restoreAllMocks()
  process.env = { ...saved }
  fs.rmSync(dir, { recursive: true, force: true })
})

const state = () => fs.readFileSync(path.join(dir, 'GITHUB_STATE'), 'utf8')

function emission(write: Partial<FileWrite> & { path: string }, value = 'file-secret-1'): Emission {
  return {
    secrets: [{ name: 'x', value, source: 's', channels: [] }],
    files: [{ content: `v=${value}\n`, overwrite: false, keep: false, ...write }]
  }
}

describe('emit: files at a chosen path', () => {
  it('registers every value before the file exists, writes it 0600, and hands it to the post step', async () => {
    const file = path.join(dir, 'deep', 'er', 'app.conf')
    const existedAtMask: boolean[] = []
    jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
      if (String(chunk).startsWith('::add-mask::')) existedAtMask.push(fs.existsSync(file))
      return true
    })
    await emit(emission({ path: file }), none, {})
    expect(existedAtMask).toEqual([false])
    expect(fs.readFileSync(file, 'utf8')).toBe('v=file-secret-1\n')
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700)
    expect(state()).toContain(JSON.stringify([file]))
  })

  it('refuses to replace a file without overwrite, leaving it as it was', async () => {
    const file = path.join(dir, 'taken')
    fs.writeFileSync(file, 'mine', { mode: 0o644 })
    await expect(emit(emission({ path: file }), none, {})).rejects.toThrow(
      /Nothing was written: '.*taken' already exists/
    )
    expect(fs.readFileSync(file, 'utf8')).toBe('mine')
    expect(state()).toBe('')
  })

  it('replaces a file with overwrite by a new 0600 file, leaving no temporary file', async () => {
    const file = path.join(dir, 'taken')
    fs.writeFileSync(file, 'old', { mode: 0o644 })
    await emit(emission({ path: file, overwrite: true }), none, {})
    expect(fs.readFileSync(file, 'utf8')).toBe('v=file-secret-1\n')
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(fs.readdirSync(dir).filter(name => name.endsWith('.tmp'))).toEqual([])
  })

  it('keeps a file with keep out of the post step', async () => {
    const file = path.join(dir, 'kept')
    await emit(emission({ path: file, keep: true }), none, {})
    expect(fs.existsSync(file)).toBe(true)
    expect(state()).toContain('sma-files')
    expect(state()).not.toContain(file)
  })

  it('removes what it wrote when a later write fails', async () => {
    const ok = path.join(dir, 'ok')
    const blocked = path.join(dir, 'ok', 'below-a-file')
    const e: Emission = {
      ...emission({ path: ok }),
      files: [
        { path: ok, content: 'a', overwrite: false, keep: false },
        { path: blocked, content: 'b', overwrite: false, keep: false }
      ]
    }
    await expect(emit(e, none, {})).rejects.toThrow(/could not write '.*below-a-file' \(EEXIST\)/)
    expect(fs.existsSync(ok)).toBe(false)
  })
})

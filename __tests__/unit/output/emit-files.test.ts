import { describe, expect, it, jest } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { emit } from '../../../src/output/emit.js'
import type { Emission, FileWrite } from '../../../src/output/emission.js'
import { useStepFiles } from '../../harness/step-files.js'

// Emission.files: one file at a path of the handler's choosing (render's output-file).

const step = useStepFiles('emit-files-', ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STATE'])
const none = { env: false, outputs: false, outputDir: undefined }

const state = () => fs.readFileSync(path.join(step.dir, 'GITHUB_STATE'), 'utf8')

function emission(write: Partial<FileWrite> & { path: string }, value = 'file-secret-1'): Emission {
  return {
    secrets: [{ name: 'x', value, source: 's', channels: [] }],
    files: [{ content: `v=${value}\n`, overwrite: false, keep: false, ...write }]
  }
}

describe('emit: files at a chosen path', () => {
  it('registers every value before the file exists, writes it 0600, and hands it to the post step', async () => {
    const file = path.join(step.dir, 'deep', 'er', 'app.conf')
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
    const file = path.join(step.dir, 'taken')
    fs.writeFileSync(file, 'mine', { mode: 0o644 })
    await expect(emit(emission({ path: file }), none, {})).rejects.toThrow(
      /Nothing was written: '.*taken' already exists/
    )
    expect(fs.readFileSync(file, 'utf8')).toBe('mine')
    expect(state()).toBe('')
  })

  it('replaces a file with overwrite by a new 0600 file, leaving no temporary file', async () => {
    const file = path.join(step.dir, 'taken')
    fs.writeFileSync(file, 'old', { mode: 0o644 })
    await emit(emission({ path: file, overwrite: true }), none, {})
    expect(fs.readFileSync(file, 'utf8')).toBe('v=file-secret-1\n')
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(fs.readdirSync(step.dir).filter(name => name.endsWith('.tmp'))).toEqual([])
  })

  it('keeps a file with keep out of the post step', async () => {
    const file = path.join(step.dir, 'kept')
    await emit(emission({ path: file, keep: true }), none, {})
    expect(fs.existsSync(file)).toBe(true)
    expect(state()).toContain('sma-files')
    expect(state()).not.toContain(file)
  })

  it('removes what it wrote when a later write fails', async () => {
    const ok = path.join(step.dir, 'ok')
    const blocked = path.join(step.dir, 'ok', 'below-a-file')
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

  it('removes what it wrote when a runner file cannot be written after it', async () => {
    const file = path.join(step.dir, 'app.conf')
    const stateDir = path.join(step.dir, 'state-is-a-dir')
    fs.mkdirSync(stateDir)
    process.env.GITHUB_STATE = stateDir
    await expect(emit(emission({ path: file }), none, {})).rejects.toThrow(/EISDIR/)
    expect(fs.existsSync(file)).toBe(false)
  })
})

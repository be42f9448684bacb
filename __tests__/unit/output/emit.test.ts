import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { emit } from '../../../src/output/emit.js'
import type { Emission } from '../../../src/output/emission.js'
import { useStepFiles } from '../../harness/step-files.js'

/** The runner's per-step files, and what the process printed. */
const files = ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'] as const
const step = useStepFiles('emit-', files)

const read = step.read
const all = { env: true, outputs: true, outputDir: undefined }

describe('emit', () => {
  it('registers every value as a mask before any of it is written', async () => {
    const emission: Emission = {
      secrets: [{ name: 'DB_PASSWORD', value: 'pw-1\npw-2', source: 'db' }]
    }
    await emit(emission, all, {})
    const firstMask = step.stdout.findIndex(line => line.startsWith('::add-mask::'))
    expect(step.stdout.slice(firstMask).join('')).toContain('::add-mask::pw-1')
    expect(step.stdout.join('')).toContain('::add-mask::pw-2')
    expect(read('GITHUB_ENV')).toContain('DB_PASSWORD<<')
    expect(read('GITHUB_OUTPUT')).toContain('DB_PASSWORD<<')
  })

  it('refuses dangerous, duplicate and already-set names, exporting nothing', async () => {
    const emission: Emission = {
      secrets: [
        { name: 'BASH_ENV', value: 'evil-1', source: 'a' },
        { name: 'SAME', value: 'v-1', source: 'b' },
        { name: 'SAME', value: 'v-2', source: 'c' },
        { name: 'TAKEN', value: 'v-3', source: 'd' }
      ]
    }
    const run = emit(emission, all, { TAKEN: 'x' })
    await expect(run).rejects.toThrow(/BASH_ENV.*secret 'a'/)
    await expect(emit(emission, all, { TAKEN: 'x' })).rejects.toThrow(/SAME.*twice/)
    await expect(emit(emission, all, { TAKEN: 'x' })).rejects.toThrow(/TAKEN.*already set/)
    await expect(emit(emission, all, {})).rejects.not.toThrow(/evil-1|v-1|v-2|v-3/)
    expect(read('GITHUB_ENV')).toBe('')
    expect(read('GITHUB_OUTPUT')).toBe('')
  })

  it('refuses a value with a lone surrogate, which no UTF-8 file holds, rather than change it', async () => {
    const outputDir = path.join(step.dir, 'out')
    const config = { env: true, outputs: true, outputDir }
    const target = (value: string) => ({ name: 'S', value, source: 'odd', file: 'S' })
    for (const value of ['a\ud800b', 'a\udc00', '\udbff']) {
      await expect(emit({ secrets: [target(value)] }, config, {})).rejects.toThrow(
        /^Nothing was exported: a value of secret 'odd' holds a lone UTF-16 surrogate/
      )
    }
    expect([read('GITHUB_ENV'), read('GITHUB_OUTPUT'), fs.existsSync(outputDir)]).toEqual([
      '',
      '',
      false
    ])
    await emit({ secrets: [target('pair \ud83d\udd11')] }, config, {})
    expect(fs.readFileSync(path.join(outputDir, 'S'), 'utf8')).toBe('pair \u{1F511}')
  })

  it('writes binary values byte for byte to 0600 files and as base64 elsewhere', async () => {
    const outputDir = path.join(step.dir, 'out')
    const bytes = new Uint8Array([0, 1, 254, 255])
    await emit(
      { secrets: [{ name: 'BIN', value: bytes, source: 'bin', file: 'BIN' }] },
      { env: true, outputs: false, outputDir },
      {}
    )
    const file = path.join(outputDir, 'BIN')
    expect(new Uint8Array(fs.readFileSync(file))).toEqual(bytes)
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(read('GITHUB_ENV')).toContain('AAH+/w==')
    expect(read('GITHUB_OUTPUT')).toBe('')
    expect(read('GITHUB_STATE')).toContain(file)
  })

  it('refuses file names Windows keeps for devices, and the output name __proto__', async () => {
    const outputDir = path.join(step.dir, 'devices')
    for (const file of ['NUL', 'con', 'Com1', 'lpt9.txt', 'AUX.json', 'CONOUT$']) {
      const target = { name: 'X', value: 'device-value-1', source: 's', file }
      const config = { env: false, outputs: false, outputDir }
      await expect(emit({ secrets: [target] }, config, {})).rejects.toThrow(/is not safe/)
    }
    expect(fs.existsSync(outputDir)).toBe(false)
    const proto = { name: '__proto__', value: 'proto-value-1', source: 's' }
    await expect(emit({ secrets: [proto] }, all, {})).rejects.toThrow(/__proto__.*reserved/)
    expect(read('GITHUB_OUTPUT')).toBe('')
  })

  it('refuses a file name longer than file systems take, before writing anything', async () => {
    const outputDir = path.join(step.dir, 'long')
    const fits = { name: 'A', value: 'fits-value-1', source: 'a', file: 'A'.repeat(255) }
    const long = { name: 'B', value: 'long-value-1', source: 'app/long', file: 'B'.repeat(256) }
    const config = { env: false, outputs: false, outputDir }
    await expect(emit({ secrets: [fits, long] }, config, {})).rejects.toThrow(
      /file name from secret 'app\/long' is 256 characters long: file systems take at most 255/
    )
    expect(fs.existsSync(outputDir)).toBe(false)
    await emit({ secrets: [fits] }, config, {})
    expect(fs.readFileSync(path.join(outputDir, fits.file), 'utf8')).toBe('fits-value-1')
  })

  it('sends output-only targets to outputs even when export-outputs is false', async () => {
    await emit(
      { secrets: [{ name: 'pending-value', value: 'new-pw', source: 's', channels: ['output'] }] },
      { env: true, outputs: false },
      {}
    )
    expect(read('GITHUB_OUTPUT')).toContain('pending-value<<')
    expect(read('GITHUB_ENV')).toBe('')
  })

  it('writes a summary of names and scrubs any registered value from it', async () => {
    await emit(
      {
        secrets: [{ name: 'TOKEN', value: 'tok-secret-1', source: 'api' }],
        summary: { heading: 'Fetched', header: ['Secret'], rows: [['api tok-secret-1']] }
      },
      all,
      {}
    )
    const summary = read('GITHUB_STEP_SUMMARY')
    expect(summary).toContain('api ***')
    expect(summary).not.toContain('tok-secret-1')
  })

  it("refuses outputs that differ only in letter case, the mode's own outputs included", async () => {
    const twins: Emission = {
      secrets: [
        { name: 'Key', value: 'v-1', source: 'a' },
        { name: 'key', value: 'v-2', source: 'b' }
      ]
    }
    await expect(emit(twins, all, {})).rejects.toThrow(/output 'key' would be set twice.*'Key'/)
    const besideCount: Emission = {
      secrets: [{ name: 'COUNT', value: 'v-3', source: 'c' }],
      outputs: { count: '1' }
    }
    await expect(emit(besideCount, { ...all, env: false }, {})).rejects.toThrow(
      /output 'COUNT' would be set twice.*'count'/
    )
    expect(read('GITHUB_OUTPUT')).toBe('')
    expect(read('GITHUB_ENV')).toBe('')
  })

  it('treats env names that differ only in case as one variable on Windows', async () => {
    const emission: Emission = {
      secrets: [
        { name: 'Db_Pass', value: 'v-1', source: 'a', channels: ['env'] },
        { name: 'DB_PASS', value: 'v-2', source: 'b', channels: ['env'] }
      ]
    }
    const windows = { RUNNER_OS: 'Windows' }
    await expect(emit(emission, all, windows)).rejects.toThrow(/DB_PASS.*twice.*'Db_Pass'/)
    await expect(
      emit({ secrets: [emission.secrets![1]] }, all, { ...windows, db_pass: 'x' })
    ).rejects.toThrow(/DB_PASS.*already set/)
    await expect(
      emit({ secrets: [{ name: 'Path', value: 'v', source: 'c' }] }, all, windows)
    ).rejects.toThrow(/refused env var 'Path'/)
    expect(read('GITHUB_ENV')).toBe('')
  })

  it('writes hostile names into the summary as text, never as HTML or markdown', async () => {
    await emit(
      {
        summary: {
          heading: 'Fetched <b>x</b>',
          header: ['Secret'],
          rows: [['<img src=x onerror=alert(1)>'], ['a\n\n# b'], [{ code: '$[?@.n<3]' }]],
          notes: ['see [this](https://evil.example) & <script>']
        }
      },
      all,
      {}
    )
    const summary = read('GITHUB_STEP_SUMMARY')
    expect(summary).not.toMatch(/<img|<script|<b>|\n# b/)
    expect(summary).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(summary).toContain('<p>see [this](https://evil.example) &amp; &lt;script&gt;</p>')
    expect(summary).toContain('a\\n\\n# b')
    expect(summary).toContain('<td><code>$[?@.n&lt;3]</code></td>')
  })
})

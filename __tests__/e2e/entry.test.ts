// One bundled entry for both steps: the post step is told apart by the state its main step saved.
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { pathToFileURL } from 'node:url'
import { useMoto } from '../harness/jest-moto.js'
import { loadedFiles } from '../harness/loads.js'
import { seedSecrets } from '../harness/moto.js'
import { startProxy } from '../harness/proxy.js'
import {
  distDir,
  readActionMeta,
  runPostOf,
  runStep,
  tempDir,
  type StepResult
} from '../harness/runner.js'

const moto = useMoto()

/** The names of those of the files whose text matches. */
function holding(files: string[], pattern: RegExp): string[] {
  return files
    .filter(file => pattern.test(fs.readFileSync(file, 'utf8')))
    .map(f => path.basename(f))
}

/** Those of the files that hold the SDK's Secrets Manager client. */
const withSdk = (files: string[]) => holding(files, /class SecretsManagerClient extends/)

/**
 * The webpack module ids each chunk file holds: ncc's ESM chunks export them as `modules`, and
 * importing a chunk runs none of them.
 */
function modulesOf(chunks: string[]): Record<string, string[]> {
  const script =
    'const out = {}; for (const f of JSON.parse(process.argv[1])) ' +
    'out[f] = Object.keys((await import(f)).modules); console.log(JSON.stringify(out))'
  const urls = chunks.map(file => pathToFileURL(file).href)
  const text = execFileSync(process.execPath, [
    '--input-type=module',
    '-e',
    script,
    JSON.stringify(urls)
  ])
  const byUrl = JSON.parse(text.toString()) as Record<string, string[]>
  return Object.fromEntries(chunks.map((file, i) => [file, byUrl[urls[i]]]))
}

describe('the entry of main and post, bundled', () => {
  it('is one file for both steps', () => {
    const { main, post } = readActionMeta().runs
    expect(main).toBe('dist/index.js')
    expect(post).toBe(main)
  })

  it('runs the post step, not the main step again, where the main step ran', async () => {
    await seedSecrets(moto.client, [{ name: 'entry/db', value: 'entry-value-1' }])
    const inputs = { 'endpoint-url': moto.endpoint, 'secret-ids': 'entry/db' }
    const main = await runStep({ inputs })
    expect(main.exitCode).toBe(0)
    expect(main.state.isPost).toBe('true')
    expect(main.outputs.count).toBe('1')

    const post = await runPostOf(main, { inputs })
    expect(post.exitCode).toBe(0)
    expect(post.outputs).toEqual({})
    expect(post.state).toEqual({})
    expect(post.env.ENTRY_DB).toBe('')
  })

  it('uses only state entries the main step could have saved (its output-dir, exportable names)', async () => {
    const work = tempDir('sma-entry-')
    const saved = path.join(work, 'SECRET_FILE')
    const relative = 'RELATIVE_FILE'
    const elsewhere = path.join(tempDir('sma-elsewhere-'), 'NOT_OURS')
    for (const file of [saved, path.join(work, relative), elsewhere]) fs.writeFileSync(file, 'x')
    const post = await runStep({
      entry: 'post',
      workspace: work,
      inputs: { 'output-dir': work },
      state: {
        'sma-files': JSON.stringify([saved, relative, 7, elsewhere, `${work}/..`, `${work}/.`]),
        'sma-env': JSON.stringify(['OK_NAME', 'X\nBASH_ENV=/tmp/evil.sh', 'PATH', 'A=B', ''])
      }
    })
    expect(post.exitCode).toBe(0)
    expect(fs.existsSync(saved)).toBe(false)
    expect(fs.existsSync(path.join(work, relative))).toBe(true)
    expect(fs.existsSync(elsewhere)).toBe(true)
    expect(post.env).toEqual({ OK_NAME: '' })
    expect(post.warnings).toEqual([
      expect.stringMatching(/left 5 entry\(ies\) of the state 'sma-files' alone/),
      expect.stringMatching(/left 4 entry\(ies\) of the state 'sma-env' alone/)
    ])
  })

  it('leaves a state that is not a JSON list alone, and says so', async () => {
    const work = tempDir('sma-entry-')
    const saved = path.join(work, 'SECRET_FILE')
    fs.writeFileSync(saved, 'x')
    const post = await runStep({
      entry: 'post',
      workspace: work,
      state: { 'sma-files': JSON.stringify(saved), 'sma-env': '["OK_NAME"' }
    })
    expect(post.exitCode).toBe(0)
    expect(fs.existsSync(saved)).toBe(true)
    expect(post.env).toEqual({})
    expect(post.warnings).toEqual([
      expect.stringMatching(/left the state 'sma-files' alone/),
      expect.stringMatching(/left the state 'sma-env' alone/)
    ])
  })

  it('reads none of the SDK in a post step with nothing to call AWS for', async () => {
    await seedSecrets(moto.client, [{ name: 'entry/db', value: 'entry-value-1' }])
    const inputs = { 'endpoint-url': moto.endpoint, 'secret-ids': 'entry/db' }
    const main = await runStep({ inputs })
    expect(withSdk(await loadedFiles(env => runStep({ inputs, env })))).not.toEqual([])
    const atPost = await loadedFiles(env => runPostOf(main, { inputs, env }))
    expect(atPost.length).toBeGreaterThan(0)
    expect(withSdk(atPost)).toEqual([])
  })

  it("reads no module twice in a plain fetch: no mode's chunk repeats the main step's code", async () => {
    await seedSecrets(moto.client, [{ name: 'entry/db', value: 'entry-value-1' }])
    const inputs = { 'endpoint-url': moto.endpoint, 'secret-ids': 'entry/db' }
    // The chunks only: the entry's own modules are not exported, and no chunk has repeated them.
    const chunks = (await loadedFiles(env => runStep({ inputs, env }))).filter(
      file => path.basename(file) !== 'index.js'
    )
    const files = new Map<string, string[]>()
    for (const [file, ids] of Object.entries(modulesOf(chunks))) {
      for (const id of ids) files.set(id, [...(files.get(id) ?? []), path.basename(file)])
    }
    expect(chunks.length).toBeGreaterThan(1)
    expect(files.size).toBeGreaterThan(0)
    expect([...files].filter(([, where]) => where.length > 1)).toEqual([])
  })

  // src/tsconfig.json hands the SDK stand-ins for both (src/aws/sdk-*.ts): compiled at every
  // start, they would cost a plain fetch about 2 % of its instructions.
  it("holds none of the SDK's browser detector or event-stream codec, and sends its Node user agent", async () => {
    const files = fs
      .readdirSync(distDir())
      .filter(file => file.endsWith('.js'))
      .map(file => path.join(distDir(), file))
    expect(files.length).toBeGreaterThan(1)
    expect(holding(files, /getBrowserName|class EventStreamCodec/)).toEqual([])

    await seedSecrets(moto.client, [{ name: 'entry/agent', value: 'entry-value-3' }])
    const agents: string[] = []
    const proxy = await startProxy({
      target: moto.endpoint,
      fault: ({ headers }) => void agents.push(String(headers['user-agent']))
    })
    try {
      const step = await runStep({
        inputs: { 'endpoint-url': proxy.endpoint, 'secret-ids': 'entry/agent' }
      })
      expect(step.errors).toEqual([])
    } finally {
      await proxy.stop()
    }
    expect(agents).toHaveLength(1)
    expect(agents[0]).toMatch(/ lang\/js .*md\/nodejs#\d/)
    expect(agents[0]).not.toMatch(/md\/browser/)
  })

  it.each([
    ['a dry run', { phase: 'create', 'dry-run': 'true' }],
    ['a rotation that finished', { phase: 'all' }]
  ])(
    "reads none of the SDK in rotate's post step after %s: nothing is pending",
    async (_, more) => {
      await seedSecrets(moto.client, [{ name: 'entry/rotated', value: 'entry-value-2' }])
      const inputs = {
        'endpoint-url': moto.endpoint,
        mode: 'rotate',
        'rotation-strategy': 'in-workflow',
        'secret-id': 'entry/rotated',
        generator: 'passwordLength: 20',
        ...more
      }
      const main = await runStep({ inputs })
      expect(main.errors).toEqual([])
      expect(main.state['sma-mode']).toBe('rotate')
      let post: StepResult | undefined
      const atPost = await loadedFiles(async env => (post = await runPostOf(main, { inputs, env })))
      expect(post?.warnings).toEqual([])
      // The hook ran (its chunk was read), and found nothing to ask AWS about.
      const hook = holding(atPost, /is not pending: nothing to cancel/)
      expect(hook).toHaveLength(1)
      expect(withSdk(atPost)).toEqual([])
      expect(post?.log).not.toContain('nothing to cancel')
    }
  )

  it('runs the main step when the state holds no isPost', async () => {
    await seedSecrets(moto.client, [{ name: 'entry/db', value: 'entry-value-1' }])
    const inputs = { 'endpoint-url': moto.endpoint, 'secret-ids': 'entry/db' }
    const { isPost, ...state } = (await runStep({ inputs })).state
    expect(isPost).toBe('true')
    const again = await runStep({ inputs, entry: 'post', state, fromMain: true })
    expect(again.exitCode).toBe(0)
    expect(again.outputs.count).toBe('1')
  })
})

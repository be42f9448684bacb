// npm run local-action: GitHub's @github/local-action runs the action's main step (src/main.ts)
// and then its post step (src/post.ts) from source, with the inputs of .env.example, against a local
// moto server seeded with a demo secret, as `npm run demo` does.
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { pathToFileURL } from 'node:url'
import { seedSecrets, startMoto, testClient } from '../__tests__/harness/moto.js'
import { parseFileCommands } from '../__tests__/harness/runner.js'

const ROOT = path.resolve(import.meta.dirname, '..')

/** .env.example with the two values only known now: moto's endpoint and a fresh output-dir. */
export function dotenvFor(template: string, values: Record<string, string>): string {
  return template
    .split('\n')
    .map(line => {
      const name = /^([A-Z0-9_-]+)=/i.exec(line)?.[1]
      return name !== undefined && name in values ? `${name}=${values[name]}` : line
    })
    .join('\n')
}

async function main(): Promise<number> {
  console.log('Starting moto and seeding demo/db...')
  const moto = await startMoto()
  const client = testClient(moto.endpoint)
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sma-local-action-'))
  try {
    await seedSecrets(client, [
      { name: 'demo/db', value: '{"username":"svc_reporting","password":"s3cr3t-db-pw"}' }
    ])
    const outputDir = path.join(work, 'secrets')
    const dotenv = path.join(work, '.env')
    const template = fs.readFileSync(path.join(ROOT, '.env.example'), 'utf8')
    fs.writeFileSync(
      dotenv,
      dotenvFor(template, { 'INPUT_ENDPOINT-URL': moto.endpoint, 'INPUT_OUTPUT-DIR': outputDir })
    )
    // The action writes its state through the runner's GITHUB_STATE file (src/actions-core.ts,
    // not @actions/core, which local-action would stub), so main and post run as two steps,
    // the post step handed the main step's state as STATE_* variables, as the runner does.
    const stateFile = path.join(work, 'state')
    fs.writeFileSync(stateFile, '')
    fs.appendFileSync(dotenv, `\nGITHUB_STATE=${stateFile}\n`)
    const bin = path.join(ROOT, 'node_modules', '.bin', 'local-action')
    const step = (entry: string, env: string) =>
      spawnSync(bin, ['run', ROOT, entry, env], { cwd: ROOT, stdio: 'inherit' }).status
    const mainStatus = step('src/main.ts', dotenv)
    const postEnv = path.join(work, '.env.post')
    const state = parseFileCommands(fs.readFileSync(stateFile, 'utf8'))
    fs.writeFileSync(
      postEnv,
      fs.readFileSync(dotenv, 'utf8') +
        Object.entries(state)
          .map(([name, value]) => `STATE_${name}='${value}'\n`)
          .join('')
    )
    console.log("\nPost step (src/post.ts), with the main step's state:")
    const postStatus = step('src/post.ts', postEnv)
    const result = { status: mainStatus === 0 && postStatus === 0 ? 0 : 1 }
    const left = fs.existsSync(outputDir) ? fs.readdirSync(outputDir) : []
    console.log(
      left.length === 0
        ? `\nPost step ran: no file left in ${outputDir}.`
        : `\nPost step left ${left.length} file(s) in ${outputDir}: ${left.join(', ')}`
    )
    return result.status === 0 && left.length === 0 ? 0 : 1
  } finally {
    client.destroy()
    await moto.stop()
    fs.rmSync(work, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(path.resolve(process.argv[1] ?? '')).href) {
  process.exitCode = await main()
}

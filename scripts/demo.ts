// npm run demo: a local moto server, demo secrets, and the bundled action run through every
// mode as the steps of one job would run it. Prints what each step exported, masked as the
// runner would show it.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { seedSecrets, startMoto, testClient } from '../__tests__/harness/moto.js'
import { runPostOf, runStep, type StepResult } from '../__tests__/harness/runner.js'

interface DemoStep {
  title: string
  inputs: Record<string, string>
}

const demoSteps = (stateFile: string): DemoStep[] => [
  {
    title: 'fetch: every secret under demo/, JSON keys as env vars',
    inputs: { 'secret-ids': 'demo/*', 'parse-json-secrets': 'true' }
  },
  {
    title: 'lookup-jsonpath: one value deep inside a JSON secret',
    inputs: { mode: 'lookup-jsonpath', 'secret-id': 'demo/app', query: 'users[1].password' }
  },
  {
    title: 'put: write a new value (written once, however often the step is retried)',
    inputs: {
      mode: 'put',
      'secret-id': 'demo/api-key',
      'secret-string': 'key-from-an-earlier-step-42',
      'create-if-missing': 'true'
    }
  },
  {
    title: 'push-generated: a preview database secret with a generated password',
    inputs: {
      mode: 'push-generated',
      'secret-id': 'demo/preview-db',
      fields: 'username:\n  value: pr_1234_user\npassword:\n  generator:\n    passwordLength: 24',
      'export-outputs': 'true'
    }
  },
  {
    title: 'rotate (in-workflow): new password made current, old one kept as AWSPREVIOUS',
    inputs: {
      mode: 'rotate',
      'rotation-strategy': 'in-workflow',
      phase: 'all',
      'secret-id': 'demo/preview-db',
      fields: 'password:\n  generator:\n    passwordLength: 24'
    }
  },
  {
    title: 'check-changed: did any demo secret change since the last run?',
    inputs: {
      mode: 'check-changed',
      'secret-ids': 'demo/*',
      cache: 'file',
      'state-file': stateFile
    }
  },
  {
    title: 'check-changed again, as the next scheduled run would: nothing changed',
    inputs: {
      mode: 'check-changed',
      'secret-ids': 'demo/*',
      cache: 'file',
      'state-file': stateFile
    }
  },
  {
    title: 'render: a config file from a template (mode 0600, removed by the post step)',
    inputs: {
      mode: 'render',
      'output-file': 'app.env',
      template:
        'DB_USER={{ secret "demo/db" "username" | shell }}\nDB_PASSWORD={{ secret "demo/db" "password" | shell }}\n'
    }
  },
  {
    title: 'put with dry-run: only reads; the plan says what would be written',
    inputs: {
      mode: 'put',
      'secret-id': 'demo/api-key',
      'secret-string': 'a-value-never-written',
      'dry-run': 'true'
    }
  },
  {
    title: 'delete: the preview secret, with a 7-day recovery window',
    inputs: { mode: 'delete', 'secret-id': 'demo/preview-db', 'recovery-window-days': '7' }
  }
]

/** What the runner would show: every registered mask replaced by ***. */
function masked(text: string, masks: string[]): string {
  return [...masks]
    .sort((a, b) => b.length - a.length)
    .reduce((out, mask) => out.split(mask).join('***'), text)
}

function show(title: string, step: StepResult, masks: string[]): void {
  console.log(`\n▶ ${title}  (exit ${step.exitCode}, ${step.durationMs} ms)`)
  for (const error of step.errors) console.log(`  ::error:: ${masked(error, masks)}`)
  for (const [name, value] of Object.entries(step.outputs)) {
    console.log(`  output ${name} = ${masked(value, masks)}`)
  }
  for (const [name, value] of Object.entries(step.env)) {
    console.log(`  env    ${name} = ${masked(value, masks)}`)
  }
  for (const file of written(step)) {
    console.log(`  file   ${path.basename(file)}:`)
    for (const line of fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
      console.log(`           ${masked(line, masks)}`)
    }
  }
}

/** Files a render step wrote into its workspace (the post step removes them). */
function written(step: StepResult): string[] {
  const file = step.outputs.file
  return file && fs.existsSync(file) ? [file] : []
}

async function main(): Promise<void> {
  console.log('Starting moto and seeding demo secrets...')
  const moto = await startMoto()
  const client = testClient(moto.endpoint)
  try {
    await seedSecrets(client, [
      {
        name: 'demo/db',
        value: '{"username":"svc_reporting","password":"s3cr3t-db-pw","port":5432}'
      },
      {
        name: 'demo/app',
        value:
          '{"users":[{"name":"ci-bot","password":"ci-pw-1"},{"name":"deployer","password":"deploy-pw-2"}]}'
      },
      { name: 'demo/api-key', value: 'old-api-key-1' }
    ])
    const jobEnv: Record<string, string> = {}
    const masks: string[] = []
    const posts: Array<{ title: string; inputs: Record<string, string>; main: StepResult }> = []
    const stateFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sma-demo-')), 'ids.json')
    for (const demo of demoSteps(stateFile)) {
      const { title } = demo
      const inputs = { 'endpoint-url': moto.endpoint, ...demo.inputs }
      const step = await runStep({ inputs, env: { ...jobEnv } })
      masks.push(...step.masks)
      show(title, step, masks)
      Object.assign(jobEnv, step.env)
      posts.unshift({ title, inputs, main: step })
    }
    for (const { title, inputs, main: step } of posts) {
      const post = await runPostOf(step, { inputs, env: { ...jobEnv } })
      if (post.exitCode !== 0 || post.warnings.length > 0) show(`post: ${title}`, post, masks)
    }
    console.log('\nPost steps ran: files removed, exported env vars blanked, nothing left pending.')
    fs.rmSync(path.dirname(stateFile), { recursive: true, force: true })
  } finally {
    client.destroy()
    await moto.stop()
  }
}

await main()

import { describe, expect, it } from '@jest/globals'
import { parse as parseDotenv } from 'dotenv'
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { fragmentsIn, hasStackTrace, piecesIn, shownLog, unregistered } from '../harness/audit.js'
import { useMoto } from '../harness/jest-moto.js'
import { seedSecrets } from '../harness/moto.js'
import { startProxy } from '../harness/proxy.js'
import { runPostOf, runStep, tempDir, type StepResult } from '../harness/runner.js'

const moto = useMoto()

const PEM = '-----BEGIN KEY-----\nMIIBrenderLine1\nMIIBrenderLine2\n-----END KEY-----\n'
const DB = JSON.stringify({
  host: 'db.internal',
  user: 'app-user-x',
  password: `pä$$ "w'ord" \\ $(id) \`x\``,
  port: 5432,
  opts: { ssl: true, ca: PEM }
})
const TOKEN = "tok-'quoted'-$HOME-\\n-x"
// For the .env: a shell sourcing it must run neither `$(:>ran)` (single-quoted) nor the line
// after the break (double-quoted).
const QUOTED = "tok-'quoted'\n:>ran\n-\\-x"
const DOTENV_DB = JSON.stringify({ ...JSON.parse(DB), password: 'pä$$ "w0rd" \\ $(:>ran) `x`' })

const TEMPLATE = [
  '# {{ "{{" }} app config {{ "}}" }}',
  'database:',
  '  host: {{ secret "app/db" "host" }}',
  '  port: {{ secret "app/db" "$.port" }}',
  '  password: {{ secret "app/db" "$.password" | yaml }}',
  '  ca: {{ secret "app/db" "opts.ca" | yaml }}',
  '  opts: {{ secret "app/db" "opts" }}',
  'token_json: {{ secret "app/token" | json }}',
  'token_url: "https://x/?t={{ secret "app/token" | url }}"',
  'token_b64: {{ secret "app/token" | base64 }}',
  ''
].join('\n')

function audit(main: StepResult, post: StepResult, secrets: string[], emitted: string[]): void {
  expect(hasStackTrace(main.log + post.log)).toBe(false)
  expect(piecesIn(shownLog(main.stdout, post.stdout), secrets)).toEqual([])
  expect(piecesIn(main.stderr + post.stderr, secrets)).toEqual([])
  expect(fragmentsIn(main.summary + main.errors.join('\n'), secrets)).toEqual([])
  expect(piecesIn(JSON.stringify(main.state), secrets)).toEqual([])
  expect(unregistered(emitted, main.masks)).toEqual([])
}

describe('render, bundled, as the runner runs it', () => {
  it('renders plain, JSONPath and filtered placeholders; masks all; the post step removes the file', async () => {
    const [db, token] = await seedSecrets(moto.client, [
      { name: 'app/db', value: DB },
      { name: 'app/token', value: TOKEN }
    ])
    const inputs = {
      mode: 'render',
      'endpoint-url': moto.endpoint,
      'output-file': 'config/app.yml',
      template: TEMPLATE
    }
    const main = await runStep({ inputs, env: { RUNNER_DEBUG: '1' } })
    expect({ exit: main.exitCode, errors: main.errors }).toEqual({ exit: 0, errors: [] })
    const file = path.join(main.workspace, 'config', 'app.yml')
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    const text = fs.readFileSync(file, 'utf8')
    const opts = JSON.stringify({ ssl: true, ca: PEM })
    expect(text.split('\n').slice(0, 3)).toEqual([
      '# {{ app config }}',
      'database:',
      '  host: db.internal'
    ])
    expect(parseYaml(text)).toEqual({
      database: {
        host: 'db.internal',
        port: 5432,
        password: JSON.parse(DB).password,
        ca: PEM,
        opts: JSON.parse(opts)
      },
      token_json: TOKEN,
      token_url: `https://x/?t=${encodeURIComponent(TOKEN).replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
      token_b64: Buffer.from(TOKEN).toString('base64')
    })
    expect(main.outputs).toEqual({ file, secrets: '["app/db","app/token"]' })
    expect(main.summary).toContain('config/app.yml')
    expect(main.summary).toContain('app/db')
    expect(main.summary).toContain(db.versionId)
    expect(main.summary).toContain(token.versionId)

    const post = await runPostOf(main, { inputs })
    expect(post.exitCode).toBe(0)
    expect(fs.existsSync(file)).toBe(false)

    const password = JSON.parse(DB).password as string
    const emitted = [
      password,
      JSON.stringify(password),
      opts,
      JSON.stringify(TOKEN),
      Buffer.from(TOKEN).toString('base64'),
      encodeURIComponent(TOKEN).replace(/'/g, '%27')
    ]
    audit(main, post, [DB, TOKEN, PEM, ...emitted], emitted)
  })

  it('writes JSON numbers of a query as the secret writes them', async () => {
    const nums = '{"big":1e400,"id":12345678901234567890,"f":1.50,"o":{"x":-1e-400}}'
    await seedSecrets(moto.client, [{ name: 'app/nums', value: nums }])
    const inputs = {
      mode: 'render',
      'endpoint-url': moto.endpoint,
      'output-file': 'nums.conf',
      template:
        'big={{ secret "app/nums" "big" }} id={{ secret "app/nums" "id" | json }} ' +
        'f={{ secret "app/nums" "f" | shell }} o={{ secret "app/nums" "o" }}'
    }
    const main = await runStep({ inputs })
    expect({ exit: main.exitCode, errors: main.errors }).toEqual({ exit: 0, errors: [] })
    expect(fs.readFileSync(path.join(main.workspace, 'nums.conf'), 'utf8')).toBe(
      'big=1e400 id="12345678901234567890" f=\'1.50\' o={"x":-1e-400}'
    )
  })

  it('writes a .env that the dotenv package parses back exactly, kept with keep-file', async () => {
    await seedSecrets(moto.client, [
      { name: 'app/db', value: DOTENV_DB },
      { name: 'app/token', value: QUOTED }
    ])
    const inputs = {
      mode: 'render',
      'endpoint-url': moto.endpoint,
      'output-file': '.env',
      format: 'dotenv',
      'secret-ids': 'app/db\nTOKEN,app/token',
      'parse-json-secrets': 'true',
      'keep-file': 'true'
    }
    const main = await runStep({ inputs })
    expect({ exit: main.exitCode, errors: main.errors }).toEqual({ exit: 0, errors: [] })
    const file = path.join(main.workspace, '.env')
    const expected = {
      APP_DB_HOST: 'db.internal',
      APP_DB_USER: 'app-user-x',
      APP_DB_PASSWORD: JSON.parse(DOTENV_DB).password,
      APP_DB_PORT: '5432',
      APP_DB_OPTS_SSL: 'true',
      APP_DB_OPTS_CA: PEM,
      TOKEN: QUOTED
    }
    expect(parseDotenv(fs.readFileSync(file, 'utf8'))).toEqual(expected)
    const sourced = spawnSync('bash', ['-c', 'set -a; . ./.env'], { cwd: main.workspace })
    expect({
      status: sourced.status,
      ran: fs.existsSync(path.join(main.workspace, 'ran'))
    }).toEqual({ status: 0, ran: false })
    expect(main.summary).toContain('APP_DB_PASSWORD')
    const post = await runPostOf(main, { inputs })
    expect(fs.existsSync(file)).toBe(true)
    audit(
      main,
      post,
      [DOTENV_DB, QUOTED, ...Object.values(expected).filter(v => v.length > 4)],
      Object.values(expected)
    )
  })

  it('writes json, and a template-file whose shell placeholders bash sources byte for byte', async () => {
    await seedSecrets(moto.client, [
      { name: 'app/db', value: DB },
      { name: 'app/token', value: TOKEN }
    ])
    const workspace = tempDir('sma-render-ws-')
    fs.writeFileSync(
      path.join(workspace, 'env.sh.tpl'),
      'export DB_PASSWORD={{ secret "app/db" "password" | shell }}\nexport CA={{ secret "app/db" "opts.ca" | shell }}\nexport TOKEN={{ secret "app/token" | shell }}\n'
    )
    const base = { mode: 'render', 'endpoint-url': moto.endpoint }
    const sh = await runStep({
      workspace,
      inputs: { ...base, 'output-file': 'env.sh', 'template-file': 'env.sh.tpl' }
    })
    expect(sh.errors).toEqual([])
    const bash = spawnSync(
      'bash',
      ['-c', 'set -eu; . ./env.sh; printf "%s\\0" "$DB_PASSWORD" "$CA" "$TOKEN"'],
      { cwd: workspace }
    )
    expect(bash.stdout.toString('utf8')).toBe(`${JSON.parse(DB).password}\0${PEM}\0${TOKEN}\0`)

    const json = await runStep({
      workspace,
      inputs: { ...base, 'output-file': 'env.json', format: 'json', 'secret-ids': 'app/token' }
    })
    expect(json.errors).toEqual([])
    expect(JSON.parse(fs.readFileSync(path.join(workspace, 'env.json'), 'utf8'))).toEqual({
      APP_TOKEN: TOKEN
    })
  })

  it('reads the 25 secrets of a template in at most 2 value calls', async () => {
    const items = Array.from({ length: 25 }, (_, i) => ({
      name: `bulk/s${i}`,
      value: `bulk-value-${i}-x`
    }))
    await seedSecrets(moto.client, items)
    const proxy = await startProxy({ target: moto.endpoint })
    try {
      const main = await runStep({
        inputs: {
          mode: 'render',
          'endpoint-url': proxy.endpoint,
          'output-file': 'bulk.txt',
          template: items.map(item => `${item.name}={{ secret "${item.name}" }}`).join('\n')
        }
      })
      expect(main.errors).toEqual([])
      expect(proxy.calls()).toEqual({ BatchGetSecretValue: 2 })
      expect(fs.readFileSync(path.join(main.workspace, 'bulk.txt'), 'utf8')).toBe(
        items.map(item => `${item.name}=${item.value}`).join('\n')
      )
    } finally {
      await proxy.stop()
    }
  })

  it.each([
    [
      'a missing secret and a query that matches nothing, together',
      {
        template:
          'a={{ secret "app/db" "host" }}\nb={{ secret "app/none" }}\nc={{ secret "app/db" "$.nope" | json }}'
      },
      /line 2, column 3: \{\{ secret "app\/none" \}\}: .*; line 3, column 3: \{\{ secret "app\/db" "\$\.nope" \| json \}\}: the query matched 0 nodes/
    ],
    [
      'a value docker --env-file cannot hold',
      { format: 'docker-env', 'secret-ids': 'app/pem' },
      /APP_PEM: docker --env-file cannot hold a multi-line value/
    ],
    [
      'a dotenv value no quoting keeps exactly and inert in a shell',
      { format: 'dotenv', 'secret-ids': 'app/token' },
      /^Nothing was written to '.*': APP_TOKEN: the value holds a ' .*no dotenv quoting keeps it exactly and inert in a shell/
    ],
    [
      'a variable name fetch refuses',
      { format: 'dotenv', 'secret-ids': 'BASH_ENV,app/token' },
      /refused variable "BASH_ENV"/
    ],
    [
      'a shell value with a NUL',
      { template: '{{ secret "app/nul" | shell }}' },
      /line 1, column 1: .*shell: the value holds a NUL/
    ]
  ])('refuses %s, writing nothing', async (_what, extra, error) => {
    await seedSecrets(moto.client, [
      { name: 'app/db', value: DB },
      { name: 'app/token', value: TOKEN },
      { name: 'app/pem', value: PEM },
      { name: 'app/nul', value: 'nul-\0-value-x' }
    ])
    const inputs = {
      mode: 'render',
      'endpoint-url': moto.endpoint,
      'output-file': 'out/x.conf',
      ...extra
    }
    const main = await runStep({ inputs })
    expect({ exit: main.exitCode, errors: main.errors }).toEqual({
      exit: 1,
      errors: [expect.stringMatching(error)]
    })
    expect(fs.readdirSync(main.workspace)).toEqual([])
    expect(main.outputs).toEqual({})
    const post = await runPostOf(main, { inputs })
    expect(post.exitCode).toBe(0)
    audit(main, post, [DB, TOKEN, PEM, 'nul-\0-value-x'], [])
  })
})

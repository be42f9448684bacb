// Env injection through the bundled action: JSON keys, aliases and secret names that would set
// a dangerous variable (every entry of REFUSED_ENV_GROUPS, in every name transformation) are
// refused with the env file untouched; names with '=', a newline or the 'ghadelimiter' marker
// never reach the env file raw; values cannot add lines to it. Cases of modes not registered
// yet are skipped (see harness/modes.ts).
import { describe, expect } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { REFUSED_ENV_GROUPS } from '../../src/output/env-refused.js'
import { useMoto } from '../harness/jest-moto.js'
import { seedSecrets, type SeedItem } from '../harness/moto.js'
import { caseName, caseTest, type CaseGate } from '../harness/modes.js'
import { runStep, type StepResult } from '../harness/runner.js'

const moto = useMoto()

interface InjectionCase extends CaseGate {
  what: string
  seed: SeedItem[]
  inputs: Record<string, string>
  /** Refused: the one error names each of these variables; nothing is written. */
  refused?: string[]
  /** Neutralised: exactly these env vars are exported, and nothing else. */
  exported?: Record<string, string>
}

const json = (value: object) => JSON.stringify(value)
const bareKeys = (id: string) => ({ 'secret-ids': `,${id}`, 'parse-json-secrets': 'true' })

/** Every listed name and a name under every listed prefix, as JSON keys exported bare. */
const EVERY_REFUSED = [
  ...REFUSED_ENV_GROUPS.flatMap(group => group.names),
  ...REFUSED_ENV_GROUPS.flatMap(group => group.prefixes.map(prefix => `${prefix}X`))
]

const cases: InjectionCase[] = [
  {
    mode: 'fetch',
    what: 'every refused name and prefix, as JSON keys',
    seed: [{ name: 'evil/all', value: json(Object.fromEntries(EVERY_REFUSED.map(n => [n, 'x']))) }],
    inputs: { ...bareKeys('evil/all'), 'name-transformation': 'none' },
    refused: EVERY_REFUSED
  },
  {
    mode: 'fetch',
    what: 'lowercase keys that uppercase into BASH_ENV, LD_PRELOAD and GITHUB_PATH',
    seed: [
      { name: 'evil/keys', value: json({ bash_env: 'a', ld_preload: 'b', github_path: 'c' }) }
    ],
    inputs: bareKeys('evil/keys'),
    refused: ['BASH_ENV', 'LD_PRELOAD', 'GITHUB_PATH']
  },
  {
    mode: 'fetch',
    what: 'keys that lowercase into names npm and proxies read in any case',
    seed: [{ name: 'evil/keys', value: json({ NPM_CONFIG_SCRIPT_SHELL: 'a', HTTPS_PROXY: 'b' }) }],
    inputs: { ...bareKeys('evil/keys'), 'name-transformation': 'lowercase' },
    refused: ['npm_config_script_shell', 'https_proxy']
  },
  {
    mode: 'fetch',
    what: 'keys that become dangerous once their characters are replaced',
    seed: [
      {
        name: 'evil/keys',
        value: json({ 'ld-preload': 'a', 'bash.env': 'b', 'node options': 'c' })
      }
    ],
    inputs: bareKeys('evil/keys'),
    refused: ['LD_PRELOAD', 'BASH_ENV', 'NODE_OPTIONS']
  },
  {
    mode: 'fetch',
    what: 'a nested key that flattens into GITHUB_ENV',
    seed: [{ name: 'evil/nested', value: json({ github: { env: 'a' } }) }],
    inputs: bareKeys('evil/nested'),
    refused: ['GITHUB_ENV']
  },
  {
    mode: 'fetch',
    what: 'secret names that derive GITHUB_TOKEN and LD_PRELOAD',
    seed: [
      { name: 'github/token', value: 'a' },
      { name: 'ld/preload', value: 'b' }
    ],
    inputs: { 'secret-ids': 'github/token\nld/*' },
    refused: ['GITHUB_TOKEN', 'LD_PRELOAD']
  },
  {
    mode: 'fetch',
    what: 'aliases BASH_ENV, LD_PRELOAD, GITHUB_PATH and NODE_OPTIONS',
    seed: [{ name: 'app/plain', value: 'v' }],
    inputs: {
      'secret-ids':
        'BASH_ENV,app/plain\nLD_PRELOAD,app/plain\nGITHUB_PATH,app/plain\nNODE_OPTIONS,app/plain'
    },
    refused: ['BASH_ENV', 'LD_PRELOAD', 'GITHUB_PATH', 'NODE_OPTIONS']
  },
  {
    mode: 'fetch',
    what: 'an alias prefixing JSON keys into AWS_ credentials',
    seed: [{ name: 'app/aws', value: json({ ACCESS_KEY_ID: 'a', SECRET_ACCESS_KEY: 'b' }) }],
    inputs: { 'secret-ids': 'AWS,app/aws', 'parse-json-secrets': 'true' },
    refused: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']
  },
  {
    mode: 'fetch',
    what: "keys with the runner's delimiter marker and an empty key",
    seed: [{ name: 'evil/delim', value: json({ ghadelimiter_0: 'a', '': 'b' }) }],
    inputs: bareKeys('evil/delim'),
    refused: ['GHADELIMITER_0', '']
  },
  {
    mode: 'fetch',
    what: "keys with '=' and newlines: neutralised to _, written as safe names",
    seed: [
      { name: 'evil/eq', value: json({ 'A=B': 'v1', 'X\nBASH_ENV': 'v2', 'Y\r\nZ=1': 'v3' }) }
    ],
    inputs: bareKeys('evil/eq'),
    exported: { A_B: 'v1', X_BASH_ENV: 'v2', Y__Z_1: 'v3' }
  },
  {
    mode: 'fetch',
    what: 'a value that looks like more env file lines stays one value',
    seed: [{ name: 'app/value', value: 'ok\nBASH_ENV=/tmp/evil.sh\nghadelimiter_x\nX<<EOF' }],
    inputs: { 'secret-ids': 'app/value' },
    exported: { APP_VALUE: 'ok\nBASH_ENV=/tmp/evil.sh\nghadelimiter_x\nX<<EOF' }
  },
  {
    mode: 'lookup-jsonpath',
    what: 'query names BASH_ENV and LD_PRELOAD exported as env vars',
    seed: [{ name: 'app/conf', value: json({ user: 'u', path: '/p' }) }],
    inputs: {
      'secret-id': 'app/conf',
      queries: 'BASH_ENV=$.user\nLD_PRELOAD=$.path',
      'export-env': 'true'
    },
    refused: ['BASH_ENV', 'LD_PRELOAD']
  }
]

describe('env injection: dangerous names refused, the env file untouched', () => {
  for (const c of cases) {
    caseTest(c)(caseName(c, c.what), async () => {
      await seedSecrets(moto.client, c.seed)
      const step = await runStep({
        inputs: { mode: c.mode, 'endpoint-url': moto.endpoint, ...c.inputs }
      })
      expect(step.path).toEqual([])
      if (c.refused) {
        expect(step.exitCode).toBe(1)
        expect(step.errors).toHaveLength(1)
        for (const name of c.refused) expect(step.errors[0]).toContain(`refused env var '${name}'`)
        expect(rawEnvFile(step)).toBe('')
        expect(step.outputs).toEqual({})
      } else {
        expect(step.errors).toEqual([])
        expect(strictEnvFile(rawEnvFile(step))).toEqual(c.exported)
      }
    })
  }
})

/** The GITHUB_ENV file of a step, byte for byte. */
function rawEnvFile(step: StepResult): string {
  const dir = path.join(step.runnerTemp, '_runner_file_commands')
  const file = fs.readdirSync(dir).find(name => name.startsWith('set_env_'))
  return fs.readFileSync(path.join(dir, file ?? ''), 'utf8')
}

/**
 * The env file as the runner reads it, refusing anything but `NAME<<ghadelimiter_<uuid>`
 * blocks with a valid NAME: a name with '=' or a newline, or a value that ended its block early,
 * would show here as a malformed line.
 */
function strictEnvFile(text: string): Record<string, string> {
  const lines = text.split('\n')
  const vars: Record<string, string> = {}
  let i = 0
  while (i < lines.length - 1) {
    const head = /^([A-Za-z_][A-Za-z0-9_]*)<<(ghadelimiter_[0-9a-f-]{36})$/.exec(lines[i])
    if (!head) throw new Error(`env file line ${i + 1} is not a heredoc header: ${lines[i]}`)
    const end = lines.indexOf(head[2], i + 1)
    if (end < 0) throw new Error(`env file: no end for ${head[1]}`)
    vars[head[1]] = lines.slice(i + 1, end).join('\n')
    i = end + 1
  }
  if (lines[lines.length - 1] !== '') throw new Error('env file does not end with a newline')
  return vars
}

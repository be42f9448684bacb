// npm run bench: the bundled action through a proxy that adds 25 ms to every request in front
// of moto, as a workflow on a real network link would see it. Prints wall time and API calls.
import {
  seedSecrets,
  startMoto,
  type MotoServer,
  type SeededSecret
} from '../__tests__/harness/moto.js'
import { startProxy, type FaultFn, regionOf, type TestProxy } from '../__tests__/harness/proxy.js'
import { runStep } from '../__tests__/harness/runner.js'
import { testClient } from '../__tests__/harness/moto.js'

const LATENCY_MS = 25

interface Scenario {
  name: string
  seed: number
  /** Regions the seeded secrets are spread over, in turn (default: us-east-1 alone). */
  regions?: string[]
  inputs: Record<string, string> | ((seeded: SeededSecret[]) => Record<string, string>)
  /** What the issue asks for: at most this many calls (in each region), under this many ms. */
  target?: { calls: number; ms: number; perRegion?: boolean }
  fault?: FaultFn
  /** Checks the step's result; returns what is wrong. */
  check: (outputs: Record<string, string>) => string | undefined
}

const fetched = (n: number) => (outputs: Record<string, string>) =>
  outputs.count === String(n) ? undefined : `fetched ${outputs.count}, expected ${n}`

const versions = (n: number) => (outputs: Record<string, string>) => {
  const count = Object.keys(JSON.parse(outputs['version-ids'] ?? '{}')).length
  return count === n ? undefined : `saw ${count} version ids, expected ${n}`
}

const checkChanged = { mode: 'check-changed', 'secret-ids': 'bench/*', cache: 'none' }

const everyFourth: FaultFn = ({ total }) => (total % 4 === 0 ? { kind: 'throttle' } : undefined)

const names = (n: number) => Array.from({ length: n }, (_, i) => `bench/s${i}`)

const jsonValue = (i: number) => JSON.stringify({ username: `user${i}`, password: `pw-${i}-x` })

const scenarios: Scenario[] = [
  {
    name: 'fetch 1 secret',
    seed: 1,
    inputs: { 'secret-ids': 'bench/s0' },
    target: { calls: 1, ms: 200 },
    check: fetched(1)
  },
  {
    name: 'fetch 100 JSON secrets by prefix',
    seed: 100,
    inputs: { 'secret-ids': 'bench/*', 'parse-json-secrets': 'true' },
    target: { calls: 6, ms: 500 },
    check: fetched(100)
  },
  {
    name: 'fetch 100 JSON secrets over 2 regions',
    seed: 100,
    regions: ['us-east-1', 'eu-west-1'],
    // us-east-1 by prefix (names), eu-west-1 by ARN: the way a workflow reaches another region.
    inputs: seeded => ({
      'secret-ids': [
        'bench/*',
        ...seeded.filter(secret => secret.arn.includes(':eu-west-1:')).map(secret => secret.arn)
      ].join('\n'),
      'parse-json-secrets': 'true'
    }),
    target: { calls: 6, ms: 500, perRegion: true },
    check: fetched(100)
  },
  {
    name: 'check-changed 100 by prefix',
    seed: 100,
    inputs: checkChanged,
    target: { calls: 2, ms: 500 },
    check: versions(100)
  },
  {
    name: 'fetch 25 secrets by name',
    seed: 100,
    inputs: { 'secret-ids': names(25).join('\n') },
    target: { calls: 2, ms: 500 },
    check: fetched(25)
  },
  {
    name: 'render a template of 25 secrets',
    seed: 100,
    inputs: {
      mode: 'render',
      'output-file': 'bench.conf',
      template: names(25)
        .map(name => `${name}={{ secret "${name}" "password" | shell }}`)
        .join('\n')
    },
    target: { calls: 2, ms: 500 },
    check: outputs =>
      JSON.parse(outputs.secrets ?? '[]').length === 25 ? undefined : 'expected 25 secrets used'
  },
  {
    name: 'fetch 1000 secrets by prefix',
    seed: 1000,
    inputs: { 'secret-ids': 'bench/*' },
    target: { calls: 61, ms: 2000 },
    check: fetched(1000)
  },
  { name: 'check-changed 1000 by prefix', seed: 1000, inputs: checkChanged, check: versions(1000) },
  {
    name: 'fetch 1000, every 4th call throttled',
    seed: 1000,
    inputs: { 'secret-ids': 'bench/*', 'max-attempts': '5' },
    fault: everyFourth,
    check: fetched(1000)
  },
  {
    name: 'check-changed 1000, every 4th call throttled',
    seed: 1000,
    inputs: { ...checkChanged, 'max-attempts': '5' },
    fault: everyFourth,
    check: versions(1000)
  }
]

async function seed(
  moto: MotoServer,
  count: number,
  regions = ['us-east-1']
): Promise<SeededSecret[]> {
  await moto.reset()
  const seeded: SeededSecret[] = []
  for (const [r, region] of regions.entries()) {
    const client = testClient(moto.endpoint, { region })
    const items = Array.from({ length: count }, (_, i) => i)
      .filter(i => i % regions.length === r)
      .map(i => ({ name: `bench/s${i}`, value: jsonValue(i) }))
    seeded.push(...(await seedSecrets(client, items)))
    client.destroy()
  }
  return seeded
}

async function measure(
  proxy: TestProxy,
  scenario: Scenario,
  seeded: SeededSecret[]
): Promise<string[]> {
  proxy.resetCounts()
  const byRegion: Record<string, number> = {}
  proxy.setFault(req => {
    const region = regionOf(req)
    byRegion[region] = (byRegion[region] ?? 0) + 1
    return scenario.fault?.(req)
  })
  const inputs = typeof scenario.inputs === 'function' ? scenario.inputs(seeded) : scenario.inputs
  const step = await runStep({
    inputs: { 'endpoint-url': proxy.endpoint, ...inputs },
    timeoutMs: 120_000
  })
  proxy.setFault(undefined)
  if (step.exitCode !== 0) throw new Error(`${scenario.name} failed: ${step.errors.join('; ')}`)
  const wrong = scenario.check(step.outputs)
  if (wrong) throw new Error(`${scenario.name}: ${wrong}`)
  const total = proxy.total()
  const target = scenario.target
  const counted = target?.perRegion ? Math.max(...Object.values(byRegion)) : total
  const verdict = target
    ? counted <= target.calls && step.durationMs <= target.ms
      ? 'ok'
      : `MISSED (<= ${target.calls} calls${target.perRegion ? ' a region' : ''}, < ${target.ms} ms)`
    : ''
  const regions = target?.perRegion
    ? ` (${Object.entries(byRegion)
        .map(([region, n]) => `${region} ${n}`)
        .join(', ')})`
    : ''
  const calls = Object.entries(proxy.calls())
    .map(([operation, n]) => `${operation} ${n}`)
    .join(', ')
  return [scenario.name, `${step.durationMs} ms`, `${total}${regions}`, calls, verdict]
}

async function main(): Promise<void> {
  const moto = await startMoto()
  const proxy = await startProxy({ target: moto.endpoint, latencyMs: LATENCY_MS })
  const rows: string[][] = []
  try {
    let seededAs = ''
    let seeded: SeededSecret[] = []
    for (const scenario of scenarios) {
      const as = `${scenario.seed} ${scenario.regions ?? ''}`
      if (as !== seededAs) seeded = await seed(moto, scenario.seed, scenario.regions)
      seededAs = as
      rows.push(await measure(proxy, scenario, seeded))
    }
  } finally {
    await proxy.stop()
    await moto.stop()
  }
  console.log(
    `\nBundled action (Node 24, process start to exit), ${LATENCY_MS} ms added per request\n`
  )
  print(['scenario', 'wall time', 'calls', 'by operation', 'target'], rows)
}

function print(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => r[i].length)))
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ')
  console.log(line(header))
  console.log(widths.map(w => '-'.repeat(w)).join('  '))
  rows.forEach(row => console.log(line(row)))
}

await main()

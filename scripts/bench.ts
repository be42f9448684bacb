// npm run bench: the bundled action through a proxy that adds 25 ms to every request in front
// of moto, as a workflow on a real network link would see it. Prints wall time and API calls.
import { seedSecrets, startMoto, type MotoServer } from '../__tests__/harness/moto.js'
import { startProxy, type FaultFn, type TestProxy } from '../__tests__/harness/proxy.js'
import { runStep, type StepResult } from '../__tests__/harness/runner.js'
import { testClient } from '../__tests__/harness/moto.js'
import { handlers } from '../src/modes/index.js'

const LATENCY_MS = 25

interface Scenario {
  name: string
  seed: number
  inputs: Record<string, string>
  /** What the issue asks for: at most this many calls, under this many ms. */
  target?: { calls: number; ms: number }
  fault?: FaultFn
  /** What a correct run gives; by default a count output equal to the seed. */
  verify?: (step: StepResult) => string | undefined
}

const throttleEveryFourth: FaultFn = ({ total }) =>
  total % 4 === 0 ? { kind: 'throttle' } : undefined

const versionIdCount = (seed: number) => (step: StepResult) => {
  const count = Object.keys(JSON.parse(step.outputs['version-ids'] ?? '{}')).length
  return count === seed && step.outputs.changed === 'true'
    ? undefined
    : `version ids of ${count} secrets (changed=${step.outputs.changed}), expected ${seed}`
}

const jsonValue = (i: number) => JSON.stringify({ username: `user${i}`, password: `pw-${i}-x` })

const scenarios: Scenario[] = [
  { name: 'fetch 1 secret', seed: 1, inputs: { 'secret-ids': 'bench/s0' } },
  {
    name: 'fetch 100 JSON secrets by prefix',
    seed: 100,
    inputs: { 'secret-ids': 'bench/*', 'parse-json-secrets': 'true' },
    target: { calls: 6, ms: 500 }
  },
  {
    name: 'fetch 1000 secrets by prefix',
    seed: 1000,
    inputs: { 'secret-ids': 'bench/*' },
    target: { calls: 61, ms: 2000 }
  },
  {
    name: 'fetch 1000, every 4th call throttled',
    seed: 1000,
    inputs: { 'secret-ids': 'bench/*', 'max-attempts': '5' },
    fault: throttleEveryFourth
  },
  // Measured once the mode is registered (src/modes/index.ts).
  ...('check-changed' in handlers
    ? [
        {
          name: 'check-changed 1000, every 4th call throttled',
          seed: 1000,
          inputs: {
            mode: 'check-changed',
            'secret-ids': 'bench/*',
            cache: 'none',
            'max-attempts': '5'
          },
          fault: throttleEveryFourth,
          verify: versionIdCount(1000)
        }
      ]
    : [])
]

async function seed(moto: MotoServer, count: number): Promise<void> {
  await moto.reset()
  const client = testClient(moto.endpoint)
  const items = Array.from({ length: count }, (_, i) => ({
    name: `bench/s${i}`,
    value: jsonValue(i)
  }))
  await seedSecrets(client, items)
  client.destroy()
}

async function measure(proxy: TestProxy, scenario: Scenario): Promise<string[]> {
  proxy.resetCounts()
  proxy.setFault(scenario.fault)
  const step = await runStep({
    inputs: { 'endpoint-url': proxy.endpoint, ...scenario.inputs },
    timeoutMs: 120_000
  })
  proxy.setFault(undefined)
  if (step.exitCode !== 0) throw new Error(`${scenario.name} failed: ${step.errors.join('; ')}`)
  const wrong = scenario.verify
    ? scenario.verify(step)
    : step.outputs.count === String(scenario.seed)
      ? undefined
      : `fetched ${step.outputs.count}, expected ${scenario.seed}`
  if (wrong) throw new Error(`${scenario.name}: ${wrong}`)
  const total = proxy.total()
  const verdict = scenario.target
    ? total <= scenario.target.calls && step.durationMs <= scenario.target.ms
      ? 'ok'
      : `MISSED (<= ${scenario.target.calls} calls, < ${scenario.target.ms} ms)`
    : ''
  const calls = Object.entries(proxy.calls())
    .map(([operation, n]) => `${operation} ${n}`)
    .join(', ')
  return [scenario.name, `${step.durationMs} ms`, String(total), calls, verdict]
}

async function main(): Promise<void> {
  const moto = await startMoto()
  const proxy = await startProxy({ target: moto.endpoint, latencyMs: LATENCY_MS })
  const rows: string[][] = []
  try {
    let seeded = -1
    for (const scenario of scenarios) {
      if (scenario.seed !== seeded) await seed(moto, scenario.seed)
      seeded = scenario.seed
      rows.push(await measure(proxy, scenario))
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

// Generated hostile names and keys for the injection properties (issue 12): pieces a name can
// carry to become a workflow command, markup or a dangerous env var, mixed with ordinary text.
import fc from 'fast-check'
import { REFUSED_ENV_GROUPS } from '../../src/output/env-refused.js'

/** Seeded and reproducible: FC_SEED=<printed seed> replays a failing run. */
export const PROPERTY_SEED = Number(process.env.FC_SEED ?? 12_2026)

export function propertyOptions(numRuns: number): fc.Parameters<unknown> {
  return { seed: PROPERTY_SEED, numRuns, endOnFailure: true }
}

const PIECES = [
  '\n',
  '\r',
  '\r\n',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u000b',
  '\u000c',
  '\u0000',
  '\u001b[31m',
  '\u202e',
  '::',
  '::warning::injected',
  '::error file=a,line=1::injected',
  '::add-mask::e',
  '::set-output name=x::y',
  '::stop-commands::tok',
  '##[warning]injected',
  '##[add-mask]a',
  '%0A',
  '%0D',
  '%25',
  '%',
  '<img src=x onerror=alert(1)>',
  '<script>',
  '</td></tr>',
  '&lt;',
  '"',
  "'",
  '[link](https://evil.example)',
  ' ',
  '\t'
]

/** Windows-case twins of every refused name and prefix: `Path`, `path`, `bash_Env`... */
export const REFUSED_TWINS = REFUSED_ENV_GROUPS.flatMap(group => [
  ...group.names,
  ...group.prefixes.map(prefix => `${prefix}X`)
])

function twinCase(name: string, mask: number): string {
  return [...name]
    .map((char, i) => ((mask >> (i % 31)) & 1 ? char.toLowerCase() : char.toUpperCase()))
    .join('')
}

export const refusedTwin: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...REFUSED_TWINS), fc.integer({ min: 0, max: 2 ** 31 - 1 }))
  .map(([name, mask]) => twinCase(name, mask))

/** A name or key: ordinary text and hostile pieces, at most a few dozen characters. */
export const hostileName: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...PIECES) },
      { weight: 2, arbitrary: fc.string({ maxLength: 6 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
      { weight: 1, arbitrary: refusedTwin }
    ),
    { minLength: 1, maxLength: 6 }
  )
  .map(parts => parts.join(''))

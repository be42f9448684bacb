// Generated secret values for the property tests, what of each must never show, and the
// fast-check settings every property shares. No jest imports here.
import fc from 'fast-check'
import { maskLine, registeredMasks, runnerMaskedLog } from './runner.js'

/**
 * Every property runs from one seed: FC_SEED if set (a number, or `random`), else a fixed one, so
 * a CI run is reproducible. fast-check prints the seed and the path of a failing case; rerun it
 * with FC_SEED=<seed> FC_PATH=<path>. FC_RUNS multiplies every property's number of runs.
 */
export const SEED = seedFromEnv(process.env.FC_SEED)

function seedFromEnv(text: string | undefined): number {
  if (text === 'random') {
    const seed = Date.now() ^ (Math.random() * 0x7fffffff)
    console.log(`fast-check seed: ${seed} (FC_SEED=${seed} reruns it)`)
    return seed
  }
  return text !== undefined && /^-?\d+$/.test(text) ? Number(text) : 20261201
}

export function fcParams(numRuns: number): fc.Parameters<unknown> {
  const factor = Number(process.env.FC_RUNS ?? '1')
  return {
    seed: SEED,
    numRuns: Math.max(1, Math.round(numRuns * (Number.isFinite(factor) ? factor : 1))),
    path: process.env.FC_PATH
  }
}

// ---------- values ----------

/** A generated value and what must never show of it once registered. */
export interface Generated {
  value: string | Uint8Array
  /** JSON leaves (strings, numbers as written) a later step may print on their own. */
  leaves: string[]
}

const BREAKS = ['\n', '\r\n', '\r', '\n\n', '\r\r\n']
const ODD = ['%', '%25', '%0A', '::', '::add-mask::', '\t', '\0', '\x1b[31m', '\u2028', '\x7f', '"']
const PUNCTUATION = '!@#$%^&*()_+-=~`|\\;\'"<>?/.{}[],: '

const punctuation = fc
  .array(fc.constantFrom(...PUNCTUATION), { minLength: 1, maxLength: 12 })
  .map(chars => chars.join(''))

/** One line: unicode, control characters, punctuation only, padded with whitespace. */
const line: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('', ' ', '  ', '\t', ' \t '),
    fc.oneof(
      { weight: 4, arbitrary: fc.string({ maxLength: 24 }) },
      { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
      { weight: 2, arbitrary: punctuation },
      { weight: 1, arbitrary: fc.constantFrom(...ODD) },
      { weight: 1, arbitrary: fc.string({ minLength: 200, maxLength: 2000 }) }
    ),
    fc.constantFrom('', ' ', '\t')
  )
  .map(([lead, body, trail]) => lead + body + trail)

/** Lines joined by a mix of LF, CRLF and lone CR. */
const multiLine: fc.Arbitrary<string> = fc
  .array(fc.tuple(line, fc.constantFrom(...BREAKS)), { minLength: 1, maxLength: 8 })
  .map(parts => parts.map(([text, end], i) => (i < parts.length - 1 ? text + end : text)).join(''))

/** Up to 64 KiB: a short pattern repeated, with an odd tail. */
const huge: fc.Arbitrary<string> = fc
  .tuple(fc.string({ minLength: 1, maxLength: 40 }), fc.integer({ min: 30_000, max: 65_536 }))
  .map(([unit, size]) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size))

const NUMBERS = [
  '0',
  '-0',
  '7',
  '12345678901234567890',
  '1e400',
  '-1e400',
  '1e-400',
  '1.50',
  '9007199254740993',
  '-2.5E+10',
  '0.1'
]

const numberLiteral = fc.oneof(
  fc.constantFrom(...NUMBERS),
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(n => JSON.stringify(n))
)

type Node =
  | { kind: 'string'; text: string }
  | { kind: 'number'; text: string }
  | { kind: 'literal'; text: 'true' | 'false' | 'null' }
  | { kind: 'array'; items: Node[] }
  | { kind: 'object'; entries: [string, Node][] }

const key = fc.oneof(
  fc.constantFrom('password', 'host', 'port', 'user', 'pw', 'a', ''),
  fc.string({ maxLength: 10 })
)

const tree = fc.letrec<{ node: Node }>(tie => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(line, multiLine).map(text => ({ kind: 'string', text }) as Node),
    numberLiteral.map(text => ({ kind: 'number', text }) as Node),
    fc.constantFrom('true', 'false', 'null').map(text => ({ kind: 'literal', text }) as Node),
    fc.array(tie('node'), { maxLength: 5 }).map(items => ({ kind: 'array', items }) as Node),
    // Duplicate keys come from the small key set.
    fc
      .array(fc.tuple(key, tie('node')), { maxLength: 6 })
      .map(entries => ({ kind: 'object', entries }) as Node)
  )
})).node

/** JSON text of a tree (duplicate keys kept, numbers as written), and its leaves. */
function serialize(root: Node, indent: boolean): Generated {
  const leaves: string[] = []
  const out: string[] = []
  const pad = (depth: number) => (indent ? `\n${'  '.repeat(depth)}` : '')
  const visit = (node: Node, depth: number): void => {
    switch (node.kind) {
      case 'string':
        leaves.push(node.text)
        out.push(JSON.stringify(node.text))
        return
      case 'number':
        leaves.push(node.text)
        out.push(node.text)
        return
      case 'literal':
        out.push(node.text)
        return
      case 'array':
        out.push('[')
        node.items.forEach((item, i) => {
          out.push(i > 0 ? ',' : '', pad(depth + 1))
          visit(item, depth + 1)
        })
        out.push(node.items.length > 0 ? pad(depth) : '', ']')
        return
      case 'object':
        out.push('{')
        node.entries.forEach(([name, item], i) => {
          out.push(i > 0 ? ',' : '', pad(depth + 1), JSON.stringify(name), indent ? ': ' : ':')
          visit(item, depth + 1)
        })
        out.push(node.entries.length > 0 ? pad(depth) : '', '}')
    }
  }
  visit(root, 0)
  return { value: out.join(''), leaves }
}

const jsonDocument: fc.Arbitrary<Generated> = fc
  .tuple(
    fc.oneof(
      fc.array(fc.tuple(key, tree)).map(entries => ({ kind: 'object', entries }) as Node),
      fc.array(tree).map(items => ({ kind: 'array', items }) as Node)
    ),
    fc.boolean()
  )
  .map(([root, indent]) => serialize(root, indent))

/** A document wrapped in up to 10,000 levels of objects or arrays. */
const deepJson: fc.Arbitrary<Generated> = fc
  .tuple(jsonDocument, fc.integer({ min: 1000, max: 10_000 }), fc.boolean())
  .map(([inner, depth, arrays]) => ({
    value: arrays
      ? '['.repeat(depth) + inner.value + ']'.repeat(depth)
      : '{"k":'.repeat(depth) + inner.value + '}'.repeat(depth),
    leaves: inner.leaves
  }))

/** 700+ keys, about 30 to 64 KiB of JSON. */
const wideJson: fc.Arbitrary<Generated> = fc
  .tuple(fc.integer({ min: 700, max: 1500 }), fc.string({ minLength: 1, maxLength: 8 }))
  .map(([count, salt]) => {
    const leaves = Array.from({ length: count }, (_, i) => `${salt}-${i}-${'v'.repeat(i % 30)}`)
    const text = JSON.stringify(Object.fromEntries(leaves.map((leaf, i) => [`key${i}`, leaf])))
    return { value: text, leaves }
  })

const plain = (text: string): Generated => ({ value: text, leaves: [] })

/** Small values: the bulk of the cases. */
export const smallValue: fc.Arbitrary<Generated> = fc.oneof(
  { weight: 3, arbitrary: line.map(plain) },
  { weight: 3, arbitrary: multiLine.map(plain) },
  { weight: 4, arbitrary: jsonDocument },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map(bytes => plain2(bytes)) }
)

function plain2(bytes: Uint8Array): Generated {
  return { value: bytes, leaves: [] }
}

/** Any value, big and deep ones included (slower: use fewer runs). */
export const anyValue: fc.Arbitrary<Generated> = fc.oneof(
  { weight: 8, arbitrary: smallValue },
  { weight: 1, arbitrary: huge.map(plain) },
  { weight: 1, arbitrary: deepJson },
  { weight: 1, arbitrary: wideJson },
  { weight: 1, arbitrary: fc.uint8Array({ minLength: 30_000, maxLength: 65_536 }).map(plain2) }
)

// ---------- what must not show ----------

/** Characters the runner's `***` and JSON structure are made of: such a piece tells nothing. */
const MEANINGLESS = /^[\s*{}[\],:]*$/
/**
 * A JSON literal alone on its line: never a mask by policy (README, What is masked), and the
 * action's own messages use these words ('create-if-missing: true').
 */
const JSON_LITERAL_LINE = /^(true|false|null),?$/

/** The text forms a value has when a later step prints it: its text and base64 for binary. */
export function printedForms(generated: Generated): string[] {
  const { value } = generated
  if (typeof value === 'string') return [value, ...generated.leaves]
  const forms = [Buffer.from(value).toString('base64')]
  try {
    forms.push(new TextDecoder('utf-8', { fatal: true }).decode(value))
  } catch {
    // not text: printed only as base64
  }
  return forms
}

/**
 * Each line of each printed form that carries anything (not blank, not only JSON structure):
 * trimmed to look for it in our own log, as written (`exact`) to look for it where a later step
 * prints the value as it is.
 */
export function pieces(forms: string[], minLength = 1, exact = false): string[] {
  const out = new Set<string>()
  for (const form of forms) {
    for (const part of form.split(/\r\n|\n|\r/)) {
      const piece = exact ? part : part.trim()
      const literal = !exact && JSON_LITERAL_LINE.test(piece)
      if (piece.trim().length >= minLength && !MEANINGLESS.test(piece) && !literal) out.add(piece)
    }
  }
  return [...out]
}

/**
 * A later step printing each form: what the runner shows of those lines, given the masks that
 * `stdout` registered. Lines are split as the runner splits them.
 */
export function laterStepShows(stdout: string, forms: string[]): string {
  const masks = registeredMasks(stdout)
  return forms
    .join('\n')
    .split('\n')
    .map(text => maskLine(text, masks))
    .join('\n')
}

/** What the runner shows of a step's own log, without the ::add-mask:: lines themselves. */
export function ownLogShows(stdout: string): string {
  return runnerMaskedLog(stdout)
    .split('\n')
    .filter(text => text !== '::add-mask::***')
    .join('\n')
}

/** The pieces of `forms` that show in `shown`. */
export function shownPieces(
  shown: string,
  forms: string[],
  minLength = 1,
  exact = false
): string[] {
  return pieces(forms, minLength, exact).filter(piece => shown.includes(piece))
}

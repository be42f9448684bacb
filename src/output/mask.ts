import * as core from '../actions-core.js'
import { scanJson } from './json-scan.js'

export type SecretData = string | Uint8Array

/** Forms shorter than this are left to the runner's masks when we scrub our own messages. */
const SCRUB_MIN = 4

/** A line made only of JSON structure ('{', '},', '":') carries nothing and would blank logs. */
const JSON_STRUCTURE = /^[\s{}[\],:]*$/

/**
 * The JSON keys a user declared non-secret (the `unmasked` input): leaves under them are not
 * registered one by one. A key matches by name or by the path that ends with it (`db.host`,
 * `DB_HOST`), case and punctuation ignored; arrays add nothing to a path.
 */
export class Unmasked {
  private readonly names: Set<string>
  private readonly longest: number

  constructor(entries: readonly string[] = []) {
    this.names = new Set(entries.map(unmaskedName).filter(name => name !== ''))
    this.longest = Math.max(0, ...[...this.names].map(name => name.length))
  }

  get size(): number {
    return this.names.size
  }

  /** Whether the leaf at `path` + `key` (names as unmaskedName gives them) is declared plain. */
  matches(path: readonly string[], key: string): boolean {
    if (this.names.size === 0) return false
    let suffix = key
    for (let i = path.length; ; i--) {
      if (suffix.length > this.longest) return false
      if (this.names.has(suffix)) return true
      if (i === 0) return false
      suffix = `${path[i - 1]}_${suffix}`
    }
  }
}

// Built on first use, not written as a literal: V8 checks a regex literal each time it parses
// the file, at every start, and checking these Unicode classes costs about 0.5 ms.
let notLetterOrDigit: RegExp | undefined

/**
 * `db.host`, `DB_HOST`, `db-host` and `Db Host` all name the same leaf. Only ASCII letters fold:
 * `toUpperCase()` would make a key `hoſt` or `paß` match `host` or `pass` and leave it unmasked.
 */
export function unmaskedName(text: string): string {
  notLetterOrDigit ??= new RegExp('[^\\p{L}\\p{N}]+', 'gu')
  return text
    .replace(/[a-z]+/g, letters => letters.toUpperCase())
    .replace(notLetterOrDigit, '_')
    .replace(/^_+|_+$/g, '')
}

const NONE = new Unmasked()

/**
 * Every form a value can show up in a log: the whole value, each line (the runner masks line by
 * line), each JSON string and number leaf (never true, false or null, and not those under an
 * unmasked key), and the JSON-escaped form of each (a value inside logged JSON).
 */
export function maskForms(
  value: SecretData,
  unmasked: Unmasked = NONE,
  plain?: Set<string>
): string[] {
  const forms = new Set<string>()
  const add = (text: string): void => {
    if (text.trim() === '' || forms.has(text)) return
    forms.add(text)
    const escaped = JSON.stringify(text).slice(1, -1)
    if (escaped !== text) forms.add(escaped)
  }
  // A work list, not recursion: a leaf may itself be JSON text, to any depth.
  const pending: string[] = []
  // Bytes that are not UTF-8 (a key file with one stray byte, Latin-1 text) still print their
  // valid lines as text when a later step shows the file: those lines are masked too, but not
  // the short ones random bytes are full of (a line `e` would blank every e of the job's log).
  let lossy: string | undefined
  if (typeof value === 'string') {
    pending.push(value)
  } else {
    add(Buffer.from(value).toString('base64'))
    const text = decodeUtf8(value)
    lossy = text === undefined ? new TextDecoder('utf-8').decode(value) : undefined
    pending.push(text ?? (lossy as string))
  }
  const done = new Set<string>()
  for (let text = pending.pop(); text !== undefined; text = pending.pop()) {
    if (done.has(text)) continue
    done.add(text)
    add(text)
    const shortest = text === lossy ? SCRUB_MIN : 1
    for (const line of text.split(/\r?\n|\r/)) {
      if (line.length >= shortest && !JSON_STRUCTURE.test(line)) add(line)
    }
    pending.push(...jsonLeaves(text, unmasked, plain))
  }
  return [...forms]
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
}

/**
 * String forms of the string and number leaves of a JSON object or array, numbers as the text
 * writes them (JSON.parse rounds 2^53+1 and turns 1.50 into 1.5; the written form is what
 * shows) and as JavaScript prints them. Every value of a duplicate key counts. [] for anything
 * that is not a JSON object or array. Iterative: 10,000 levels deep is fine.
 */
export function jsonLeaves(text: string, unmasked: Unmasked = NONE, plain?: Set<string>): string[] {
  const trimmed = text.trim()
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return []
  try {
    JSON.parse(trimmed)
  } catch {
    return []
  }
  const leaves: string[] = []
  const forms = (leaf: string, number: boolean): string[] => {
    if (!number) return [leaf]
    const value = Number(leaf)
    const printed = String(value)
    return printed !== leaf && Number.isFinite(value) && value !== 0 ? [leaf, printed] : [leaf]
  }
  scanLeaves(trimmed, unmasked, (leaf, kind, hidden) => {
    if (kind === 'literal' || hidden) forms(leaf, kind === 'number').forEach(f => plain?.add(f))
    else leaves.push(...forms(leaf, kind === 'number'))
  })
  return leaves
}

interface Frame {
  object: boolean
  /** Where it opens in the text. */
  start: number
  /** Under an unmasked key: nothing below is a leaf to register. */
  hidden: boolean
  /** Entered through an object key, which is on the key path while inside. */
  keyed: boolean
}

const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const STRING_TOKEN = /"(?:[^"\\]|\\.)*"/g

/**
 * A container's text as it is exported (output/json.ts's jsonText): compact, numbers as written,
 * strings as JSON.stringify writes them (`\/` and `\u00e9` decoded). Library-free, no recursion.
 */
function exportedForm(container: string): string {
  return scanJson(container).compact.replace(STRING_TOKEN, token => {
    try {
      return JSON.stringify(JSON.parse(token))
    } catch {
      return token // not valid JSON (a raw tab): nothing exports it as JSON
    }
  })
}

type LeafKind = 'string' | 'number' | 'literal' | 'container'

/**
 * Walks valid JSON text token by token, calling onLeaf for each value that is not a container,
 * and for each container that is the top of a hidden subtree (as compact JSON: how a value under
 * an unmasked key is exported). `hidden`: under an unmasked key.
 */
function scanLeaves(
  json: string,
  unmasked: Unmasked,
  onLeaf: (leaf: string, kind: LeafKind, hidden: boolean) => void
): void {
  const frames: Frame[] = []
  const path: string[] = []
  let key: string | undefined
  let expectKey = false
  const hidden = (): boolean => {
    const top = frames[frames.length - 1]
    if (top === undefined) return false
    if (top.hidden) return true
    return top.object && key !== undefined && unmasked.matches(path, key)
  }
  for (let i = 0; i < json.length;) {
    const c = json[i]
    if (c === '"') {
      const end = stringEnd(json, i)
      const text = JSON.parse(json.slice(i, end)) as string
      i = end
      if (expectKey) {
        // unmaskedName's Unicode regex costs a start about half a millisecond to compile.
        key = unmasked.size === 0 ? text : unmaskedName(text)
        expectKey = false
      } else {
        onLeaf(text, 'string', hidden())
      }
    } else if (c === '{' || c === '[') {
      const keyed = frames[frames.length - 1]?.object === true && key !== undefined
      frames.push({ object: c === '{', start: i, hidden: hidden(), keyed })
      if (keyed) path.push(key as string)
      key = undefined
      expectKey = c === '{'
      i++
    } else if (c === '}' || c === ']') {
      const frame = frames.pop()
      if (frame?.keyed) path.pop()
      if (frame?.hidden && frames[frames.length - 1]?.hidden === false) {
        onLeaf(exportedForm(json.slice(frame.start, i + 1)), 'container', true)
      }
      key = undefined
      expectKey = false
      i++
    } else if (c === ',') {
      expectKey = frames[frames.length - 1]?.object === true
      i++
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i
      const literal = NUMBER.exec(json)?.[0] ?? c
      onLeaf(literal, 'number', hidden())
      i += literal.length
    } else if (c === 't' || c === 'n' || c === 'f') {
      // true, false, null: never registered, they would blank that word in every log
      const literal = c === 't' ? 'true' : c === 'n' ? 'null' : 'false'
      onLeaf(literal, 'literal', hidden())
      i += literal.length
    } else {
      i++
    }
  }
}

/** The index just past the closing quote of the string that opens at `start`. */
function stringEnd(json: string, start: number): number {
  for (let quote = json.indexOf('"', start + 1); quote >= 0; quote = json.indexOf('"', quote + 1)) {
    let backslashes = 0
    while (json[quote - 1 - backslashes] === '\\') backslashes++
    if (backslashes % 2 === 0) return quote + 1
  }
  return json.length
}

/** Registers secrets with the runner once each, and scrubs them from text we produce. */
export class Masker {
  private readonly registered = new Set<string>()
  /** Leaves left unregistered: true, false, null, and those under unmasked keys. */
  private readonly plain = new Set<string>()
  /** Registered forms of SCRUB_MIN+ characters by their first SCRUB_MIN, longest first. */
  private index: Map<string, string[]> | undefined
  private unmasked = NONE

  constructor(private readonly setSecret: (value: string) => void = core.setSecret) {}

  /** The keys declared non-secret; applies to values added from now on. */
  unmask(unmasked: Unmasked): void {
    this.unmasked = unmasked
  }

  /** Forgets every form and the unmasked keys: a new job (tests run many in one process). */
  reset(): void {
    this.registered.clear()
    this.plain.clear()
    this.index = undefined
    this.unmasked = NONE
  }

  /** A value as it arrives: registered whole, with its lines and leaves. */
  add(value: SecretData): void {
    for (const form of maskForms(value, this.unmasked, this.plain)) {
      if (this.registered.has(form)) continue
      this.registered.add(form)
      this.index = undefined
      this.setSecret(form)
    }
  }

  /**
   * A value about to be exported, registered again: except a leaf of an arrived value that was
   * left unregistered on purpose (`true`, a host under an unmasked key), which stays plain.
   */
  addEmitted(value: SecretData): void {
    if (typeof value === 'string' && this.plain.has(value) && !this.registered.has(value)) return
    this.add(value)
  }

  /**
   * Replaces registered forms with ***, leftmost and longest first: a backstop for messages and
   * the summary, which are built from names and ids only. Forms under 4 characters ("1") are
   * left to the runner's log masking; scrubbing them here would garble every number in a
   * message. A plain scan (no regular expression: 64 KiB values would outgrow one); never
   * throws, and if scrubbing fails nothing of the text is returned.
   */
  redact(text: string): string {
    try {
      const index = (this.index ??= this.buildIndex())
      if (index.size === 0) return text
      let out = ''
      let kept = 0
      for (let at = 0; at + SCRUB_MIN <= text.length;) {
        const form = index.get(text.slice(at, at + SCRUB_MIN))?.find(f => text.startsWith(f, at))
        if (form === undefined) {
          at++
          continue
        }
        out += `${text.slice(kept, at)}***`
        at += form.length
        kept = at
      }
      return out + text.slice(kept)
    } catch {
      return '(not shown: the message could not be checked for secret values)'
    }
  }

  private buildIndex(): Map<string, string[]> {
    const index = new Map<string, string[]>()
    for (const form of this.registered) {
      if (form.length < SCRUB_MIN) continue
      const head = form.slice(0, SCRUB_MIN)
      const bucket = index.get(head)
      if (bucket) bucket.push(form)
      else index.set(head, [form])
    }
    for (const bucket of index.values()) bucket.sort((a, b) => b.length - a.length)
    return index
  }
}

/** The masker of this process: values are registered the moment they arrive. */
export const masker = new Masker()

/** A masker that tells the runner nothing: for a rehearsal on made-up values. */
export function scratchMasker(): Masker {
  return new Masker(() => {})
}

/** A URL's password (a proxy's, say) is a secret too: registered in both of its spellings. */
export function maskUrlPassword(text: string | undefined, target: Masker = masker): void {
  let password: string
  try {
    password = new URL(text ?? '').password
  } catch {
    return
  }
  if (!password) return
  target.add(password)
  try {
    target.add(decodeURIComponent(password))
  } catch {
    // not valid percent-encoding: the encoded form is what would show
  }
}

/**
 * `scheme://user:password@host/...?query` as `scheme://***@host/...`, for messages and debug
 * lines: the query and fragment go first (a token may ride in them, `@` and all), then everything
 * up to the last `@`, with or without a scheme (`http//user:pw@proxy`).
 */
export function withoutUserInfo(url: string): string {
  const text = url.replace(/[?#].*$/s, '')
  const at = text.lastIndexOf('@')
  if (at < 0) return text
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(text)?.[0] ?? ''
  return `${scheme.length <= at ? scheme : ''}***${text.slice(at)}`
}

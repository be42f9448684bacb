import * as core from '../actions-core.js'

export type SecretData = string | Uint8Array

/**
 * Every form a value can show up in a log: the whole value, each line (the runner masks line by
 * line), each JSON leaf, and the JSON-escaped form of each (a value inside logged JSON).
 */
export function maskForms(value: SecretData): string[] {
  const forms = new Set<string>()
  const add = (text: string): void => {
    if (text.trim() === '') return
    forms.add(text)
    const escaped = JSON.stringify(text).slice(1, -1)
    if (escaped !== text) forms.add(escaped)
  }
  const addText = (text: string): void => {
    add(text)
    // A line of only punctuation ('{', '},') carries no secret and would blank it in every log.
    for (const line of text.split(/\r?\n|\r/)) if (/[\p{L}\p{N}]/u.test(line)) add(line)
    for (const leaf of jsonLeaves(text)) addText(leaf)
  }
  if (typeof value === 'string') {
    addText(value)
  } else {
    add(Buffer.from(value).toString('base64'))
    const text = decodeUtf8(value)
    if (text !== undefined) addText(text)
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

/** String forms of every leaf of a JSON object or array; [] for anything else. */
export function jsonLeaves(text: string): string[] {
  const trimmed = text.trim()
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return []
  let parsed: unknown
  try {
    parsed = JSON.parse(trimmed)
  } catch {
    return []
  }
  const leaves: string[] = []
  const walk = (node: unknown): void => {
    if (node !== null && typeof node === 'object') {
      Object.values(node).forEach(walk)
    } else if (node !== null) {
      leaves.push(String(node))
    }
  }
  walk(parsed)
  return [...leaves, ...numberLiterals(trimmed)]
}

/**
 * Numbers as the JSON text writes them: JSON.parse rounds an integer beyond 2^53 and turns
 * 1.0 into 1, and the form that shows in a log is the written one.
 */
function numberLiterals(json: string): string[] {
  const outsideStrings = json.replace(/"(?:[^"\\]|\\.)*"/g, '""')
  return outsideStrings.match(/-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g) ?? []
}

/** Registers secrets with the runner once each, and scrubs them from text we produce. */
export class Masker {
  private readonly registered = new Set<string>()
  private pattern: RegExp | undefined

  constructor(private readonly setSecret: (value: string) => void = core.setSecret) {}

  add(value: SecretData): void {
    for (const form of maskForms(value)) {
      if (this.registered.has(form)) continue
      this.registered.add(form)
      this.pattern = undefined
      this.setSecret(form)
    }
  }

  /**
   * Replaces registered forms with ***: a backstop for messages and the summary, which are built
   * from names and ids only. Forms under 4 characters ("1", "true") are left to the runner's log
   * masking; scrubbing them here would garble every number in a message.
   */
  redact(text: string): string {
    this.pattern ??= this.compile()
    return this.pattern ? text.replace(this.pattern, '***') : text
  }

  /** One alternation, longest first, so a value is replaced whole before any part of it. */
  private compile(): RegExp | undefined {
    const forms = [...this.registered]
      .filter(form => form.length >= 4)
      .sort((a, b) => b.length - a.length)
      .map(form => form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    return forms.length > 0 ? new RegExp(forms.join('|'), 'g') : undefined
  }
}

/** The masker of this process: values are registered the moment they arrive. */
export const masker = new Masker()

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

/** `scheme://user:password@host/...` as `scheme://***@host/...`, for messages and debug lines. */
export function withoutUserInfo(text: string): string {
  return text.replace(/^([^:/?#]*:\/\/).*@/, '$1***@')
}

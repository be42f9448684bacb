/**
 * What check-changed keeps between runs: secret names and version ids, never values.
 * The same JSON document is the state file (cache: file) and the Actions cache entry.
 */

/** Secret name to its AWSCURRENT version id ('' when the secret has no current version). */
export type VersionMap = Record<string, string>

export const STATE_SCHEMA = 1
/** Marks a file as this action's state: only such a file is ever replaced (cache: file). */
export const STATE_KIND = 'secrets-manager-action/check-changed'

export interface StateDocument {
  versionIds: VersionMap
  /**
   * The run that wrote it and the ids that run compared against (null: a first run). A re-run
   * of that run compares against the same baseline, so it reports what the first attempt did.
   */
  run?: { id: string; attempt: number; baseline: VersionMap | null }
}

/** A state that exists but cannot be trusted; never read as "nothing changed". */
export class CorruptStateError extends Error {
  constructor(reason: string) {
    super(reason)
    this.name = 'CorruptStateError'
  }
}

const printable = (text: string, min: number, max: number): boolean =>
  text.length >= min && text.length <= max && ![...text].some(c => c < ' ' || c === '\u007f')

export function parseState(text: string): StateDocument {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new CorruptStateError('it is not valid JSON')
  }
  if (!isObject(parsed)) throw new CorruptStateError('it is not a JSON object')
  if (parsed.schema !== STATE_SCHEMA) {
    throw new CorruptStateError(
      `its schema is ${JSON.stringify(parsed.schema)}, not ${STATE_SCHEMA}`
    )
  }
  const doc: StateDocument = { versionIds: versionMap(parsed.versionIds, 'versionIds') }
  if (parsed.run !== undefined) doc.run = runOf(parsed.run)
  return doc
}

/**
 * Whether a file's text is a state file of this action, corrupt or not: it has our kind, or it
 * is one written before the marker existed (schema 1 with versionIds), or it is cut off after
 * naming our kind. Anything else is a file
 * of the workflow's own that state-file must never replace.
 */
export function isStateText(text: string): boolean {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    // A cut-off state file still names its kind near the start.
    return text.includes(`"kind": "${STATE_KIND}"`) || text.includes(`"kind":"${STATE_KIND}"`)
  }
  if (!isObject(parsed)) return false
  return parsed.kind === STATE_KIND || (parsed.schema === STATE_SCHEMA && 'versionIds' in parsed)
}

/** Stable text: sorted names, so a committed state file only changes when an id does. */
export function serializeState(doc: StateDocument): string {
  const out: Record<string, unknown> = {
    kind: STATE_KIND,
    schema: STATE_SCHEMA,
    versionIds: sorted(doc.versionIds)
  }
  if (doc.run) {
    const { id, attempt, baseline } = doc.run
    out.run = { id, attempt, baseline: baseline && sorted(baseline) }
  }
  return `${JSON.stringify(out, null, 2)}\n`
}

export function sorted(map: VersionMap): VersionMap {
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

function runOf(value: unknown): NonNullable<StateDocument['run']> {
  if (!isObject(value)) throw new CorruptStateError('run is not an object')
  const { id, attempt, baseline } = value
  if (typeof id !== 'string' || !/^[\w.-]{1,64}$/.test(id)) {
    throw new CorruptStateError('run.id is not a run id')
  }
  if (typeof attempt !== 'number' || !Number.isInteger(attempt) || attempt < 1) {
    throw new CorruptStateError('run.attempt is not a positive whole number')
  }
  return { id, attempt, baseline: baseline === null ? null : versionMap(baseline, 'run.baseline') }
}

function versionMap(value: unknown, field: string): VersionMap {
  if (!isObject(value)) throw new CorruptStateError(`${field} is not an object`)
  const entries = Object.entries(value)
  for (const [name, id] of entries) {
    if (!printable(name, 1, 2048))
      throw new CorruptStateError(`${field} has a key that is not a name`)
    if (typeof id !== 'string' || !printable(id, 0, 64)) {
      throw new CorruptStateError(`${field} has a value that is not a version id`)
    }
  }
  // fromEntries, not assignment: '__proto__' and 'constructor' are valid secret names.
  return Object.fromEntries(entries) as VersionMap
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

import { ActionError, InputError } from '../errors.js'
import type { Inputs } from '../inputs/reader.js'
import type { Emission } from '../output/emission.js'
import { parseSecretIds, requestLabel, type SecretRequest } from '../secrets/ids.js'
import { compareVersions, namedBy, type Row } from '../versions/compare.js'
import { readCurrentVersions } from '../versions/current.js'
import { sorted, type VersionMap } from '../versions/state.js'
import { openStore, type Loaded, type StoreConfig } from '../versions/store.js'
import type { ModeHandler } from './types.js'
import { logName } from '../output/escape.js'
import { log } from '../output/log.js'

export interface CheckChangedConfig {
  requests: SecretRequest[]
  store: StoreConfig
  firstRun: FirstRun
}

const CACHES = ['actions', 'file', 'none'] as const
const FIRST_RUN = ['changed', 'unchanged'] as const
type FirstRun = (typeof FIRST_RUN)[number]

export const checkChangedMode: ModeHandler<CheckChangedConfig> = {
  exportDefaults: { env: false, outputs: false },
  writesOutputDir: true,

  parse(inputs) {
    // Aliases (ALIAS,id) are accepted and ignored, so a fetch step's list can be reused as is.
    const requests = parseSecretIds(inputs.raw('secret-ids'), 'secret-ids')
    if (requests.length === 0) {
      throw new InputError(
        'secret-ids',
        'is required in check-changed mode: list one secret per line'
      )
    }
    return {
      requests,
      store: parseStore(inputs),
      firstRun: inputs.oneOf('first-run', FIRST_RUN, 'changed')
    }
  },

  secretArns: config => config.requests.filter(r => r.kind === 'arn').map(r => r.id),

  async run(config, { clients, env }) {
    const store = openStore(config.store, config.requests, env)
    const [loaded, current] = await Promise.all([
      store.load(),
      readCurrentVersions(clients, config.requests)
    ])
    const versionIds = sorted(Object.fromEntries(current.secrets.map(s => [s.name, s.versionId])))
    const { baseline, note } = baselineOf(loaded, env)
    checkMissing(current.missing, baseline)

    const rows = baseline
      ? compareVersions(baseline, versionIds, config.requests)
      : Object.entries(versionIds).map(([name, id]): Row => ({ name, current: id, status: 'new' }))
    const reportAll = loaded.kind === 'unreadable' || config.firstRun === 'changed'
    const changed = rows
      .filter(row => (baseline ? row.status !== 'unchanged' : reportAll))
      .map(row => row.name)
    logChanges(rows, baseline === undefined, changed.length > 0)

    const runId = env.GITHUB_RUN_ID
    const attempt = Number(env.GITHUB_RUN_ATTEMPT) || 1
    await store.save({
      versionIds,
      run: runId ? { id: runId, attempt, baseline: baseline ?? null } : undefined
    })

    const metadata = Object.fromEntries(
      [...current.secrets]
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .map(secret => [secret.name, secret.metadata ?? { arn: secret.arn }])
    )
    const previous = Object.fromEntries(
      rows.filter(row => row.previous !== undefined).map(row => [row.name, row.previous])
    )
    return {
      outputs: {
        changed: String(changed.length > 0),
        'changed-secrets': JSON.stringify(changed),
        'version-ids': JSON.stringify(versionIds),
        'previous-version-ids': JSON.stringify(previous),
        metadata: JSON.stringify(metadata)
      },
      plainFiles: [{ file: 'metadata.json', text: `${JSON.stringify(metadata, null, 2)}\n` }],
      summary: summaryOf(rows, changed, baseline === undefined, [
        `Previous version ids: ${store.where}.`,
        ...(note ? [note] : [])
      ])
    }
  }
}

function parseStore(inputs: Inputs): StoreConfig {
  const kind = inputs.oneOf('cache', CACHES, 'actions')
  const stateFile = inputs.optional('state-file')
  const key = inputs.optional('cache-key')
  if (stateFile !== undefined && kind !== 'file') {
    throw new InputError('state-file', `is only used with cache: file (cache is ${kind})`)
  }
  if (key !== undefined && kind !== 'actions') {
    throw new InputError('cache-key', `is only used with cache: actions (cache is ${kind})`)
  }
  if (kind === 'file') {
    if (stateFile === undefined) {
      throw new InputError(
        'state-file',
        'is required with cache: file: give the path of a JSON file'
      )
    }
    return { kind, path: stateFile }
  }
  if (kind === 'none') return { kind }
  if (key !== undefined && !/^[^,\s]{1,400}$/.test(key)) {
    throw new InputError('cache-key', 'must be 1 to 400 characters without commas or whitespace')
  }
  return { kind, key }
}

/**
 * The ids to compare against: the previous run's, or, when this run already saved ids (a
 * re-run, or a second step with the same key), the ids that first attempt compared against.
 */
function baselineOf(
  loaded: Loaded,
  env: NodeJS.ProcessEnv
): { baseline?: VersionMap; note?: string } {
  if (loaded.kind !== 'found') return {}
  const { doc } = loaded
  if (!doc.run || !env.GITHUB_RUN_ID || doc.run.id !== env.GITHUB_RUN_ID) {
    return { baseline: doc.versionIds }
  }
  const note =
    `Run ${doc.run.id} already checked these secrets (attempt ${doc.run.attempt}): comparing ` +
    'against the ids that check compared against, so a re-run reports the same changes.'
  return { baseline: doc.run.baseline ?? undefined, note }
}

/**
 * A request that matches nothing is a gone secret when the previous run knew it, else an
 * error: a typo in secret-ids must not pass as "nothing changed" forever.
 */
function checkMissing(missing: SecretRequest[], baseline: VersionMap | undefined): void {
  const unknown: string[] = []
  for (const request of missing) {
    const label = requestLabel(request)
    if (baseline === undefined || namedBy(request, baseline).length === 0) {
      unknown.push(label)
    } else if (request.kind === 'name' || request.kind === 'arn') {
      log.warning(
        `Secret '${label}' no longer exists (deleted or scheduled for deletion): reported as ` +
          'changed. Remove it from secret-ids, or the next run fails.'
      )
    }
  }
  if (unknown.length === 0) return
  throw new ActionError(
    `check-changed: no secret matches ${unknown.map(label => `'${label}'`).join(', ')} ` +
      '(not found, or scheduled for deletion). Check secret-ids and the region; a secret the ' +
      'previous run saw is reported as changed instead.'
  )
}

const LOGGED_ROWS = 50

function logChanges(rows: Row[], firstRun: boolean, changed: boolean): void {
  if (firstRun) {
    const count = `${rows.length} secret${rows.length === 1 ? '' : 's'}`
    log.info(`First run: ${count} recorded, reported as ${changed ? 'changed' : 'unchanged'}.`)
    return
  }
  const notable = rows.filter(row => row.status !== 'unchanged')
  for (const row of notable.slice(0, LOGGED_ROWS)) {
    log.info(
      `${row.status}: ${logName(row.name)} (${row.previous ?? '-'} -> ${row.current ?? '-'})`
    )
  }
  if (notable.length > LOGGED_ROWS) {
    log.info(`... and ${notable.length - LOGGED_ROWS} more: see the job summary.`)
  }
  if (notable.length === 0) log.info(`No change in ${rows.length} secret(s).`)
}

function summaryOf(
  rows: Row[],
  changed: string[],
  firstRun: boolean,
  notes: string[]
): NonNullable<Emission['summary']> {
  const count = `${rows.length} secret${rows.length === 1 ? '' : 's'}`
  const heading = firstRun
    ? `check-changed: first run, ${count} recorded (reported as ${changed.length ? 'changed' : 'unchanged'})`
    : changed.length
      ? `check-changed: ${changed.length} of ${count} changed`
      : `check-changed: no change in ${count}`
  const notable = (row: Row) => firstRun || row.status !== 'unchanged'
  const id = (value: string | undefined) =>
    value === undefined ? '-' : value === '' ? '(no current version)' : value
  return {
    heading,
    header: ['Secret', 'Previous version id', 'Current version id', 'Status'],
    // What changed first, then the rest; by name within each.
    rows: [...rows.filter(notable), ...rows.filter(row => !notable(row))].map(row => [
      row.name,
      id(row.previous),
      id(row.current),
      firstRun ? 'first run' : row.status
    ]),
    notes
  }
}

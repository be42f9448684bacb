/** Where check-changed keeps the previous run's version ids: the Actions cache, a file, or nowhere. */
import * as core from '../actions-core.js'
import { createHash, randomUUID } from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import type { SecretRequest } from '../secrets/ids.js'
import { CorruptStateError, parseState, serializeState, type StateDocument } from './state.js'

export type StoreConfig =
  { kind: 'actions'; key?: string } | { kind: 'file'; path: string } | { kind: 'none' }

export type Loaded =
  | { kind: 'found'; doc: StateDocument }
  /** Nothing kept yet (or the cache service is unavailable): a first run. */
  | { kind: 'none' }
  /** Kept but unusable (warned): a first run that must be reported as changed. */
  | { kind: 'unreadable' }

export interface VersionStore {
  /** Where the ids are kept, for the summary. */
  readonly where: string
  load(): Promise<Loaded>
  save(doc: StateDocument): Promise<void>
}

export function openStore(
  config: StoreConfig,
  requests: SecretRequest[],
  env: NodeJS.ProcessEnv
): VersionStore {
  if (config.kind === 'file') return new FileStore(config.path)
  if (config.kind === 'none') return new NoStore()
  const prefix = config.key ?? defaultCacheKey(requests, env)
  return new ActionsCacheStore(prefix, env)
}

/** One key per repository, workflow, job and list of secret ids (in any order). */
export function defaultCacheKey(requests: SecretRequest[], env: NodeJS.ProcessEnv): string {
  const ids = [...new Set(requests.map(r => (r.kind === 'prefix' ? `${r.id}*` : r.id)))].sort()
  const scope = [env.GITHUB_REPOSITORY, env.GITHUB_WORKFLOW, env.GITHUB_JOB].map(s => s ?? '')
  const digest = createHash('sha256')
    .update(JSON.stringify([...scope, ids]))
    .digest('hex')
  return `secrets-manager-action-check-changed-${digest.slice(0, 24)}`
}

class NoStore implements VersionStore {
  readonly where = 'nowhere (cache: none)'

  async load(): Promise<Loaded> {
    return { kind: 'none' }
  }

  async save(): Promise<void> {}
}

/** A JSON file the workflow persists as it likes; written atomically (temp file + rename). */
export class FileStore implements VersionStore {
  readonly where: string

  constructor(private readonly file: string) {
    this.where = `state file '${file}'`
  }

  async load(): Promise<Loaded> {
    let text: string
    try {
      text = await fs.promises.readFile(this.file, 'utf8')
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT') {
        core.info(`No state file at '${this.file}' yet: this is a first run.`)
        return { kind: 'none' }
      }
      core.warning(
        `Could not read the state file '${this.file}' (${code}): comparing against nothing, ` +
          'so every secret is reported as changed.'
      )
      return { kind: 'unreadable' }
    }
    return readDocument(text, this.where)
  }

  async save(doc: StateDocument): Promise<void> {
    // No run details in a file: it only changes when a version id does (nice to commit).
    const text = serializeState({ versionIds: doc.versionIds })
    const dir = path.dirname(path.resolve(this.file))
    const temp = path.join(dir, `.${path.basename(this.file)}.${randomUUID()}.tmp`)
    try {
      await fs.promises.mkdir(dir, { recursive: true })
      await fs.promises.writeFile(temp, text, { flag: 'wx' })
      await fs.promises.rename(temp, this.file)
    } catch (error) {
      await fs.promises.rm(temp, { force: true })
      // Not fatal: the next run compares against older ids and reports changed, never less.
      const code = (error as NodeJS.ErrnoException).code ?? String(error)
      core.warning(
        `Could not write the state file '${this.file}' (${code}): the next run will report ` +
          "these changes again. Check state-file and the directory's permissions."
      )
    }
  }
}

/**
 * The GitHub Actions cache: restores the newest entry under the key prefix and saves a new one
 * under a key unique to the run and attempt (cache entries cannot be overwritten).
 */
export class ActionsCacheStore implements VersionStore {
  readonly where: string
  private readonly file: string
  private available = false

  constructor(
    private readonly prefix: string,
    private readonly env: NodeJS.ProcessEnv
  ) {
    this.where = `Actions cache, key prefix '${prefix}-'`
    // The cache version hashes this path, so it must be the same in every run: a fixed name
    // under RUNNER_TEMP, one per key prefix.
    const digest = createHash('sha256').update(prefix).digest('hex').slice(0, 16)
    const root = env.RUNNER_TEMP || os.tmpdir()
    this.file = path.join(root, 'secrets-manager-action', `check-changed-${digest}`, 'ids.json')
  }

  get saveKey(): string {
    const run = this.env.GITHUB_RUN_ID || String(Date.now())
    return `${this.prefix}-${run}-${this.env.GITHUB_RUN_ATTEMPT || '1'}`
  }

  async load(): Promise<Loaded> {
    const cache = await actionsCache()
    if (!cache.isFeatureAvailable()) {
      core.warning(
        'The GitHub Actions cache service is not available (not running on a GitHub runner?): ' +
          'this is a first run, and the version ids will not be kept. Use cache: file outside ' +
          'GitHub Actions.'
      )
      return { kind: 'none' }
    }
    this.available = true
    // Only what the restore brings back may be read: start from an empty private directory.
    const dir = path.dirname(this.file)
    await fs.promises.rm(dir, { recursive: true, force: true })
    await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 })
    let hit: string | undefined
    try {
      hit = await cache.restoreCache([this.file], this.saveKey, [`${this.prefix}-`])
    } catch (error) {
      core.warning(`Could not restore the version ids from the Actions cache: ${errorText(error)}`)
      return { kind: 'none' }
    }
    if (hit === undefined) {
      core.info(`No previous version ids in the ${this.where}: this is a first run.`)
      return { kind: 'none' }
    }
    core.info(`Previous version ids restored from the Actions cache entry '${hit}'.`)
    let text: string
    try {
      text = await fs.promises.readFile(this.file, 'utf8')
    } catch (error) {
      core.warning(
        `The Actions cache entry '${hit}' holds no readable version ids ` +
          `(${(error as NodeJS.ErrnoException).code}): every secret is reported as changed.`
      )
      return { kind: 'unreadable' }
    }
    return readDocument(text, `Actions cache entry '${hit}'`)
  }

  async save(doc: StateDocument): Promise<void> {
    if (!this.available) return
    await fs.promises.mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 })
    await fs.promises.writeFile(this.file, serializeState(doc))
    const cache = await actionsCache()
    try {
      // Failures other than a bad key are warnings inside saveCache, and it returns -1.
      const id = await cache.saveCache([this.file], this.saveKey)
      if (id !== -1) core.info(`Version ids saved to the Actions cache as '${this.saveKey}'.`)
    } catch (error) {
      core.warning(`Could not save the version ids to the Actions cache: ${errorText(error)}`)
    }
  }
}

// Loaded on first use: @actions/cache (and the Azure SDK it brings) doubles the bundle, and no
// other mode or cache kind needs it at start-up.
const actionsCache = () => import('@actions/cache')

function readDocument(text: string, where: string): Loaded {
  try {
    return { kind: 'found', doc: parseState(text) }
  } catch (error) {
    if (!(error instanceof CorruptStateError)) throw error
    core.warning(
      `The ${where} is corrupt (${error.message}): comparing against nothing, so every secret ` +
        'is reported as changed. It is replaced at the end of this run.'
    )
    return { kind: 'unreadable' }
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

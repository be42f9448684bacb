import type { SecretData } from './mask.js'

/** A secret value a handler wants delivered; where it goes depends on the export inputs. */
export interface SecretTarget {
  /** Env var and step output name. */
  name: string
  value: SecretData
  /** The secret it came from, for messages and the summary. */
  source: string
  /** File name under output-dir; files are written only for targets that name one. */
  file?: string
  /**
   * Where it may go, further limited by export-env, export-outputs and output-dir.
   * Default: all three. A pending password, say, goes only to ['output'], always.
   */
  channels?: Channel[]
}

export type Channel = 'env' | 'output' | 'file'

export interface PlainFile {
  file: string
  text: string
}

/** A cell of the summary: text, or text shown as code (a query as written). */
export type SummaryCell = string | { code: string }

export interface SummaryTable {
  heading: string
  header: string[]
  rows: SummaryCell[][]
  notes?: string[]
}

/**
 * One file at a path the user chose (render's output-file), written whole with mode 0600 after
 * every secret of the emission is masked. Its values must be among the emission's `secrets`.
 */
export interface FileWrite {
  /** Absolute. */
  path: string
  content: SecretData
  /** Replace an existing file (atomically, by rename) instead of refusing to. */
  overwrite: boolean
  /** Not removed by the post step. */
  keep: boolean
}

/** What a handler returns: the output layer masks all of it first, then emits. */
export interface Emission {
  secrets?: SecretTarget[]
  /** Step outputs that are not secret: ids, counts, flags. */
  outputs?: Record<string, string>
  summary?: SummaryTable
  files?: FileWrite[]
  /** Files that hold no secret value (metadata): written into output-dir when it is given. */
  plainFiles?: PlainFile[]
  /** Saved for the post step of this mode. */
  state?: Record<string, string>
}

/** Where an Emission goes, as the inputs give it (parsed in src/inputs/common.ts). */
export interface EmitConfig {
  env: boolean
  outputs: boolean
  outputDir?: string
}

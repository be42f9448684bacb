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

export interface SummaryTable {
  heading: string
  header: string[]
  rows: string[][]
  notes?: string[]
}

/** What a handler returns: the output layer masks all of it first, then emits. */
export interface Emission {
  secrets?: SecretTarget[]
  /** Step outputs that are not secret: ids, counts, flags. */
  outputs?: Record<string, string>
  summary?: SummaryTable
  /** Saved for the post step of this mode. */
  state?: Record<string, string>
}

/** Where an Emission goes, as the inputs give it (parsed in src/inputs/common.ts). */
export interface EmitConfig {
  env: boolean
  outputs: boolean
  outputDir?: string
}

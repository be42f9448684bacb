// What the security tests look for: secret material in what a run shows, values emitted without
// a mask, stack traces, and writes to moto. No jest imports here: scripts may import it too.
import {
  ListSecretsCommand,
  ListSecretVersionIdsCommand,
  type SecretsManagerClient
} from '@aws-sdk/client-secrets-manager'
import { runnerMaskedLog } from './runner.js'

export type Secret = string | Uint8Array

/** Shorter pieces are too common in any log to mean anything ('true', '443', 'abc'). */
export const MIN_PIECE = 4

/**
 * Every form in which a secret's material could show: the whole value, each line (trimmed),
 * each JSON leaf, the JSON-escaped form of each, and base64 (of the bytes, or the UTF-8 text).
 */
export function secretPieces(secret: Secret): string[] {
  const pieces = new Set<string>()
  const add = (text: string): void => {
    if (text.trim().length < MIN_PIECE) return
    pieces.add(text)
    const escaped = JSON.stringify(text).slice(1, -1)
    if (escaped !== text) pieces.add(escaped)
  }
  const addText = (text: string): void => {
    add(text)
    for (const line of text.split(/\r\n|\r|\n/)) add(line.trim())
    for (const leaf of leaves(text)) addText(leaf)
  }
  const bytes = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret)
  add(bytes.toString('base64'))
  const text = typeof secret === 'string' ? secret : utf8(bytes)
  if (text !== undefined) addText(text)
  return [...pieces]
}

function utf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
}

/** String and number leaves (true, false and null are never masks), walked without recursion. */
function leaves(text: string): string[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return []
  }
  if (parsed === null || typeof parsed !== 'object') return []
  const out: string[] = []
  const stack: unknown[] = [parsed]
  for (let node = stack.pop(); stack.length > 0 || node !== undefined; node = stack.pop()) {
    if (node !== null && typeof node === 'object') stack.push(...Object.values(node))
    else if (typeof node === 'string' || typeof node === 'number') out.push(String(node))
  }
  return out
}

/** The pieces of any secret that show in `text`. */
export function piecesIn(text: string, secrets: Secret[]): string[] {
  const found = secrets.flatMap(secretPieces).filter(piece => text.includes(piece))
  return [...new Set(found)]
}

/**
 * Any run of `size` characters of a secret's material that shows in `text`: catches a part of a
 * value, such as the context a JSON parser quotes around a syntax error. For text built from
 * names and ids only (errors, summaries); the secrets must not share such runs with names.
 */
export function fragmentsIn(text: string, secrets: Secret[], size = 10): string[] {
  const found = new Set<string>()
  for (const piece of secrets.flatMap(secretPieces)) {
    for (let i = 0; i + size <= piece.length; i++) {
      const run = piece.slice(i, i + size)
      if (run.trim().length === size && text.includes(run)) found.add(run)
    }
  }
  return [...found]
}

/**
 * What the runner would show of a job's steps, in order: each value is hidden only in lines after
 * its ::add-mask::, and masks stay registered for the later steps of the job.
 */
export function shownLog(...stdouts: string[]): string {
  return runnerMaskedLog(stdouts.join('\n'))
}

/**
 * Emitted values the runner would not mask: neither the whole value nor each line registered.
 * A JSON leaf true, false or null is never a mask (README, What is masked): not counted.
 */
export function unregistered(values: string[], masks: string[]): string[] {
  const registered = new Set(masks)
  return values.filter(value => {
    if (value.trim() === '' || registered.has(value)) return false
    if (['true', 'false', 'null'].includes(value)) return false
    const lines = value.split(/\r\n|\r|\n/).filter(line => line.trim() !== '')
    return !lines.every(line => registered.has(line))
  })
}

/** A JavaScript stack frame, as node prints an uncaught error. */
export function hasStackTrace(log: string): boolean {
  return /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>)$/m.test(log)
}

/** Every secret in moto with each version id and its stages: equal snapshots, nothing written. */
export type SecretsSnapshot = Record<string, Record<string, string[]>>

export async function snapshotSecrets(client: SecretsManagerClient): Promise<SecretsSnapshot> {
  const snapshot: SecretsSnapshot = {}
  let NextToken: string | undefined
  do {
    const page = await client.send(
      new ListSecretsCommand({ IncludePlannedDeletion: true, NextToken })
    )
    for (const secret of page.SecretList ?? []) {
      snapshot[secret.Name ?? ''] = await versionsOf(client, secret.ARN ?? '')
    }
    NextToken = page.NextToken
  } while (NextToken)
  return snapshot
}

/** Version id to stages, deprecated versions included (moto keeps them all). */
export async function versionsOf(
  client: SecretsManagerClient,
  secretId: string
): Promise<Record<string, string[]>> {
  const out = await client.send(
    new ListSecretVersionIdsCommand({ SecretId: secretId, IncludeDeprecated: true })
  )
  return Object.fromEntries(
    (out.Versions ?? []).map(v => [v.VersionId ?? '', [...(v.VersionStages ?? [])].sort()])
  )
}

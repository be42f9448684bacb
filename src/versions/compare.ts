import { secretNameFromArn } from '../aws/arn.js'
import type { SecretRequest } from '../secrets/ids.js'
import type { VersionMap } from './state.js'

export type Status = 'unchanged' | 'changed' | 'new' | 'gone'

export interface Row {
  name: string
  previous?: string
  current?: string
  status: Status
}

/**
 * Every current secret, and every previous one a request still names (a secret gone since);
 * previous secrets no request names any more (the secret-ids changed) are left out. By name.
 */
export function compareVersions(
  previous: VersionMap,
  current: VersionMap,
  requests: SecretRequest[]
): Row[] {
  const before = new Map(Object.entries(previous))
  const now = new Map(Object.entries(current))
  const rows: Row[] = [...now].map(([name, id]) => {
    const old = before.get(name)
    const status = old === undefined ? 'new' : old === id ? 'unchanged' : 'changed'
    return old === undefined
      ? { name, current: id, status }
      : { name, previous: old, current: id, status }
  })
  for (const [name, id] of before) {
    if (!now.has(name) && requests.some(request => requestNames(request, name))) {
      rows.push({ name, previous: id, status: 'gone' })
    }
  }
  return rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

/** The previous ids a request names: what it would match if those secrets still existed. */
export function namedBy(request: SecretRequest, previous: VersionMap): string[] {
  return Object.keys(previous).filter(name => requestNames(request, name))
}

function requestNames(request: SecretRequest, name: string): boolean {
  if (request.kind === 'prefix') return name.startsWith(request.id)
  // Tags are not kept with the ids: any previous secret may have carried it, so one that no
  // longer matches (deleted, or its tag removed) is reported as gone rather than forgotten.
  if (request.kind === 'tag') return true
  if (request.kind === 'name') return name === request.id
  // A partial ARN of a name that itself ends in '-' and 6 characters is ambiguous: try both.
  const raw = request.id.slice(request.id.indexOf(':secret:') + ':secret:'.length)
  return name === raw || name === secretNameFromArn(request.id)
}

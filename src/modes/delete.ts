import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import type { SecretsManagerClients } from '../aws/client.js'
import { isoDate } from '../aws/answers.js'
import { describeAwsError } from '../aws/errors.js'
import { ActionError, InputError } from '../errors.js'
import type { Inputs } from '../inputs/reader.js'
import type { Emission } from '../output/emission.js'
import { DRY_RUN_NOTE } from '../output/plan.js'
import {
  isArn,
  parseSecretId,
  parseSecretIds,
  requestLabel,
  type SecretRequest
} from '../secrets/ids.js'
import {
  deleteSecret,
  describeSecret,
  parseDryRun,
  removeReplicas,
  type Deletion,
  type SecretDescription
} from '../secrets/lifecycle.js'
import { listSelected } from '../secrets/read.js'
import type { ModeHandler } from './types.js'
import { log } from '../output/log.js'

export interface DeleteConfig {
  requests: SecretRequest[]
  deletion: Deletion
  policy: DeletionPolicy
  maxDeletions: number
  onMissing: 'warn' | 'fail'
  dryRun: boolean
}

const POLICIES = ['Delete', 'Retain'] as const
type DeletionPolicy = (typeof POLICIES)[number]
const ON_MISSING = ['warn', 'fail'] as const
const NAMES_IN_ERROR = 5

/** What happens (or, in a dry run, would happen) to one selected secret. */
interface Outcome {
  name: string
  action: 'deleted' | 'already scheduled' | 'missing' | 'would delete'
  date?: Date
  replicas: string[]
}

export const deleteMode: ModeHandler<DeleteConfig> = {
  exportDefaults: { env: false, outputs: false },

  parse(inputs) {
    return {
      requests: parseSelection(inputs),
      deletion: parseDeletion(inputs),
      policy: inputs.oneOf('deletion-policy', POLICIES, 'Delete'),
      maxDeletions: inputs.int('max-deletions', { min: 1, max: 1000 }, 10),
      onMissing: inputs.oneOf('on-missing', ON_MISSING, 'warn'),
      dryRun: parseDryRun(inputs)
    }
  },

  secretArns: config => config.requests.filter(r => r.kind === 'arn').map(r => r.id),

  async run(config, { clients }) {
    if (config.policy === 'Retain') return retained(config)
    const selected = await select(clients, config)
    const outcomes: Outcome[] = []
    for (const item of selected) outcomes.push(await deleteOne(item, config))
    return emission(config, outcomes)
  }
}

function parseSelection(inputs: Inputs): SecretRequest[] {
  const one = inputs.optional('secret-id')
  const many = inputs.raw('secret-ids')
  if (one !== undefined && many.trim() !== '') {
    throw new InputError('secret-id', 'give secret-id or secret-ids, not both')
  }
  if (one !== undefined) {
    const id = parseSecretId(inputs, 'delete')
    return [{ id, kind: isArn(id) ? 'arn' : 'name' }]
  }
  const requests = parseSecretIds(many, 'secret-ids')
  if (requests.length === 0) {
    throw new InputError('secret-ids', 'or secret-id is required in delete mode')
  }
  const aliased = requests.find(request => request.alias !== undefined)
  if (aliased) {
    throw new InputError('secret-ids', `'${aliased.id}' has an alias: delete mode takes ids only`)
  }
  return requests
}

function parseDeletion(inputs: Inputs): Deletion {
  const force = inputs.bool('force-delete-without-recovery', false)
  if (force) {
    inputs.forbid(
      ['recovery-window-days'],
      'cannot be combined with force-delete-without-recovery: true'
    )
    return { force }
  }
  return {
    force,
    recoveryWindowDays: inputs.int('recovery-window-days', { min: 7, max: 30 }, 30)
  }
}

type Selected = {
  request: SecretRequest
  /** Of the secret's region: an ARN's own, else the default one. */
  client: SecretsManagerClient
  secret?: SecretDescription
  listed?: boolean
}

/**
 * Every selected secret, described, before anything is deleted: a missing secret with
 * on-missing: fail, or more secrets than max-deletions, refuses the whole selection.
 */
async function select(clients: SecretsManagerClients, config: DeleteConfig): Promise<Selected[]> {
  const found: Selected[] = []
  const missing: Selected[] = []
  for (const [client, requests] of clients.byRegion(config.requests)) {
    for (const request of requests) {
      const matches =
        request.kind === 'prefix' || request.kind === 'tag'
          ? await listed(client, request)
          : [{ request, client, secret: await describeSecret(client, request.id) }]
      const live = matches.filter(match => match.secret !== undefined)
      if (live.length === 0) missing.push({ request, client })
      for (const match of live) {
        const seen = found.some(other => other.secret?.arn === match.secret?.arn)
        if (!seen) found.push(match)
      }
    }
  }
  const labels = missing.map(({ request }) => `'${requestLabel(request)}'`).join(', ')
  if (missing.length > 0 && config.onMissing === 'fail') {
    throw new ActionError(
      `delete: no secret matches ${labels} (on-missing: fail): nothing was deleted.`
    )
  }
  if (missing.length > 0) log.warning(`delete: no secret matches ${labels}: nothing to delete`)
  checkCount(
    found.filter(item => item.secret?.deletedDate === undefined),
    config.maxDeletions
  )
  // Listed secrets are described once the count is known, for their replicas and dates
  // (ListSecrets names no replica).
  for (const item of found) {
    if (item.listed)
      item.secret = await describeSecret(item.client, (item.secret as SecretDescription).arn)
  }
  return [...found, ...missing]
}

async function listed(client: SecretsManagerClient, request: SecretRequest): Promise<Selected[]> {
  const matches: Selected[] = []
  try {
    // Secrets already scheduled are listed too: a re-run of a teardown reports them again, with
    // the date DescribeSecret gives (ListSecrets' DeletedDate is documented as the request's).
    for await (const page of listSelected(client, request, true)) {
      for (const { name, arn, entry } of page) {
        const secret = { name, arn, deletedDate: entry.DeletedDate, replicas: {} }
        matches.push({ request, client, secret, listed: true })
      }
    }
  } catch (error) {
    throw new ActionError(describeAwsError(error, 'ListSecrets', requestLabel(request)))
  }
  return matches
}

function checkCount(toDelete: Selected[], max: number): void {
  if (toDelete.length <= max) return
  const sorted = toDelete.map(item => item.secret?.name ?? '').sort()
  const names = sorted.slice(0, NAMES_IN_ERROR).map(name => `'${name}'`)
  const more = toDelete.length > NAMES_IN_ERROR ? ', ...' : ''
  throw new ActionError(
    `delete: the selection names ${toDelete.length} secrets (${names.join(', ')}${more}), more ` +
      `than max-deletions (${max}): nothing was deleted. Narrow secret-ids, or raise max-deletions.`
  )
}

async function deleteOne(item: Selected, config: DeleteConfig): Promise<Outcome> {
  const { client, secret } = item
  const label = requestLabel(item.request)
  if (secret === undefined) return { name: label, action: 'missing', replicas: [] }
  const replicas = Object.keys(secret.replicas)
  if (secret.deletedDate !== undefined) {
    const on = iso(secret.deletedDate)
    // Forced, it is deleted now: the way to free its name before the window ends.
    if (!config.deletion.force) {
      log.info(`'${secret.name}' is already scheduled for deletion on ${on}`)
      return { name: secret.name, action: 'already scheduled', date: secret.deletedDate, replicas }
    }
    log.info(
      `'${secret.name}' was scheduled for deletion on ${on}: deleting it now, without recovery`
    )
  }
  if (config.dryRun) return { name: secret.name, action: 'would delete', replicas }
  await removeReplicas(client, secret)
  const date = await deleteSecret(client, secret, config.deletion)
  if (date === undefined) {
    log.warning(`'${secret.name}' was deleted by someone else meanwhile`)
    return { name: secret.name, action: 'missing', replicas: [] }
  }
  log.info(`${what(config.deletion)} '${secret.name}': deleted on ${iso(date)}`)
  return { name: secret.name, action: 'deleted', date, replicas }
}

function what(deletion: Deletion): string {
  return deletion.force
    ? 'Deleted without recovery'
    : `Scheduled for deletion in ${deletion.recoveryWindowDays} days:`
}

function iso(date: Date): string {
  return isoDate(date) ?? 'an unknown date'
}

function emission(config: DeleteConfig, outcomes: Outcome[]): Emission {
  const done = outcomes.filter(o => o.action === 'deleted' || o.action === 'already scheduled')
  const outputs: Record<string, string> = {
    'deleted-secrets': JSON.stringify(done.map(o => o.name)),
    'deletion-dates': JSON.stringify(Object.fromEntries(done.map(o => [o.name, iso(o.date!)])))
  }
  if (config.dryRun) outputs.plan = JSON.stringify(planOf(config, outcomes))
  const count = outcomes.filter(o => o.action === 'deleted').length
  const heading = config.dryRun
    ? `delete (dry run): ${outcomes.filter(o => o.action === 'would delete').length} secret(s) would be deleted`
    : `delete: ${count} secret(s) deleted`
  return {
    outputs,
    summary: {
      heading,
      header: ['Secret', 'What happened', 'When'],
      rows: outcomes.map(o => [o.name, describeOutcome(o, config), o.date ? iso(o.date) : '-']),
      notes: config.dryRun ? [DRY_RUN_NOTE] : []
    }
  }
}

function describeOutcome(outcome: Outcome, config: DeleteConfig): string {
  const replicas = outcome.replicas.length
    ? ` (replicas in ${outcome.replicas.join(', ')} ${outcome.action === 'deleted' ? 'removed' : 'would be removed'} first)`
    : ''
  switch (outcome.action) {
    case 'deleted':
      return config.deletion.force
        ? `deleted without recovery${replicas}`
        : `scheduled for deletion (${config.deletion.recoveryWindowDays}-day recovery window)${replicas}`
    case 'already scheduled':
      return 'already scheduled for deletion: nothing done'
    case 'missing':
      return 'not found: nothing to delete'
    case 'would delete':
      return `would be ${config.deletion.force ? 'deleted without recovery' : 'scheduled for deletion'}${replicas}`
  }
}

function planOf(config: DeleteConfig, outcomes: Outcome[]): Record<string, unknown> {
  return {
    mode: 'delete',
    'dry-run': true,
    deletion: config.deletion.force
      ? 'force-delete-without-recovery'
      : `recovery-window-days: ${config.deletion.recoveryWindowDays}`,
    delete: outcomes.filter(o => o.action === 'would delete').map(o => o.name),
    'remove-replicas': Object.fromEntries(
      outcomes
        .filter(o => o.action === 'would delete' && o.replicas.length)
        .map(o => [o.name, o.replicas])
    ),
    'already-scheduled': outcomes.filter(o => o.action === 'already scheduled').map(o => o.name),
    missing: outcomes.filter(o => o.action === 'missing').map(o => o.name)
  }
}

/** deletion-policy: Retain keeps every secret: no AWS call, and the summary says so. */
function retained(config: DeleteConfig): Emission {
  const ids = config.requests.map(requestLabel)
  log.info(`deletion-policy: Retain: nothing deleted (${ids.join(', ')})`)
  const outputs: Record<string, string> = { 'deleted-secrets': '[]', 'deletion-dates': '{}' }
  if (config.dryRun) {
    outputs.plan = JSON.stringify({ mode: 'delete', 'dry-run': true, retain: ids, delete: [] })
  }
  return {
    outputs,
    summary: {
      heading: 'delete: deletion-policy Retain, nothing deleted',
      header: ['Secret', 'What happened', 'When'],
      rows: ids.map(id => [id, 'retained (deletion-policy: Retain)', '-']),
      notes: []
    }
  }
}

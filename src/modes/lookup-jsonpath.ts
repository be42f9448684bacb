import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { describeAwsError } from '../aws/errors.js'
import { ActionError, InputError } from '../errors.js'
import type { Inputs } from '../inputs/reader.js'
import { parseJsonSecret, writtenAt, type JsonDocument } from '../jsonpath/document.js'
import {
  parseNamedQueries,
  parseSingleQuery,
  SINGLE_OUTPUT,
  type NamedQuery
} from '../jsonpath/named-queries.js'
import { QueryEvaluationError } from '../jsonpath/query.js'
import {
  MISSING_POLICIES,
  outcomeOf,
  RESULT_POLICIES,
  type Outcome,
  type ResultOptions
} from '../jsonpath/result.js'
import type { SecretTarget, SummaryTable } from '../output/emission.js'
import { isArn, parseSecretId } from '../secrets/ids.js'
import {
  explainMissingVersion,
  getSecretValue,
  parseVersion,
  type SecretValue,
  type VersionSelector
} from '../secrets/read.js'
import type { ModeHandler } from './types.js'
import { log } from '../output/log.js'

export interface LookupConfig {
  secretId: string
  isArn: boolean
  version: VersionSelector
  /** Compiled before any AWS call. */
  queries: NamedQuery[]
  /** From the `query` input: its result is the output `value` (and a file), never an env var. */
  single: boolean
  options: ResultOptions
}

export const lookupJsonPathMode: ModeHandler<LookupConfig> = {
  exportDefaults: { env: false, outputs: true },
  writesOutputDir: true,

  parse(inputs) {
    const secretId = parseLookupSecretId(inputs)
    const { queries, single } = parseQueryInputs(inputs)
    checkDelivery(inputs, single)
    return {
      secretId,
      isArn: isArn(secretId),
      version: parseVersion(inputs),
      queries,
      single,
      options: parseOptions(inputs)
    }
  },

  secretArns: config => (config.isArn ? [config.secretId] : []),

  async run(config, { clients }) {
    const client = clients.forSecret(config.secretId)
    const secret = await readSecret(client, config)
    const document = parseJsonSecret(secret.data, secret.name)
    const results = config.queries.map(query => ({
      query,
      outcome: evaluate(query, document, config.options)
    }))
    const problems = results.flatMap(({ outcome }) => outcome.problem ?? [])
    if (problems.length > 0) {
      throw new ActionError(
        `Nothing was exported from secret '${secret.name}': ${problems.join('; ')}.`
      )
    }
    for (const { outcome } of results) outcome.warnings.forEach(warning => log.warning(warning))
    return {
      secrets: results.map(({ query, outcome }) =>
        targetFor(query, outcome.value ?? '', secret.name, config.single)
      ),
      summary: summaryOf(secret, results)
    }
  }
}

function parseLookupSecretId(inputs: Inputs): string {
  if (inputs.optional('secret-ids') !== undefined) {
    throw new InputError(
      'secret-ids',
      'is for fetch; lookup-jsonpath reads one secret: give its name or ARN in secret-id'
    )
  }
  return parseSecretId(inputs, 'lookup-jsonpath')
}

function parseQueryInputs(inputs: Inputs): { queries: NamedQuery[]; single: boolean } {
  const query = inputs.optional('query')
  const queries = inputs.raw('queries')
  if (query !== undefined && queries.trim() !== '') {
    throw new InputError('queries', 'give query (one JSONPath) or queries, not both')
  }
  if (query !== undefined) return { queries: [parseSingleQuery(query)], single: true }
  const named = parseNamedQueries(queries)
  if (named.length === 0) {
    throw new InputError(
      'query',
      'is required in lookup-jsonpath mode: give query (one JSONPath) or queries ' +
        '(NAME=JSONPATH lines)'
    )
  }
  return { queries: named, single: false }
}

function parseOptions(inputs: Inputs): ResultOptions {
  const onMissing = inputs.oneOf('on-missing', MISSING_POLICIES, 'fail')
  const defaultValue = inputs.raw('default-value')
  if (defaultValue !== '' && onMissing !== 'default') {
    throw new InputError('default-value', 'is used only with on-missing: default')
  }
  return { result: inputs.oneOf('result', RESULT_POLICIES, 'first'), onMissing, defaultValue }
}

/** Refuses settings under which a result would silently go nowhere. */
function checkDelivery(inputs: Inputs, single: boolean): void {
  const env = inputs.bool('export-env', false)
  if (env && single) {
    throw new InputError(
      'export-env',
      `the result of query goes to the output '${SINGLE_OUTPUT}' only: to export env vars, ` +
        'name each query in queries (NAME=JSONPATH)'
    )
  }
  if (!env && !inputs.bool('export-outputs', true) && inputs.optional('output-dir') === undefined) {
    throw new InputError(
      'export-outputs',
      'is false, export-env is false and output-dir is empty: the results would go nowhere'
    )
  }
}

async function readSecret(
  client: SecretsManagerClient,
  config: LookupConfig
): Promise<SecretValue> {
  try {
    return await getSecretValue(client, config.secretId, config.version)
  } catch (error) {
    const explained = await explainMissingVersion(client, config.secretId, config.version, error)
    throw new ActionError(describeAwsError(explained, 'GetSecretValue', config.secretId))
  }
}

function evaluate(query: NamedQuery, document: JsonDocument, options: ResultOptions): Outcome {
  let values: unknown[]
  try {
    // Queries compare doubles; what they select is emitted as the secret writes it.
    values = query.query.locate(document.plain).map(location => writtenAt(document, location))
  } catch (error) {
    if (!(error instanceof QueryEvaluationError)) throw error
    return {
      matches: 0,
      problem: `${query.label} failed: ${error.message}`,
      warnings: [],
      note: ''
    }
  }
  log.debug(`${query.label} (${query.query.absolute}) matched ${values.length} node(s)`)
  return outcomeOf(query.label, values, options)
}

function targetFor(
  query: NamedQuery,
  value: string,
  source: string,
  single: boolean
): SecretTarget {
  const target: SecretTarget = { name: query.name, value, source, file: query.name }
  return single ? { ...target, channels: ['output', 'file'] } : target
}

function summaryOf(
  secret: SecretValue,
  results: Array<{ query: NamedQuery; outcome: Outcome }>
): SummaryTable {
  const count = results.length
  return {
    heading: `JSONPath lookup: ${count} quer${count === 1 ? 'y' : 'ies'} in '${secret.name}'`,
    header: ['Output', 'Query', 'Matches', 'Emitted'],
    rows: results.map(({ query, outcome }) => [
      query.name,
      { code: query.query.text },
      String(outcome.matches),
      outcome.note
    ]),
    notes: [`Secret '${secret.name}', version ${secret.versionId}.`]
  }
}

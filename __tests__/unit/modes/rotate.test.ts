import { describe, expect, it } from '@jest/globals'
import { rotateMode } from '../../../src/modes/rotate.js'
import { inputsFrom } from '../../harness/context.js'

const parse = (inputs: Record<string, string>) => rotateMode.parse(inputsFrom(inputs))
const FN = 'arn:aws:lambda:us-east-1:123456789012:function:rotate-db'

describe('rotate parse', () => {
  it('reads a lambda rotation with its defaults', () => {
    expect(parse({ 'secret-id': 'prod/db', 'rotation-lambda-arn': FN })).toEqual({
      strategy: 'lambda',
      secretId: 'prod/db',
      clearStalePending: false,
      restoreIfDeleted: false,
      dryRun: false,
      lambdaArn: FN,
      rules: undefined,
      rotateImmediately: true,
      wait: true,
      waitTimeoutSeconds: 300
    })
    expect(parse({ 'secret-id': 'x', 'rotation-schedule': 'rate(90 days)' })).toMatchObject({
      rules: { ScheduleExpression: 'rate(90 days)' }
    })
    expect(parse({ 'secret-id': 'x', 'rotation-days': '30', wait: 'false' })).toMatchObject({
      rules: { AutomaticallyAfterDays: 30 },
      wait: false
    })
  })

  it('reads in-workflow phases', () => {
    const all = parse({
      'secret-id': 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf',
      'rotation-strategy': 'in-workflow',
      generator: 'passwordLength: 32'
    })
    expect(all).toMatchObject({
      strategy: 'in-workflow',
      phase: 'all',
      source: { kind: 'generator', options: { passwordLength: 32 } },
      cancelUnfinished: true
    })
    expect(rotateMode.secretArns(all)).toEqual([
      'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf'
    ])
    const create = parse({
      'secret-id': 'db',
      'rotation-strategy': 'in-workflow',
      phase: 'create',
      fields: 'password:\n  generator:\n    passwordLength: 24\n',
      'cancel-unfinished': 'false'
    })
    expect(create).toMatchObject({ phase: 'create', source: { kind: 'fields' } })
    expect(create).toMatchObject({ cancelUnfinished: false })
    const finish = parse({
      'secret-id': 'db',
      'rotation-strategy': 'in-workflow',
      phase: 'finish',
      'pending-version-id': 'a'.repeat(64)
    })
    expect(finish).toMatchObject({ phase: 'finish', pendingVersionId: 'a'.repeat(64) })
  })

  const inWorkflow = { 'secret-id': 'db', 'rotation-strategy': 'in-workflow' }
  it.each([
    [{}, /'secret-id': is required/],
    [{ 'secret-id': 'a\nb' }, /'secret-id': must name one secret/],
    [{ 'secret-id': 'ALIAS,db' }, /'secret-id': must name one secret/],
    [{ 'secret-id': 'db/*' }, /'secret-id': must name one secret/],
    [{ 'secret-id': 'db', 'rotation-strategy': 'cron' }, /'rotation-strategy': must be one of/],
    [{ 'secret-id': 'db', 'rotation-lambda-arn': 'rotate-db' }, /not a Lambda function ARN/],
    [{ 'secret-id': 'db', 'rotation-schedule': 'every 90 days' }, /not a schedule expression/],
    [
      { 'secret-id': 'db', 'rotation-schedule': 'rate(1 day)', 'rotation-days': '1' },
      /'rotation-schedule': give rotation-schedule or rotation-days, not both/
    ],
    [{ 'secret-id': 'db', 'rotation-days': '1001' }, /'rotation-days': must be between 1 and 1000/],
    [{ 'secret-id': 'db', 'wait-timeout-seconds': '0' }, /'wait-timeout-seconds': must be between/],
    [{ 'secret-id': 'db', wait: 'yes' }, /'wait': must be true or false/],
    [{ 'secret-id': 'db', phase: 'create' }, /'phase': is for rotation-strategy: in-workflow/],
    [
      { 'secret-id': 'db', generator: 'passwordLength: 9' },
      /'generator': is for rotation-strategy: in-workflow/
    ],
    [
      { ...inWorkflow, 'rotation-lambda-arn': FN },
      /'rotation-lambda-arn': is for rotation-strategy: lambda/
    ],
    [{ ...inWorkflow, 'rotation-days': '9' }, /'rotation-days': is for rotation-strategy: lambda/],
    [{ ...inWorkflow, phase: 'begin' }, /'phase': must be one of create, finish, all/],
    [{ ...inWorkflow }, /'generator': phase: all needs generator .* or fields/],
    [
      { ...inWorkflow, generator: 'passwordLength: 9', fields: 'a: {value: x}' },
      /give generator or fields, not both/
    ],
    [{ ...inWorkflow, generator: 'passwordLength: 0' }, /'generator'.*1-4096/],
    [{ ...inWorkflow, fields: 'a: {}' }, /'fields'.*exactly one of/],
    [
      { ...inWorkflow, fields: 'db-pass: {value: x}\ndb_pass: {value: y}' },
      /'fields': fields 'db-pass' and 'db_pass' both export PENDING_DB_PASS/
    ],
    [
      { ...inWorkflow, generator: 'passwordLength: 9', 'pending-version-id': 'a'.repeat(32) },
      /'pending-version-id': is for phase: finish only/
    ],
    [
      { ...inWorkflow, phase: 'finish', fields: 'a: {value: x}' },
      /'fields': is for phase: create or all/
    ],
    [
      { ...inWorkflow, phase: 'finish', 'pending-version-id': 'short' },
      /'pending-version-id': 'short' is not a version id/
    ],
    [{ ...inWorkflow, phase: 'finish', 'cancel-unfinished': 'maybe' }, /'cancel-unfinished'/],
    [{ ...inWorkflow, phase: 'finish', 'clear-stale-pending': '1' }, /'clear-stale-pending'/]
  ])('refuses %j', (inputs, message) => {
    expect(() => parse(inputs)).toThrow(message)
  })
})

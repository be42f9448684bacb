import { describe, expect, it } from '@jest/globals'
import {
  BatchGetSecretValueCommand,
  GetSecretValueCommand,
  SecretsManagerClient
} from '@aws-sdk/client-secrets-manager'
import { mockClient } from 'aws-sdk-client-mock'
import { ActionError } from '../../../src/errors.js'
import { batchGetSecretValues, getSecretValue } from '../../../src/secrets/read.js'

const client = new SecretsManagerClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'a', secretAccessKey: 'b' }
})
const sm = mockClient(client)
const ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-AbCdEf'

describe('an answer without a value is not an empty secret', () => {
  it.each([
    ['no value', { Name: 'app/db', ARN }],
    ['no name', { ARN, SecretString: 'read-value-1' }],
    ['no ARN', { Name: 'app/db', SecretString: 'read-value-1' }],
    ['nothing', {}]
  ])('GetSecretValue with %s is refused, naming the id asked for', async (_, answer) => {
    sm.reset()
    sm.on(GetSecretValueCommand).resolves(answer)
    const read = getSecretValue(client, 'app/db')
    await expect(read).rejects.toThrow(ActionError)
    await expect(read).rejects.toThrow(
      "GetSecretValue of 'app/db' answered without a value, name or ARN"
    )
  })

  it('keeps an empty SecretString: AWS can store one', async () => {
    sm.reset()
    sm.on(GetSecretValueCommand).resolves({ Name: 'app/db', ARN, SecretString: '' })
    expect((await getSecretValue(client, 'app/db')).data).toBe('')
  })

  it('leaves a batch entry without a value out, so its id is unanswered', async () => {
    sm.reset()
    sm.on(BatchGetSecretValueCommand).resolves({
      SecretValues: [
        { Name: 'app/db', ARN },
        { Name: 'app/two', ARN: `${ARN}2`, SecretString: 'read-value-2' }
      ]
    })
    const { values, failures } = await batchGetSecretValues(client, ['app/db', 'app/two'])
    expect(values.map(value => value.name)).toEqual(['app/two'])
    expect(failures).toEqual([])
  })
})

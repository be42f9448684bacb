import { describe, expect, it } from '@jest/globals'
import { ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { mockClient } from 'aws-sdk-client-mock'
import { listSecretPages, MAX_LIST_PAGES } from '../../../src/secrets/read.js'

const client = new SecretsManagerClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'a', secretAccessKey: 'b' }
})
const sm = mockClient(client)

async function pagesOf(): Promise<number> {
  const pages = []
  for await (const page of listSecretPages(client, {})) pages.push(page)
  return pages.length
}

describe('listSecretPages: a listing always ends', () => {
  it('follows NextToken to the last page', async () => {
    sm.reset()
    sm.on(ListSecretsCommand)
      .resolvesOnce({ SecretList: [], NextToken: 't1' })
      .resolvesOnce({ SecretList: [], NextToken: 't2' })
      .resolves({ SecretList: [] })
    expect(await pagesOf()).toBe(3)
  })

  it('stops when an endpoint answers every page with the same NextToken', async () => {
    sm.reset()
    sm.on(ListSecretsCommand).resolves({ SecretList: [], NextToken: 'again' })
    expect(await pagesOf()).toBe(2)
  })

  it('refuses to list past MAX_LIST_PAGES when the tokens cycle', async () => {
    sm.reset()
    let n = 0
    sm.on(ListSecretsCommand).callsFake(() => ({ SecretList: [], NextToken: `t${n++ % 2}` }))
    await expect(pagesOf()).rejects.toThrow(`more than ${MAX_LIST_PAGES} pages`)
  })
})

describe('listSecretPages: an answer of another shape is refused, for every caller', () => {
  it('refuses an entry without a name or ARN', async () => {
    sm.reset()
    sm.on(ListSecretsCommand).resolves({ SecretList: [{ ARN: 'arn:x' }] })
    await expect(pagesOf()).rejects.toThrow('ListSecrets answered an entry without a name or ARN')
  })

  it('refuses a SecretList that is no list', async () => {
    sm.reset()
    sm.on(ListSecretsCommand).resolves({ SecretList: 'x' as never })
    await expect(pagesOf()).rejects.toThrow('its SecretList is no list')
  })
})

import { describe, expect, it } from '@jest/globals'
import { GetSecretValueCommand, ListSecretsCommand } from '@aws-sdk/client-secrets-manager'
import { useMoto } from '../harness/jest-moto.js'
import { findLeaks, runStep } from '../harness/runner.js'

const moto = useMoto()

const FIELDS = `{
  "username": { "value": "svc-e2e-user" },
  "password": { "generator": { "passwordLength": 40, "requireEachIncludedType": true } }
}`

describe('push-generated, bundled, as the runner runs it', () => {
  it('creates the secret, masks the fresh password and hands it to later steps as an output', async () => {
    const inputs = {
      mode: 'push-generated',
      'endpoint-url': moto.endpoint,
      'secret-id': 'e2e/db',
      fields: FIELDS,
      'export-outputs': 'true'
    }
    const step = await runStep({ inputs })
    expect(step.errors).toEqual([])
    expect(step.exitCode).toBe(0)
    // The stage is named: moto's unstaged read can lag behind (MOTO.md).
    const stored = await moto.client.send(
      new GetSecretValueCommand({ SecretId: 'e2e/db', VersionStage: 'AWSCURRENT' })
    )
    const value = JSON.parse(stored.SecretString ?? '') as Record<string, string>
    expect(value.password).toHaveLength(40)
    expect(step.outputs).toMatchObject({
      name: 'e2e/db',
      changed: 'true',
      created: 'true',
      'field-count': '2',
      'generated-fields': '["password"]',
      username: 'svc-e2e-user',
      password: value.password,
      'version-id': stored.VersionId
    })
    expect(step.env).toEqual({})
    expect(step.masks).toEqual(expect.arrayContaining([value.password, 'svc-e2e-user']))
    expect(findLeaks(step.stdout + step.stderr, [value.password, 'svc-e2e-user'])).toEqual([])
    expect(step.summary).toMatch(/SecretsGenerated.*True.*Generated/s)
    expect(step.summary).toMatch(/SecretPushed.*True.*Created/s)
    expect(step.summary).toContain('Secret path: e2e/db')
    expect(step.summary).not.toContain(value.password)
    expect(step.summary).not.toContain('svc-e2e-user')

    // Next run: IfNotExists keeps the password, and still hands it over.
    const again = await runStep({ inputs, env: { GITHUB_RUN_ID: '4243' } })
    expect(again.outputs).toMatchObject({
      changed: 'false',
      'generated-fields': '[]',
      password: value.password
    })
    expect(again.summary).toMatch(/SecretsGenerated.*False/s)
  })

  it('exports field values as env vars with export-env: true', async () => {
    const step = await runStep({
      inputs: {
        mode: 'push-generated',
        'endpoint-url': moto.endpoint,
        'secret-id': 'e2e/env',
        fields: FIELDS,
        'export-env': 'true'
      }
    })
    expect(step.errors).toEqual([])
    expect(step.env.USERNAME).toBe('svc-e2e-user')
    expect(step.env.PASSWORD).toHaveLength(40)
    expect(step.outputs.password).toBeUndefined()
  })

  it('refuses an invalid fields spec with one error, creating nothing', async () => {
    const step = await runStep({
      inputs: {
        mode: 'push-generated',
        'endpoint-url': moto.endpoint,
        'secret-id': 'e2e/bad',
        fields: 'token:\n  value: s3cret-static\n  generator: { passwordLength: 16 }'
      }
    })
    expect(step.exitCode).toBe(1)
    expect(step.errors).toEqual([
      "Input 'fields': field 'token' needs exactly one of 'value' or 'generator'"
    ])
    // Registered as a mask the moment the input is parsed; never shown.
    expect(findLeaks(step.stdout + step.stderr, ['s3cret-static'])).toEqual([])
    const listed = await moto.client.send(new ListSecretsCommand({}))
    expect(listed.SecretList).toEqual([])
  })
})

import { describe, expect, it } from '@jest/globals'
import {
  GetSecretValueCommand,
  ListSecretsCommand,
  ListSecretVersionIdsCommand
} from '@aws-sdk/client-secrets-manager'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { useMoto } from '../harness/jest-moto.js'
import { seedSecrets } from '../harness/moto.js'
import { startProxy } from '../harness/proxy.js'
import { findLeaks, runStep, tempDir } from '../harness/runner.js'

const moto = useMoto()

async function versionIds(id: string): Promise<string[]> {
  // moto ignores paging here (MOTO.md): one call lists every version.
  const out = await moto.client.send(new ListSecretVersionIdsCommand({ SecretId: id }))
  return (out.Versions ?? []).map(version => version.VersionId ?? '')
}

// The stage is named: moto's unstaged read can lag behind (MOTO.md).
const current = (id: string) =>
  moto.client.send(new GetSecretValueCommand({ SecretId: id, VersionStage: 'AWSCURRENT' }))

describe('put, bundled, as the runner runs it', () => {
  it('creates a secret from a computed value, masked first, and a re-run writes nothing new', async () => {
    const value = 'computed-in-an-earlier-step\nsecond-line-of-it'
    const inputs = {
      mode: 'put',
      'endpoint-url': moto.endpoint,
      'secret-id': 'ci/token',
      'secret-string': value,
      'create-if-missing': 'true',
      'skip-unchanged': 'false',
      tags: 'team=ci'
    }
    const step = await runStep({ inputs })
    expect(step.errors).toEqual([])
    expect(step.exitCode).toBe(0)
    expect(step.outputs).toMatchObject({ name: 'ci/token', changed: 'true', created: 'true' })
    expect(step.outputs.arn).toMatch(/^arn:aws:secretsmanager:us-east-1:\d{12}:secret:ci\/token-/)
    expect((await current('ci/token')).SecretString).toBe(value)
    expect(step.masks).toEqual(
      expect.arrayContaining([value, 'computed-in-an-earlier-step', 'second-line-of-it'])
    )
    const created = step.stdout.indexOf('::debug::CreateSecret')
    expect(created).toBeGreaterThan(0)
    expect(step.stdout.indexOf('::add-mask::second-line-of-it')).toBeLessThan(created)
    expect(findLeaks(step.stdout + step.stderr, [value])).toEqual([])
    expect(step.summary).toContain('ci/token')
    expect(step.summary).not.toContain('computed-in-an-earlier-step')
    expect(step.env).toEqual({})

    // The same run attempt, job and step again (a re-run of the step): the same version.
    const again = await runStep({ inputs })
    expect(again.exitCode).toBe(0)
    expect(again.outputs['version-id']).toBe(step.outputs['version-id'])
    expect(await versionIds('ci/token')).toEqual([step.outputs['version-id']])
  })

  it('stores a workspace file byte for byte, 00 and FF included', async () => {
    const workspace = tempDir('sma-ws-')
    const bytes = Buffer.from([0x00, 0xff, 0x00, 0x7f, 0x80, 0x0a, 0xff])
    fs.mkdirSync(path.join(workspace, 'keys'))
    fs.writeFileSync(path.join(workspace, 'keys', 'blob.bin'), bytes)
    await seedSecrets(moto.client, [{ name: 'blob', value: 'old' }])
    const inputs = {
      mode: 'put',
      'endpoint-url': moto.endpoint,
      'secret-id': 'blob',
      'secret-file': 'keys/blob.bin'
    }
    const step = await runStep({ inputs, workspace })
    expect(step.errors).toEqual([])
    expect(step.outputs.changed).toBe('true')
    expect(Buffer.from((await current('blob')).SecretBinary as Uint8Array)).toEqual(bytes)
    expect(step.masks).toContain(bytes.toString('base64'))

    const unchanged = await runStep({ inputs, workspace, env: { GITHUB_RUN_ID: '4243' } })
    expect(unchanged.outputs).toMatchObject({ changed: 'false', created: 'false' })
    expect(await versionIds('blob')).toHaveLength(2)
  })

  it('writes exactly one version when the answer to PutSecretValue is lost', async () => {
    await seedSecrets(moto.client, [{ name: 'flaky', value: 'before' }])
    const proxy = await startProxy({
      target: moto.endpoint,
      fault: ({ operation, n }) =>
        operation === 'PutSecretValue' && n === 1 ? { kind: 'drop-response' } : undefined
    })
    try {
      const step = await runStep({
        inputs: {
          mode: 'put',
          'endpoint-url': proxy.endpoint,
          'max-attempts': '2',
          'secret-id': 'flaky',
          'secret-string': 'after'
        }
      })
      expect(step.errors).toEqual([])
      expect(proxy.calls().PutSecretValue).toBe(2)
      expect(await versionIds('flaky')).toHaveLength(2)
      expect((await current('flaky')).VersionId).toBe(step.outputs['version-id'])
    } finally {
      await proxy.stop()
    }
  })

  it('refuses invalid JSON with one error that does not quote it, creating nothing', async () => {
    const step = await runStep({
      inputs: {
        mode: 'put',
        'endpoint-url': moto.endpoint,
        'secret-id': 'bad',
        'secret-json': '{"password": "sup3r-s3cret" "user": "x"}',
        'create-if-missing': 'true'
      }
    })
    expect(step.exitCode).toBe(1)
    expect(step.errors).toEqual([expect.stringMatching(/^Input 'secret-json': is not valid JSON/)])
    expect(step.log).not.toContain('sup3r-s3cret')
    const listed = await moto.client.send(new ListSecretsCommand({}))
    expect(listed.SecretList).toEqual([])
  })

  it('refuses a missing secret without create-if-missing', async () => {
    const step = await runStep({
      inputs: {
        mode: 'put',
        'endpoint-url': moto.endpoint,
        'secret-id': 'nowhere',
        'secret-string': 'nowhere-value'
      }
    })
    expect(step.exitCode).toBe(1)
    expect(step.errors).toEqual([expect.stringMatching(/'nowhere' not found.*create-if-missing/)])
    expect(findLeaks(step.stdout + step.stderr, ['nowhere-value'])).toEqual([])
  })
})

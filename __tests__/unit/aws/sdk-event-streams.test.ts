// The bundle leaves the SDK's event-stream codec out (src/aws/sdk-event-streams.ts): safe while
// no operation of the clients it holds (the action's two, and the credential chain's) sends or
// reads a stream.
import { describe, expect, it } from '@jest/globals'
import * as secretsManager from '@aws-sdk/client-secrets-manager'
import * as sts from '@aws-sdk/client-sts'
import * as signin from '@aws-sdk/nested-clients/signin'
import * as sso from '@aws-sdk/nested-clients/sso'
import * as ssoOidc from '@aws-sdk/nested-clients/sso-oidc'
import * as nestedSts from '@aws-sdk/nested-clients/sts'
import { NormalizedSchema } from '@smithy/core/schema'
import { EventStreamSerde, eventStreamSerdeProvider } from '../../../src/aws/sdk-event-streams.js'

/** The operation schemas a client exports (`BatchGetSecretValue$`: [9, namespace, name, …]). */
function operations(client: Record<string, unknown>): [string, unknown[]][] {
  return Object.entries(client).filter(
    (entry): entry is [string, unknown[]] =>
      entry[0].endsWith('$') && Array.isArray(entry[1]) && entry[1][0] === 9
  )
}

/** The members of a structure that stream (events, or a blob as a stream). */
function streamingMembers(ref: unknown): string[] {
  const schema = NormalizedSchema.of(ref as Parameters<typeof NormalizedSchema.of>[0])
  if (!schema.isStructSchema()) return []
  return [...schema.structIterator()].filter(([, member]) => member.isStreaming()).map(([n]) => n)
}

describe('the clients in the bundle', () => {
  it.each([
    ['Secrets Manager', secretsManager, 20],
    ['STS', sts, 8],
    // The default credential chain's own clients.
    ["the chain's STS", nestedSts, 2],
    ['SSO', sso, 1],
    ['SSO OIDC', ssoOidc, 1],
    ['sign-in', signin, 1]
  ])('%s has no operation that streams', (_, client, atLeast) => {
    const ops = operations(client)
    expect(ops.length).toBeGreaterThanOrEqual(atLeast)
    const streaming = ops.flatMap(([name, op]) =>
      [...streamingMembers(op[4]), ...streamingMembers(op[5])].map(member => `${name}.${member}`)
    )
    expect(streaming).toEqual([])
  })

  it('would see a structure that streams events', () => {
    const event = [3, 'ns', 'Event', 0, ['text'], [0]]
    expect(
      streamingMembers([3, 'ns', 'Output', 0, ['events'], [[event, { streaming: 1 }]]])
    ).toEqual(['events'])
  })
})

describe('the codec in its place', () => {
  it('fails by name if the SDK ever asks for it', () => {
    expect(() => new EventStreamSerde()).toThrow(/event streams are not in this bundle/)
    expect(() => eventStreamSerdeProvider()).toThrow(/event streams are not in this bundle/)
  })
})

// What the bundle gives the SDK for `@smithy/core/event-streams` (38 KB): its protocols require it
// only to send or read an operation's stream of events, and no operation of Secrets Manager, STS
// or the credential chain's clients has one (__tests__/unit/aws/sdk-event-streams.test.ts checks
// their schemas). Bundled as published, the module is compiled at every start all the same;
// src/tsconfig.json's `paths` routes the require here. Should an operation ever stream events,
// it fails here, by name.

function notBundled(): Error {
  return new Error('event streams are not in this bundle (src/aws/sdk-event-streams.ts)')
}

export class EventStreamSerde {
  constructor() {
    throw notBundled()
  }
}

export function eventStreamSerdeProvider(): never {
  throw notBundled()
}

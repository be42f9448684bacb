import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { clientSettings, SecretsManagerClients } from '../../src/aws/client.js'
import { Inputs } from '../../src/inputs/reader.js'
import type { ModeContext } from '../../src/modes/types.js'

/** Inputs as the runner would give them: anything not named is empty. */
export function inputsFrom(values: Record<string, string>): Inputs {
  return new Inputs(name => values[name] ?? '')
}

/** A handler's context, and the client of its default region (to seed and inspect with). */
export type TestContext = ModeContext & { client: SecretsManagerClient }

/**
 * The context main.ts gives a handler, with the real client factory, against an endpoint.
 * Names are read in `region`; ARNs in their own region (moto keeps regions apart).
 */
export function contextFor(
  endpoint: string,
  env: NodeJS.ProcessEnv = {},
  region = 'us-east-1'
): TestContext {
  const settings = clientSettings({ region, endpoint, maxAttempts: 3 }, [], {
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    ...env
  })
  settings.credentials = async () => ({ accessKeyId: 'testing', secretAccessKey: 'testing' })
  const clients = new SecretsManagerClients(settings, region, env)
  return { client: clients.forRegion(), clients, settings, env }
}

/** Makes both contexts' first `command` wait until both have reached it: a deterministic race. */
export function holdUntilBoth(contexts: TestContext[], command: string): void {
  let arrived = 0
  let release: () => void = () => undefined
  const both = new Promise<void>(resolve => (release = resolve))
  for (const { client } of contexts) {
    let held = false
    client.middlewareStack.add(
      (next, context) => async args => {
        if (context.commandName === command && !held) {
          held = true
          if (++arrived === 2) release()
          await both
        }
        return next(args)
      },
      { step: 'initialize' }
    )
  }
}

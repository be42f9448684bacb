import type { ModeHandler } from './types.js'

type Loader = () => Promise<ModeHandler<unknown>>

const load =
  <T>(get: () => Promise<ModeHandler<T>>): Loader =>
  () =>
    get() as Promise<ModeHandler<unknown>>

/**
 * Every mode that works, each loaded on first use: a step compiles only its own mode's code and
 * the libraries it needs (ncc turns each `import()` into a chunk). The router refuses any other.
 */
export const handlers: Record<string, Loader> = {
  fetch: load(async () => (await import('./fetch.js')).fetchMode),
  'lookup-jsonpath': load(async () => (await import('./lookup-jsonpath.js')).lookupJsonPathMode),
  put: load(async () => (await import('./put.js')).putMode),
  'push-generated': load(async () => (await import('./push-generated.js')).pushGeneratedMode),
  'check-changed': load(async () => (await import('./check-changed.js')).checkChangedMode),
  rotate: load(async () => (await import('./rotate.js')).rotateMode),
  render: load(async () => (await import('./render.js')).renderMode),
  delete: load(async () => (await import('./delete.js')).deleteMode)
}

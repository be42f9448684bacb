// The post step's logic, as @github/local-action and the typescript-action template expect it:
// run() exported, no side effect on import. src/index.ts, the runner's entry, calls it.
export { runPost as run } from './cleanup.js'

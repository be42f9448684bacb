// The post step's logic, as @github/local-action and the typescript-action template expect it:
// run() exported, no side effect on import. src/post-entry.ts is what the runner executes.
export { runPost as run } from './cleanup.js'

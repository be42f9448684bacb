// The post step, as @github/local-action and the typescript-action template expect: `run()`.
export { runPost as run } from './cleanup.js'

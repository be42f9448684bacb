// The one entry of both steps (action.yml runs it as main and as post). The main step leaves
// `isPost` in the action's state, which the runner hands only to this action's post step (the
// pattern of actions/checkout and configure-aws-credentials). The main step's code (with the SDK
// client), the post step's and each mode's are lazily-imported chunks, so a step reads and runs
// only its own phase's and mode's code.
import * as core from './actions-core.js'
import { exitIfLeftRunning } from './exit.js'
import { STATE_IS_POST } from './state.js'

if (core.getState(STATE_IS_POST) === 'true') {
  await (await import('./post.js')).run()
} else {
  core.saveState(STATE_IS_POST, 'true')
  // A chunk of its own, so a post step neither reads nor compiles the SDK.
  await (await import('./main.js')).run()
}
exitIfLeftRunning()

// The one entry of both steps (action.yml runs it as main and as post). The main step leaves
// `isPost` in the action's state, which the runner hands only to this action's post step (the
// pattern of actions/checkout and configure-aws-credentials). The main step's code, with the SDK
// client, is in this file but runs only in a main step; the post step's own code and each mode
// are lazily-imported chunks, so a step runs only its own phase's and mode's code.
import * as core from './actions-core.js'
import { STATE_IS_POST } from './state.js'

if (core.getState(STATE_IS_POST) === 'true') {
  await (await import('./post.js')).run()
} else {
  core.saveState(STATE_IS_POST, 'true')
  // "eager": bundled into this file (a chunk would cost every main step a file read).
  await (await import(/* webpackMode: "eager" */ './main.js')).run()
}

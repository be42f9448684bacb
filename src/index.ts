// The one entry of both steps (action.yml runs it as main and as post). The main step leaves
// `isPost` in the action's state, which the runner hands only to this action's post step (the
// pattern of actions/checkout and configure-aws-credentials). Each phase is a lazily-imported
// chunk, so a main step never compiles the post step's code and the reverse.
import * as core from './actions-core.js'
import { handlers } from './modes/index.js'

const STATE_IS_POST = 'isPost'

if (core.getState(STATE_IS_POST) === 'true') {
  await (await import('./post.js')).run()
} else {
  core.saveState(STATE_IS_POST, 'true')
  // The mode's chunk loads alongside the main step's own (main validates the mode and loads it
  // again, from the module cache); an unknown mode loads nothing here.
  const mode = core.getInput('mode') || 'fetch'
  if (Object.hasOwn(handlers, mode)) handlers[mode]().catch(() => undefined)
  await (await import('./main.js')).run()
}

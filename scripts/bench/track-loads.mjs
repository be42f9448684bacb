// Loaded with `node --import` by the bench: appends the URL of every module the process loads
// to $SMA_LOAD_LOG, so the bench can count the bytes of JavaScript a step compiles.
import { appendFileSync } from 'node:fs'
import { registerHooks } from 'node:module'

const log = process.env.SMA_LOAD_LOG
if (log) {
  registerHooks({
    load(url, context, nextLoad) {
      appendFileSync(log, `${url}\n`)
      return nextLoad(url, context)
    }
  })
}

// Loaded with `node --import` by the bench, into the step's own process:
// SMA_LOAD_LOG: appends the URL of every module loaded (the bench counts the bytes compiled);
// SMA_CPU_LOG: appends the process's CPU time in ms (user + system) when it exits, a measure
// that other work on a busy machine disturbs far less than wall time.
import { appendFileSync } from 'node:fs'
import { registerHooks } from 'node:module'

const loads = process.env.SMA_LOAD_LOG
if (loads) {
  registerHooks({
    load(url, context, nextLoad) {
      appendFileSync(loads, `${url}\n`)
      return nextLoad(url, context)
    }
  })
}

const cpu = process.env.SMA_CPU_LOG
if (cpu) {
  process.once('exit', () => {
    const { user, system } = process.cpuUsage()
    appendFileSync(cpu, `${(user + system) / 1000}\n`)
  })
}

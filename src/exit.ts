import * as core from './actions-core.js'

/** How long a finished step waits for its last handles to close by themselves. */
export const EXIT_GRACE_MS = 1000

/**
 * Ends the process once the step's work is done, if something still holds it open after the
 * grace: a connection nobody answers (a proxy that accepts it and never replies to CONNECT) would
 * otherwise keep a finished step running until the job's timeout. A step that ends by itself is
 * untouched, since the timer does not keep the process alive. The exit code is the step's own.
 */
export function exitIfLeftRunning(graceMs = EXIT_GRACE_MS): void {
  setTimeout(() => {
    // A fixed message, nothing to escape: the entry stays free of the output layer's log.
    // eslint-disable-next-line no-restricted-syntax
    core.debug(`a connection was still open ${graceMs} ms after the step ended: exiting`)
    // What is queued on stdout (a pipe is asynchronous on macOS) is written before the exit.
    process.stdout.write('', () => process.exit())
  }, graceMs).unref()
}

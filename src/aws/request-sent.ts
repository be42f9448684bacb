import { channel } from 'node:diagnostics_channel'
import type { ClientRequest } from 'node:http'

/** Node publishes every request of `http.request` and `https.request` (the SDK's handler) here. */
const REQUEST_START = 'http.client.request.start'

export interface Watched<T> {
  running: Promise<T>
  /**
   * Resolves once the first HTTP request `work` started has been written to its socket (or has
   * ended unwritten), or once `work` has settled, whichever comes first. Never rejects.
   */
  sent: Promise<void>
}

/**
 * Starts `work` and tells when its first request is out. Code that only the answer needs loads
 * then, while the step would otherwise wait idle for AWS: loaded before, its compiling holds up
 * the request itself (the socket connects, then waits for the loader to finish).
 */
export function watchFirstRequest<T>(work: () => Promise<T>): Watched<T> {
  const start = channel(REQUEST_START)
  let markSent = () => {}
  const sent = new Promise<void>(resolve => (markSent = resolve))
  const onStart = (message: unknown) => {
    start.unsubscribe(onStart)
    const request = (message as { request?: ClientRequest }).request
    if (!request || request.writableFinished) return markSent()
    request.once('finish', markSent)
    request.once('close', markSent)
  }
  start.subscribe(onStart)
  const running = (async () => work())()
  const settled = () => {
    start.unsubscribe(onStart)
    markSent()
  }
  running.then(settled, settled)
  return { running, sent }
}

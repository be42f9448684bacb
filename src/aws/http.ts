import { partition } from '@aws-sdk/core/client'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import * as https from 'node:https'
import * as http from 'node:http'

export interface HttpSettings {
  proxy?: string
  requestTimeoutMs: number
  /** Node's wait for one address family before trying the other (dual-stack endpoints). */
  autoSelectFamilyAttemptTimeoutMs?: number
}

/** The official action's default for auto-select-family-attempt-timeout. */
export const DEFAULT_AUTO_SELECT_FAMILY_ATTEMPT_TIMEOUT_MS = 1000

/** A service's default endpoint host in a region, with its partition's DNS suffix. */
export function serviceHost(service: string, region: string): string {
  return `${service}.${region}.${partition(region).dnsSuffix}`
}

/** True when NO_PROXY lists the host (exact, domain suffix, or *). */
export function bypassesProxy(host: string, noProxy: string | undefined): boolean {
  if (!noProxy) return false
  return noProxy
    .split(',')
    .map(entry => entry.trim().toLowerCase().replace(/:\d+$/, ''))
    .filter(entry => entry !== '')
    .some(entry => {
      if (entry === '*') return true
      const domain = entry.replace(/^\*?\./, '')
      return host === domain || host.endsWith(`.${domain}`)
    })
}

export function proxyFor(
  endpointHost: string,
  input: string | undefined,
  env: NodeJS.ProcessEnv
): string | undefined {
  const proxy = input || env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy
  if (!proxy) return undefined
  return bypassesProxy(endpointHost.toLowerCase(), env.NO_PROXY ?? env.no_proxy) ? undefined : proxy
}

/** The proxy agents (and the debug library they bring) load only when a proxy is used. */
async function agents(settings: HttpSettings) {
  // Keep-alive agents with enough sockets for the parallel batches.
  const options = {
    keepAlive: true,
    maxSockets: 50,
    autoSelectFamilyAttemptTimeout:
      settings.autoSelectFamilyAttemptTimeoutMs ?? DEFAULT_AUTO_SELECT_FAMILY_ATTEMPT_TIMEOUT_MS
  }
  const proxy = settings.proxy
  if (!proxy) return { httpAgent: new http.Agent(options), httpsAgent: new https.Agent(options) }
  const [{ HttpProxyAgent }, { HttpsProxyAgent }] = await Promise.all([
    import('http-proxy-agent'),
    import('https-proxy-agent')
  ])
  return {
    httpAgent: new HttpProxyAgent(proxy, options),
    httpsAgent: new HttpsProxyAgent(proxy, options)
  }
}

export function httpHandler(settings: HttpSettings): NodeHttpHandler {
  // Options from a provider: the SDK resolves them before the first request.
  return new NodeHttpHandler(async () => ({
    ...(await agents(settings)),
    connectionTimeout: 5000,
    requestTimeout: settings.requestTimeoutMs,
    // Without it a request past the timeout only logs a warning and can wait forever.
    throwOnRequestTimeout: true,
    // The request timeout ends with the answer's headers: a body that stalls after them ends here.
    socketTimeout: settings.requestTimeoutMs
  }))
}

// Loaded with `node --import` (NODE_OPTIONS) into a step that must not leave the machine, e.g. one
// that connects to AWS's real host names when there is no endpoint-url:
// - no host name reaches a DNS server through dns.lookup, which Node's net, tls, http(s) and
//   their agents call (read at call time): localhost and loopback addresses are answered as
//   themselves, any other name with ENOTFOUND (dns.resolve*, which the action never calls, are
//   not covered);
// - a TCP connection to an address outside loopback is refused before it starts.
// SMA_LOOKUP_LOG: appends each name looked up, one a line, so a test sees where a step went.
import dns from 'node:dns'
import { appendFileSync } from 'node:fs'
import net from 'node:net'

const GUARD = 'loopback-only test guard'
const LOOPBACK = /^(?:127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/i
const lookupLog = process.env.SMA_LOOKUP_LOG

/** The addresses a name may resolve to here, or undefined: not answered. */
function loopbackAddresses(hostname) {
  if (String(hostname).toLowerCase() === 'localhost') return [{ address: '127.0.0.1', family: 4 }]
  if (LOOPBACK.test(hostname)) return [{ address: hostname, family: net.isIP(hostname) }]
  return undefined
}

function notFound(hostname) {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname} (${GUARD})`), {
    code: 'ENOTFOUND',
    errno: -3008,
    syscall: 'getaddrinfo',
    hostname
  })
}

function resolveLocally(hostname, options) {
  if (lookupLog) appendFileSync(lookupLog, `${hostname}\n`)
  const addresses = loopbackAddresses(hostname)
  if (!addresses) throw notFound(hostname)
  const all = typeof options === 'object' && options !== null && options.all
  return all ? addresses : addresses[0]
}

dns.lookup = function loopbackOnlyLookup(hostname, options, callback) {
  const done = typeof options === 'function' ? options : callback
  let answer
  try {
    answer = resolveLocally(hostname, options)
  } catch (error) {
    return process.nextTick(() => done(error))
  }
  if (Array.isArray(answer)) process.nextTick(() => done(null, answer))
  else process.nextTick(() => done(null, answer.address, answer.family))
}

dns.promises.lookup = async function loopbackOnlyLookup(hostname, options) {
  return resolveLocally(hostname, options)
}

const connect = net.Socket.prototype.connect
net.Socket.prototype.connect = function loopbackOnlyConnect(...args) {
  // net.connect passes its normalized [options, callback]; a direct call passes them apart.
  const first = Array.isArray(args[0]) ? args[0][0] : args[0]
  const options = typeof first === 'object' && first !== null ? first : { host: args[1] }
  const host = options.path === undefined ? (options.host ?? 'localhost') : undefined
  if (host !== undefined && net.isIP(host) && !LOOPBACK.test(host)) {
    const error = Object.assign(new Error(`connect to ${host} refused (${GUARD})`), {
      code: 'ECONNREFUSED'
    })
    process.nextTick(() => this.destroy(error))
    return this
  }
  return connect.apply(this, args)
}

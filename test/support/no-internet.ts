// Every test process runs on loopback only: a connection to anything else (Clerk's API, its telemetry host, a
// CDN) is refused and fails the test that made it, even when the code that tried swallowed the error, as
// telemetry senders do. Unix sockets and loopback hosts pass.
import net from 'node:net'
import { afterEach } from 'vitest'

const LOOPBACK = /^(localhost|.*\.localhost|127(\.\d{1,3}){3}|::1|::ffff:127(\.\d{1,3}){3}|\[::1\])$/i
const refused: string[] = []

type ConnectArgs = Parameters<net.Socket['connect']>

/** Where a `socket.connect()` call goes, whichever of Node's argument forms it uses. */
function destination(args: unknown[]): { host: string; port: unknown } | undefined {
  // net.connect() hands Socket#connect its arguments already normalized, as an array.
  const first = Array.isArray(args[0]) ? args[0][0] : args[0]
  if (typeof first === 'object' && first !== null) {
    const options = first as { path?: string; host?: string; port?: unknown }
    return options.path !== undefined ? undefined : { host: options.host ?? 'localhost', port: options.port }
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return undefined // a Unix socket path
  return { host: typeof args[1] === 'string' ? args[1] : 'localhost', port: first }
}

const connect = net.Socket.prototype.connect
net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: ConnectArgs) {
  const to = destination(args)
  if (to && !LOOPBACK.test(to.host)) {
    refused.push(`${to.host}:${String(to.port)}`)
    throw new Error(`Tests stay on this machine: a connection to ${to.host}:${String(to.port)} was refused (test/support/no-internet.ts)`)
  }
  return connect.apply(this, args)
} as typeof connect

/** The connections refused since the last call (for the guard's own test). */
export function takeRefused(): string[] {
  return refused.splice(0)
}

afterEach(() => {
  const tried = takeRefused()
  if (tried.length > 0) throw new Error(`This test tried to reach the internet: ${tried.join(', ')}`)
})

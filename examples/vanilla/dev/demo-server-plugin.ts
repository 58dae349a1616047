import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getRequestListener } from '@hono/node-server'
import type { Connect, Plugin } from 'vite'
import { createServerApp } from '../../server/app.js'
import { startEmulator } from '../../../src/emulator/index.js'
import { createDemoTickets, type DemoTickets } from './demo-tickets.js'

type Emulator = Awaited<ReturnType<typeof startEmulator>>

/**
 * Runs the dialkit emulator inside the Vite process and serves it on the page's own origin:
 * `/v1` (Frontend and Backend API) and `/__dev` (SMS outbox, clock) are proxied to it,
 * `GET /demo/ticket` mints a sign-in token for a fresh demo user through the backend client, and `/api` is
 * the app's own backend (`examples/server`), which trusts the page only with a verified session token.
 * With `DIALKIT_EMULATOR_URL` (and its `DIALKIT_SECRET_KEY`) it fronts that emulator instead, e.g. one a
 * test suite started with `dialkit/testing`.
 */
export function dialkitDemoServer(): Plugin {
  let emulator: Emulator | undefined
  let emulatorUrl: string | undefined
  let tickets: DemoTickets | undefined
  let api: Connect.SimpleHandleFunction | undefined

  const stop = () => {
    const running = emulator
    emulator = undefined
    return running?.stop()
  }

  return {
    name: 'dialkit-demo-server',
    apply: 'serve',
    async config() {
      const external = process.env.DIALKIT_EMULATOR_URL
      if (!external) emulator = await startEmulator({ port: 0, host: '127.0.0.1' })
      emulatorUrl = external ?? emulator!.url
      // "Continue as a demo user" needs the emulator's secret key; without it, that one button answers 503.
      const secretKey = emulator?.secretKey ?? process.env.DIALKIT_SECRET_KEY
      tickets = secretKey ? createDemoTickets({ apiUrl: emulatorUrl, secretKey }) : undefined
      const target = { target: emulatorUrl, changeOrigin: false }
      const clock = emulator?.clock
      // The emulator's clock can be moved ("Clock +10 min"): its tokens are then that far ahead of this server's.
      const clockSkewInMs = clock && (() => Math.abs(clock.now() - Date.now()) + 5000)
      api = secretKey ? getRequestListener(createServerApp({ apiUrl: emulatorUrl, secretKey, clockSkewInMs }).fetch) : undefined
      return { server: { proxy: { '/v1': target, '/__dev': target } } }
    },
    configureServer(server) {
      server.middlewares.use('/demo/ticket', (req, res) => void serveTicket(tickets, req, res))
      server.middlewares.use((req, res, next) => (req.url?.startsWith('/api/') ? serveApi(api, req, res) : next()))
      server.httpServer?.once('listening', () => announce(server.httpServer?.address(), emulatorUrl))
      server.httpServer?.once('close', () => void stop())
    },
    configurePreviewServer(server) {
      server.middlewares.use('/demo/ticket', (req, res) => void serveTicket(tickets, req, res))
      server.middlewares.use((req, res, next) => (req.url?.startsWith('/api/') ? serveApi(api, req, res) : next()))
      server.httpServer.once('listening', () => announce(server.httpServer.address(), emulatorUrl))
      server.httpServer.once('close', () => void stop())
    },
  }
}

// Without the emulator's secret key the app's backend cannot check anything: say so instead of the page's HTML.
function serveApi(api: Connect.SimpleHandleFunction | undefined, req: IncomingMessage, res: ServerResponse) {
  if (api) return api(req, res)
  res.statusCode = 503
  res.setHeader('content-type', 'application/json')
  res.end(JSON.stringify({ error: 'emulator secret key unknown' }))
}

async function serveTicket(tickets: DemoTickets | undefined, req: IncomingMessage, res: ServerResponse) {
  res.setHeader('content-type', 'application/json')
  res.setHeader('cache-control', 'no-store')
  if (req.method !== 'GET' || !tickets) {
    res.statusCode = tickets ? 405 : 503
    res.end(JSON.stringify({ error: tickets ? 'method not allowed' : 'emulator not running' }))
    return
  }
  try {
    res.end(JSON.stringify(await tickets.mint()))
  } catch (error) {
    res.statusCode = 500
    res.end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }))
  }
}

// One stable line that people and the e2e harness can both read, whatever Vite prints around it.
function announce(address: string | AddressInfo | null | undefined, emulatorUrl: string | undefined) {
  if (!address || typeof address === 'string') return
  setTimeout(() => {
    console.log(`\n  dialkit demo: http://localhost:${address.port}/`)
    console.log(`  emulator:     ${emulatorUrl ?? '(stopped)'} (proxied at /v1 and /__dev)\n`)
  }, 0)
}

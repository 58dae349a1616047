import type { ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Plugin } from 'vite'
import { createBackendClient } from '../../../src/backend/index.js'
import { startEmulator } from '../../../src/emulator/index.js'

type Emulator = Awaited<ReturnType<typeof startEmulator>>

/**
 * Runs the dialkit emulator inside Vite's dev or preview server and serves it on the page's own origin
 * (`/v1`, `/__dev` proxied), so the `__client` cookie works as in production. `GET /demo/ticket` stands in
 * for an app server: it creates a user with one verified test number and mints a sign-in token for them.
 */
export function emulatorPlugin(): Plugin {
  let emulator: Emulator | undefined
  let users = 0

  async function mint(res: ServerResponse) {
    res.setHeader('content-type', 'application/json')
    res.setHeader('cache-control', 'no-store')
    if (!emulator) return void res.writeHead(503).end(JSON.stringify({ error: 'emulator not running' }))
    const backend = createBackendClient({ apiUrl: emulator.url, secretKey: emulator.secretKey })
    users += 1
    // Test numbers (+1 XXX 555-01YY) take 424242 and send nothing; one per user, since numbers are unique.
    const seed = `+1${201 + Math.floor(users / 100)}55501${String(users % 100).padStart(2, '0')}`
    const user = await backend.users.createUser({ firstName: 'React', lastName: `User ${users}`, phoneNumber: [seed] })
    const { token } = await backend.signInTokens.createSignInToken({ userId: user.id, expiresInSeconds: 600 })
    res.end(JSON.stringify({ ticket: token }))
  }

  function serve(server: { middlewares: { use(path: string, fn: (req: unknown, res: ServerResponse) => void): void } }) {
    server.middlewares.use('/demo/ticket', (_req, res) => {
      mint(res).catch((error: unknown) => res.writeHead(500).end(JSON.stringify({ error: String(error) })))
    })
  }

  function announce(address: string | AddressInfo | null | undefined) {
    if (address && typeof address !== 'string') {
      // After Vite's own banner: one stable line for people and for the e2e test.
      setTimeout(() => console.log(`\n  dialkit react example: http://localhost:${address.port}/ (emulator ${emulator?.url})\n`))
    }
  }

  return {
    name: 'dialkit-react-emulator',
    apply: 'serve',
    async config() {
      emulator = await startEmulator({ port: 0, host: '127.0.0.1' })
      const target = { target: emulator.url, changeOrigin: false }
      return { server: { proxy: { '/v1': target, '/__dev': target } }, preview: { proxy: { '/v1': target, '/__dev': target } } }
    },
    configureServer(server) {
      serve(server)
      server.httpServer?.once('listening', () => announce(server.httpServer?.address()))
      server.httpServer?.once('close', () => void emulator?.stop())
    },
    configurePreviewServer(server) {
      serve(server)
      server.httpServer.once('listening', () => announce(server.httpServer.address()))
      server.httpServer.once('close', () => void emulator?.stop())
    },
  }
}

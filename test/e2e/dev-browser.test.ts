// dialkit's own dev-browser handshake in a real Chromium: a page on `localhost` talks to the emulator on
// `127.0.0.1` (another site, so the emulator's SameSite=Lax `__client` cookie never rides along on its calls)
// with a development key of a Clerk-hosted instance. Only the dev browser can keep the page's client; a reload
// finding it in the `__clerk_db_jwt` cookies, without a second handshake, proves it is kept like clerk-js keeps it.
import { build } from 'esbuild'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBackendClient } from '../../src/backend/index.js'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'
import { findChromium, launchChromium, screenshotOnFailure } from './browser.js'

const DEV_KEY = `pk_test_${Buffer.from('dialkit-emulator.clerk.accounts.dev$').toString('base64')}`
const PAGE = '<!doctype html><html><head><meta charset="utf-8"><title>dialkit dev browser</title><link rel="icon" href="data:,"></head><body><script type="module">import * as dialkit from "/dialkit.js"; window.dialkit = dialkit</script></body></html>'

/** The browser entry bundled from source, as an app's bundler would, and a blank page that imports it. */
async function startSite(): Promise<{ origin: string; stop: () => Promise<void> }> {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('../../src/index.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'error',
  })
  const script = bundle.outputFiles[0]!.text
  const server: Server = createServer((req, res) => {
    if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE)
    else if (req.url === '/dialkit.js') res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script)
    else res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    origin: `http://localhost:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  }
}

async function openSite(browser: Browser, origin: string, outside: string[]): Promise<Page> {
  const page = await browser.newPage()
  await page.route('**/*', (route) => {
    const { protocol, hostname } = new URL(route.request().url())
    if (protocol === 'data:' || hostname === '127.0.0.1' || hostname === 'localhost') return route.continue()
    outside.push(route.request().url())
    return route.abort()
  })
  await page.goto(origin)
  await page.waitForFunction(() => 'dialkit' in window)
  return page
}

describe('the dev-browser handshake in Chromium', () => {
  let emu: Emulator
  let site: Awaited<ReturnType<typeof startSite>>
  let browser: Browser

  beforeAll(async () => {
    findChromium()
    site = await startSite()
    ;[emu, browser] = await Promise.all([startEmulator({ port: 0, log: false, corsOrigins: [site.origin] }), launchChromium()])
  })
  afterAll(async () => {
    await browser?.close()
    await site?.stop()
    await emu?.stop()
  })

  it('signs in through a dev browser kept in clerk-js cookies, and is still signed in after a reload', async () => {
    const backend = createBackendClient({ secretKey: emu.secretKey, apiUrl: emu.url })
    const user = await backend.users.createUser({ firstName: 'Dev' })
    const { token: ticket } = await backend.signInTokens.createSignInToken({ userId: user.id })
    const outside: string[] = []
    const page = await openSite(browser, site.origin, outside)
    screenshotOnFailure(page, 'dev-browser')
    const calls: string[] = []
    page.on('request', (request) => {
      const url = new URL(request.url())
      if (url.origin === emu.url && request.method() !== 'OPTIONS') calls.push(`${url.pathname} ${url.searchParams.has('__clerk_db_jwt')}`)
    })
    const session = { key: DEV_KEY, frontendApi: emu.url, ticket }

    const first = await page.evaluate(async ({ key, frontendApi, ticket }) => {
      const { createClient } = (window as unknown as { dialkit: typeof import('../../src/index.js') }).dialkit
      const client = createClient({ publishableKey: key, frontendApi })
      await client.load()
      await client.signIn({ ticket })
      client.close()
      return { userId: client.user?.id, cookies: document.cookie.split('; ').map((pair) => pair.split('=')[0]).sort() }
    }, session)
    expect(first.userId).toBe(user.id)
    expect(first.cookies).toEqual(['__clerk_db_jwt', expect.stringMatching(/^__clerk_db_jwt_[\w-]{8}$/)])
    expect(calls).toEqual(['/v1/dev_browser false', '/v1/client true', '/v1/client/sign_ins true'])

    await page.reload()
    await page.waitForFunction(() => 'dialkit' in window)
    const reloaded = await page.evaluate(async ({ key, frontendApi }) => {
      const { createClient } = (window as unknown as { dialkit: typeof import('../../src/index.js') }).dialkit
      const client = createClient({ publishableKey: key, frontendApi })
      await client.load()
      client.close()
      return { status: client.store.get().status, userId: client.user?.id }
    }, session)
    expect(reloaded).toEqual({ status: 'signed-in', userId: user.id })
    expect(calls.slice(3)).toEqual(['/v1/client true'])
    expect(outside).toEqual([])
    await page.close()
  })
})

// A tiny static site for the clerk-js compatibility test: one blank page that loads `@clerk/clerk-js`'s
// browser build, served with its lazily loaded chunks from node_modules (the build finds them next to
// its own script URL), so nothing is fetched from a CDN.
import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import type { BackendClient } from '../../src/backend/index.js'
import type { Emulator } from '../../src/emulator/index.js'
import { startTestKit, type TestKit } from '../../src/testing/index.js'
import { findChromium, launchChromium } from './browser.js'

const DIST = fileURLToPath(new URL('../../node_modules/@clerk/clerk-js/dist/', import.meta.url))
const FILE = /^\/clerk-js\/([\w-][\w.-]*\.js)$/
// Keys and URLs only: anything else is refused rather than escaped into the page.
const SAFE = /^[\w:/.$=+-]*$/

export interface ClerkJsSite {
  /** `http://127.0.0.1:<port>` */
  origin: string
  /** The page that constructs `window.Clerk` for this publishable key and Frontend API URL. */
  pageUrl(publishableKey: string, proxyUrl: string): string
  stop(): Promise<void>
}

function html(publishableKey: string, proxyUrl: string): string {
  // clerk-js's browser build constructs `window.Clerk` from these data attributes (Clerk's documented
  // script-tag install). It builds `https://<frontend api>` from the key alone, so the emulator's plain
  // http URL goes in as the proxy URL, which clerk-js uses verbatim.
  return `<!doctype html><html><head><meta charset="utf-8"><title>clerk-js against dialkit</title><link rel="icon" href="data:,"></head><body>
<script src="/clerk-js/clerk.browser.js" data-clerk-publishable-key="${publishableKey}" data-clerk-proxy-url="${proxyUrl}"></script>
</body></html>`
}

function serve(path: string, query: URLSearchParams, res: import('node:http').ServerResponse): void {
  if (path === '/') {
    const key = query.get('publishableKey') ?? ''
    const proxy = query.get('proxyUrl') ?? ''
    if (!SAFE.test(key) || !SAFE.test(proxy)) {
      res.writeHead(400).end()
      return
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html(key, proxy))
    return
  }
  const file = FILE.exec(path)?.[1]
  if (!file) {
    res.writeHead(404).end()
    return
  }
  readFile(DIST + file).then(
    (body) => res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(body),
    () => res.writeHead(404).end(),
  )
}

/** Starts the site on a free loopback port. */
export async function startClerkJsSite(): Promise<ClerkJsSite> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    serve(url.pathname, url.searchParams, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    pageUrl: (publishableKey, proxyUrl) => `${origin}/?${new URLSearchParams({ publishableKey, proxyUrl })}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

/** Opens a clerk-js page, failing the test on any request that leaves the loopback interface. */
export async function openPage(browser: Browser, url: string, outside: string[], errors: string[]): Promise<Page> {
  const page = await browser.newPage()
  page.on('pageerror', (error) => errors.push(error.message))
  await page.route('**/*', (route) => {
    const { protocol, hostname } = new URL(route.request().url())
    if (protocol === 'blob:' || protocol === 'data:' || hostname === '127.0.0.1') return route.continue()
    outside.push(route.request().url())
    return route.abort()
  })
  await page.goto(url)
  await page.waitForFunction(() => 'Clerk' in window)
  return page
}

/** What a clerk-js test drives: the emulator, the page's site, Chromium and a backend client for setup. */
export interface ClerkJsRig {
  /** The test kit the emulator belongs to (users, sign-in, codes, clock). */
  readonly kit: TestKit
  readonly emu: Emulator
  readonly site: ClerkJsSite
  readonly browser: Browser
  readonly backend: BackendClient
}

/**
 * Starts the site, an emulator that lets it in by CORS and Chromium before the tests of the `describe` block it
 * is called in, and stops them after. The fields are read inside tests, once `beforeAll` has run.
 */
export function useClerkJsRig(): ClerkJsRig {
  let rig: ClerkJsRig | undefined
  const parts: { kit?: TestKit; site?: ClerkJsSite; browser?: Browser } = {}
  beforeAll(async () => {
    findChromium()
    parts.site = await startClerkJsSite()
    ;[parts.kit, parts.browser] = await Promise.all([startTestKit({ corsOrigins: [parts.site.origin] }), launchChromium()])
    rig = { ...parts, emu: parts.kit.emulator, backend: parts.kit.backend } as ClerkJsRig
  })
  afterAll(async () => {
    await parts.browser?.close()
    await parts.site?.stop()
    await parts.kit?.stop()
  })
  const started = () => {
    if (!rig) throw new Error('useClerkJsRig(): read its fields inside a test, after beforeAll')
    return rig
  }
  return {
    get kit() { return started().kit },
    get emu() { return started().emu },
    get site() { return started().site },
    get browser() { return started().browser },
    get backend() { return started().backend },
  }
}

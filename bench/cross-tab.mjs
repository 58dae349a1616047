/* global document, MutationObserver, BroadcastChannel */
// How long a change made in one tab takes to show in another: two pages of one Chromium context (two tabs of one
// browser, sharing the cookie and the BroadcastChannel) on the demo's built bundle (`vite preview`). Each run
// moves "Primary" between two numbers in tab A and times the click, the moment tab A's client posts the new
// client on its BroadcastChannel (postMessage, wrapped by an init script), and when each tab's DOM shows the
// change (MutationObserver: when the page updated, not when it painted). Times are on the wall clock both pages
// share (Date.now(): each page's performance.timeOrigin is its own), so whole milliseconds. Run: node bench/cross-tab.mjs [--runs 40] [--port 7400].
// Results are recorded in bench/README.md (## Cross-tab sync).
import { existsSync } from 'node:fs'
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { build } from 'vite'
import { serveDemo } from './serve-demo.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const config = `${root}examples/vanilla/vite.config.ts`
const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`)
  return at > 0 ? Number(process.argv[at + 1]) : fallback
}
const runs = option('runs', 40)
const WARMUP = 3
const TEST_NUMBER = '+16505550150' // a test number: code 424242, nothing texted

await build({ configFile: config, logLevel: 'warn' })
const executablePath = process.env.DIALKIT_CHROMIUM ?? '/usr/bin/chromium'
if (!existsSync(executablePath)) throw new Error('No Chromium: apt-get install -y chromium, or set DIALKIT_CHROMIUM')
const server = await serveDemo(['vite', 'preview', '--config', config], option('port', 0))
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu'],
})
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  await context.addInitScript(recordPosts)
  const a = await context.newPage()
  await a.goto(server.url)
  await a.waitForSelector('body[data-ready="true"]', { timeout: 30_000 })
  await a.click('[data-testid="continue-demo"]')
  await a.waitForSelector('body[data-screen="account"]', { timeout: 30_000 })
  const b = await context.newPage()
  await b.goto(server.url)
  await b.waitForSelector('body[data-screen="account"]', { timeout: 30_000 })
  const seeded = await a.getAttribute('[data-testid="phone-row"]', 'data-phone')
  await addVerifiedNumber(a)
  await b.waitForSelector(`[data-phone="${TEST_NUMBER}"][data-status="verified"]`, { timeout: 30_000 })

  const hop = [] // A posts the client -> B's DOM shows it: deliver, apply to B's store, render
  const total = [] // click in A -> B's DOM shows it: the request to the Frontend API included
  const own = [] // click in A -> A's DOM shows it, for comparison
  for (let i = 0; i < runs + WARMUP; i++) {
    const target = i % 2 === 0 ? TEST_NUMBER : seeded
    const [shownInA, shownInB] = [a, b].map((page) => page.evaluate(whenPrimary, target))
    await Promise.all([a.evaluate(() => 0), b.evaluate(() => 0)]) // both observers are in place
    const clickedAt = await a.evaluate((e164) => {
      const at = Date.now()
      document.querySelector(`[data-phone="${e164}"] [data-action="set-primary"]`).click()
      return at
    }, target)
    const [inA, inB] = await Promise.all([shownInA, shownInB])
    const postedAt = await a.evaluate(() => globalThis.__dialkitPosts.splice(0).at(-1))
    if (i >= WARMUP) {
      hop.push(inB - postedAt)
      total.push(inB - clickedAt)
      own.push(inA - clickedAt)
    }
  }
  console.log(`cross-tab sync, ${runs} changes, two pages of one context of Chromium ${browser.version()}, load average ${loadavg()[0].toFixed(2)}:`)
  console.log(`  tab A posts it -> tab B shows it: ${describe(hop)}`)
  console.log(`  click in tab A -> tab B shows it: ${describe(total)}`)
  console.log(`  click in tab A -> tab A shows it: ${describe(own)}`)
  await context.close()
} finally {
  await browser.close()
  await server.stop()
}

/** Init script: keeps the time of every post on a dialkit channel in `__dialkitPosts`. */
function recordPosts() {
  const posts = (globalThis.__dialkitPosts = [])
  const post = BroadcastChannel.prototype.postMessage
  BroadcastChannel.prototype.postMessage = function (message) {
    if (this.name.startsWith('dialkit:')) posts.push(Date.now())
    return post.call(this, message)
  }
}

/** In the page: resolves with the time `e164`'s row first carries the Primary badge. */
function whenPrimary(e164) {
  const selector = `[data-phone="${e164}"] [data-badge="primary"]`
  // Date.now(), not performance.now(): each page's timeOrigin is its own, and was seen to be ms apart.
  const now = () => Date.now()
  return new Promise((resolve) => {
    if (document.querySelector(selector)) return resolve(now())
    const observer = new MutationObserver(() => {
      if (!document.querySelector(selector)) return
      observer.disconnect()
      resolve(now())
    })
    observer.observe(document.body, { subtree: true, childList: true })
  })
}

async function addVerifiedNumber(page) {
  await page.getByLabel('Country', { exact: true }).selectOption('US')
  await page.getByLabel('Phone number', { exact: true }).fill('650 555 0150')
  await page.click('[data-testid="add-submit"]')
  await page.waitForSelector('[data-testid="verify-panel"][data-status="code-sent"]', { timeout: 30_000 })
  await page.fill('[data-testid="code-input"]', '424242')
  await page.click('[data-testid="verify-submit"]')
  await page.waitForSelector(`[data-phone="${TEST_NUMBER}"][data-status="verified"]`, { timeout: 30_000 })
}

function describe(times) {
  const sorted = [...times].sort((x, y) => x - y)
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
  const ms = (value) => `${value.toFixed(1)} ms`
  return `median ${ms(at(0.5))}, p95 ${ms(at(0.95))} (min ${ms(sorted[0])}, max ${ms(sorted.at(-1))}, n ${sorted.length})`
}

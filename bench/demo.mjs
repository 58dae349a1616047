/* global performance */
// Measures the demo (examples/vanilla): its production JS bundle (gzip) and time to interactive on
// localhost in Debian's Chromium, against the built bundle (`vite preview`) and the dev server
// (`npm run demo`). Run: node bench/demo.mjs [--runs 7]. Results are recorded in bench/README.md (## Demo).
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { build } from 'vite'
import { serveDemo } from './serve-demo.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const config = `${root}examples/vanilla/vite.config.ts`
const dist = `${root}examples/vanilla/dist/`
const runsArg = process.argv.indexOf('--runs')
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7

await build({ configFile: config, logLevel: 'warn' })
const manifest = JSON.parse(readFileSync(`${dist}.vite/manifest.json`, 'utf8'))
const entry = Object.values(manifest).find((chunk) => chunk.isEntry)
const initial = new Set()
const visit = (key) => {
  const chunk = manifest[key] ?? Object.values(manifest).find((c) => c.file === key)
  if (!chunk || initial.has(chunk.file)) return
  initial.add(chunk.file)
  for (const child of chunk.imports ?? []) visit(child)
}
visit(Object.keys(manifest).find((key) => manifest[key] === entry))
const sizes = Object.values(manifest)
  .filter((chunk) => chunk.file.endsWith('.js'))
  .map((chunk) => {
    const bytes = readFileSync(`${dist}${chunk.file}`)
    return { file: chunk.file, initial: initial.has(chunk.file), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
  })
const sum = (list, key) => list.reduce((total, item) => total + item[key], 0)
const first = sizes.filter((s) => s.initial)
const lazy = sizes.filter((s) => !s.initial)
const css = Object.values(manifest).flatMap((chunk) => chunk.css ?? [])
const cssGzip = [...new Set(css)].reduce((total, file) => total + gzipSync(readFileSync(`${dist}${file}`), { level: 9 }).length, 0)
console.log('demo JS, production build (gzip -9):')
for (const s of sizes) console.log(`  ${s.initial ? 'initial' : 'lazy   '} ${s.file}  ${s.raw} B raw, ${s.gzip} B gzip`)
console.log(`  initial JS: ${sum(first, 'gzip')} B gzip; lazy JS: ${sum(lazy, 'gzip')} B gzip; CSS: ${cssGzip} B gzip`)

const executablePath = process.env.DIALKIT_CHROMIUM ?? '/usr/bin/chromium'
if (!existsSync(executablePath)) throw new Error('No Chromium: apt-get install -y chromium, or set DIALKIT_CHROMIUM')
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu'],
})
try {
  for (const [label, args] of [
    ['built bundle (vite preview)', ['vite', 'preview', '--config', config]],
    ['dev server (npm run demo)', ['vite', '--config', config]],
  ]) {
    const server = await serveDemo(args)
    try {
      const cold = []
      const warm = []
      const tti = (page) => page.evaluate(() => performance.getEntriesByName('dialkit:interactive')[0]?.startTime ?? NaN)
      for (let i = 0; i < runs + 1; i++) {
        const context = await browser.newContext() // a fresh profile: new demo user, cold HTTP cache
        const page = await context.newPage()
        await page.goto(server.url)
        await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 })
        const first = await tti(page)
        // A new visitor sees the sign-in screen; going in as a demo user sets the cookie for the next visit.
        await page.click('[data-testid="continue-demo"]')
        await page.waitForSelector('body[data-screen="account"]', { timeout: 30_000 })
        // The same person coming back: signed in by the cookie, assets cached.
        await page.reload()
        await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 })
        const again = await tti(page)
        if (i > 0) {
          // The first round only warms the server (Vite transforms, emulator JIT).
          cold.push(first)
          warm.push(again)
        }
        await context.close()
      }
      console.log(`time to interactive, ${label}:`)
      console.log(`  first visit (signed-out screen):  ${describe(cold)}`)
      console.log(`  returning visit (cookie session): ${describe(warm)}`)
    } finally {
      await server.stop()
    }
  }
} finally {
  await browser.close()
}

function describe(times) {
  const sorted = [...times].sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)]
  return `median ${median.toFixed(0)} ms over ${sorted.length} tabs (min ${sorted[0].toFixed(0)}, max ${sorted.at(-1).toFixed(0)})`
}

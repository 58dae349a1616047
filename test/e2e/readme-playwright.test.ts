// The README's Playwright example for dialkit/testing, run as written against the demo in Chromium: `test`,
// `test.beforeAll` and `test.afterAll` are collected as Playwright's runner would call them, each test gets a
// fresh context's page, and the demo fronts the emulator the snippet starts (DIALKIT_EMULATOR_URL).
import { describe, expect, it } from 'vitest'
import { startTestKit } from '../../src/testing/index.js'
import { compile, testingKitSnippet } from '../support/readme.js'
import { screenshotOnFailure } from './browser.js'
import { useDemoInChromium } from './demo-server.js'
import { freePort } from '../support/free-port.js'

// The snippet's emulator listens on a fixed port, so the app can be pointed at it before it starts.
const EMULATOR_PORT = await freePort()

/** Playwright's `test` as the snippet uses it: its hooks and tests, collected to run in order. */
function playwrightShim() {
  type Body = (fixtures: { page: import('playwright-core').Page }) => Promise<unknown>
  const hooks = { before: [] as Array<() => unknown>, after: [] as Array<() => unknown>, tests: [] as Array<[string, Body]> }
  const test = Object.assign((name: string, body: Body) => void hooks.tests.push([name, body]), {
    beforeAll: (fn: () => unknown) => void hooks.before.push(fn),
    afterAll: (fn: () => unknown) => void hooks.after.push(fn),
  })
  return { test, hooks }
}

describe('README, Testing kit: the Playwright example', () => {
  const demo = useDemoInChromium({ env: { DIALKIT_EMULATOR_URL: `http://127.0.0.1:${EMULATOR_PORT}` } })

  it('runs as written against the demo in Chromium', async () => {
    const snippet = (await testingKitSnippet(1))
      .replaceAll("'http://localhost:5173'", JSON.stringify(demo.url))
      .replace('port: 4010', `port: ${EMULATOR_PORT}`)
    const { test, hooks } = playwrightShim()
    await compile(snippet, ['test', 'startTestKit'])(test, startTestKit)
    expect(hooks.tests.map(([name]) => name)).toEqual(['a signed-in user adds a number and verifies it'])
    for (const hook of hooks.before) await hook()
    try {
      for (const [, body] of hooks.tests) {
        const context = await demo.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' })
        const page = await context.newPage()
        screenshotOnFailure(page, 'readme-playwright')
        try {
          await body({ page })
        } finally {
          await context.close()
        }
      }
    } finally {
      for (const hook of hooks.after) await hook()
    }
  })
})

// The README's Vitest example for dialkit/testing, run as written: its beforeAll, afterAll and its tests are
// collected and run here, in order, with vitest's own expect, against the emulator the snippet starts.
import { describe, expect, it } from 'vitest'
import * as dialkit from '../../src/index.js'
import * as testing from '../../src/testing/index.js'
import { compile, testingKitSnippet } from '../support/readme.js'

/** A runner's hooks as the snippet calls them, collected to run in order. */
function collector() {
  const hooks = { before: [] as Array<() => unknown>, after: [] as Array<() => unknown>, tests: [] as Array<[string, () => unknown]> }
  return {
    hooks,
    beforeAll: (fn: () => unknown) => void hooks.before.push(fn),
    afterAll: (fn: () => unknown) => void hooks.after.push(fn),
    it: (name: string, fn: () => unknown) => void hooks.tests.push([name, fn]),
  }
}

describe('README, Testing kit: the Vitest example', () => {
  it('runs as written', async () => {
    const runner = collector()
    const { createClient, SignIn } = dialkit
    const snippet = await testingKitSnippet(0)
    await compile(snippet, ['beforeAll', 'afterAll', 'it', 'expect', 'createClient', 'SignIn', 'startTestKit'])(
      runner.beforeAll, runner.afterAll, runner.it, expect, createClient, SignIn, testing.startTestKit,
    )
    expect(runner.hooks.tests.map(([name]) => name)).toEqual(['verifies a new number with the code the emulator texted', 'signs in with an SMS second factor'])
    for (const hook of runner.hooks.before) await hook()
    try {
      for (const [, test] of runner.hooks.tests) await test()
    } finally {
      for (const hook of runner.hooks.after) await hook()
    }
  })
})

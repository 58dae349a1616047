// The README's "Prove the session to your server" snippet, run as written against a real emulator: its Hono
// route answers the page's fetch (routed to the app in process), with a token the SDK got.
import { readFile } from 'node:fs/promises'
import { verifyToken } from '@clerk/backend'
import { Hono } from 'hono'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBackendClient } from '../../src/backend/index.js'
import { signedInClient, startTestEmulator, TEST_NUMBER, type Emulator } from './harness.js'

async function snippet(): Promise<string> {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8')
  const block = /```ts\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf('## Prove the session to your server\n')))
  if (!block) throw new Error('README has no ts block under "## Prove the session to your server"')
  return block[1]!
}

/** Compiles the snippet into a function of the names it uses but does not declare; it returns what it left in `me`. */
function compile(code: string, names: string[]): (...values: unknown[]) => Promise<unknown> {
  const body = code.replace(/^import .*\n/gm, '')
  const js = ts.transpileModule(`async function snippet() {\n${body}\nreturn me\n}`, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText
  return new Function(...names, `${js}\nreturn snippet()`) as (...values: unknown[]) => Promise<unknown>
}

describe('README, Prove the session to your server', () => {
  let emu: Emulator
  beforeAll(async () => {
    emu = await startTestEmulator()
  })
  afterAll(() => emu.stop())

  async function run(signedOut: boolean) {
    const { client, backendUser } = await signedInClient(emu, signedOut ? {} : { phoneNumber: [TEST_NUMBER] })
    if (signedOut) await client.signOut()
    // The page's same-origin fetch, answered by the snippet's own app (the one its `new Hono().get()` made).
    const apps: Hono[] = []
    // `new RecordedHono()` in the snippet: a function constructor that returns an object yields that object.
    const RecordedHono = function () {
      const app = new Hono()
      apps.push(app)
      return app
    }
    const fetch = (path: string, init: RequestInit) => apps[0]!.request(path, init)
    const names = ['verifyToken', 'createBackendClient', 'Hono', 'secretKey', 'apiUrl', 'client', 'fetch']
    const me = await compile(await snippet(), names)(verifyToken, createBackendClient, RecordedHono, emu.secretKey, emu.url, client, fetch)
    return { me, backendUser }
  }

  it('runs as written: the route names the signed-in user and counts their numbers', async () => {
    const { me, backendUser } = await run(false)
    expect(me).toEqual({ userId: backendUser.id, phoneNumbers: 1 })
  })

  it('answers 401 for a page that is signed out (no token to send)', async () => {
    const { me } = await run(true)
    expect(me).toEqual({ error: 'unauthenticated' })
  })
})

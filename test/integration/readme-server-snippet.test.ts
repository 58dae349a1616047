// The README's "Prove the session to your server" snippet, run as written against a real emulator: its Hono
// route answers the page's fetch (routed to the app in process), with a token the SDK got.
import { verifyToken } from '@clerk/backend'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBackendClient } from '../../src/backend/index.js'
import { compile, readmeSnippet } from '../support/readme.js'
import { signedInClient, startTestEmulator, TEST_NUMBER, type Emulator } from './harness.js'

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
    const me = await compile(await readmeSnippet('Prove the session to your server'), names, 'me')(verifyToken, createBackendClient, RecordedHono, emu.secretKey, emu.url, client, fetch)
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

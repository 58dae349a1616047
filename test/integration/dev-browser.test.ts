// Clerk's dev-browser handshake end to end: a development key of a Clerk-hosted instance, cookie auth, every
// call proxied to a real emulator over HTTP. In Node there is no cookie jar, so the dev browser is the only
// thing that ties the calls to one client: signing in and reading the user back proves it works.
import { describe, expect, it } from 'vitest'
import { createClient } from '../../src/index.js'
import { backendFor, startTestEmulator, useTestEmulator } from './harness.js'

const DEV_KEY = `pk_test_${Buffer.from('dialkit-emulator.clerk.accounts.dev$').toString('base64')}`

const emu = useTestEmulator()

/** The real fetch, with every URL it was asked for written down. */
function recordingFetch() {
  const urls: URL[] = []
  const recorded: typeof fetch = (input, init) => {
    urls.push(new URL(input instanceof Request ? input.url : String(input)))
    return fetch(input, init)
  }
  return { fetch: recorded, urls }
}

const devClient = (baseUrl: string, fetch: typeof globalThis.fetch) =>
  createClient({ publishableKey: DEV_KEY, frontendApi: baseUrl, authMode: 'cookie', crossTab: false, fetch })

async function ticket() {
  const backend = backendFor(emu)
  const user = await backend.users.createUser({ firstName: 'Dev' })
  return { user, ticket: (await backend.signInTokens.createSignInToken({ userId: user.id })).token }
}

describe('the dev-browser handshake against the emulator', () => {
  it('signs in through the dev browser and stays signed in on later calls', async () => {
    const { user, ticket: token } = await ticket()
    const recorder = recordingFetch()
    const client = devClient(emu.url, recorder.fetch)
    await client.load()
    await client.signIn({ ticket: token })
    await client.load()
    expect(client.store.get()).toMatchObject({ status: 'signed-in', user: { id: user.id } })
    await client.user!.reload()
    expect(recorder.urls.map((url) => url.pathname)).toEqual(['/v1/dev_browser', '/v1/client', '/v1/client/sign_ins', '/v1/client', '/v1/me'])
    const jwts = new Set(recorder.urls.slice(1).map((url) => url.searchParams.get('__clerk_db_jwt')))
    expect(jwts.size).toBe(1)
    expect([...jwts][0]).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)
  })

  it('starts over with a new dev browser after the instance refuses the old one', async () => {
    // An emulator with another secret signs other dev browsers: the JWT from the first is foreign to it.
    const other = await startTestEmulator({ secretKey: 'sk_test_another_instance_secret_0123456789' })
    try {
      const recorder = recordingFetch()
      let target = emu.url
      const client = devClient('http://127.0.0.1:9', (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input))
        return recorder.fetch(`${target}${url.pathname}${url.search}`, input instanceof Request ? input : init)
      })
      const { ticket: token } = await ticket()
      await client.signIn({ ticket: token })
      target = other.url
      await expect(client.load()).rejects.toMatchObject({ name: 'ApiResponseError', status: 401, code: 'dev_browser_unauthenticated' })
      expect(client.store.get().status).toBe('signed-in')
      await client.load()
      expect(client.store.get().status).toBe('signed-out')
      expect(recorder.urls.map((url) => url.pathname)).toEqual(['/v1/dev_browser', '/v1/client/sign_ins', '/v1/client', '/v1/dev_browser', '/v1/client'])
      const [first, , refused, , fresh] = recorder.urls.map((url) => url.searchParams.get('__clerk_db_jwt'))
      expect(first).toBeNull()
      expect(refused).not.toBe(fresh)
    } finally {
      await other.stop()
    }
  })
})

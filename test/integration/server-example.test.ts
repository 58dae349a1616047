// examples/server: the app's backend route verifies the session token the SDK got with Clerk's own
// @clerk/backend (JWKS from the emulator, or networkless with the PEM) and answers with the user's numbers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServerApp, type MeResponse } from '../../examples/server/app.js'
import { signedInClient, startTestEmulator, TEST_NUMBER, type Emulator } from './harness.js'

let emu: Emulator
let other: Emulator
beforeAll(async () => {
  ;[emu, other] = await Promise.all([startTestEmulator(), startTestEmulator()])
})
afterAll(async () => {
  await Promise.all([emu.stop(), other.stop()])
})

const me = (app: ReturnType<typeof createServerApp>, token?: string | null) =>
  app.request('/api/me', { headers: token ? { authorization: `Bearer ${token}` } : {} })

describe('examples/server GET /api/me', () => {
  it('answers with the caller’s user and phone numbers for a token from session.getToken()', async () => {
    const { client, backendUser } = await signedInClient(emu, { phoneNumber: [TEST_NUMBER] })
    const app = createServerApp({ secretKey: emu.secretKey, apiUrl: emu.url })
    const response = await me(app, await client.session!.getToken())
    expect(response.status).toBe(200)
    const body = (await response.json()) as MeResponse
    expect(body).toEqual({
      userId: backendUser.id,
      sessionId: client.session!.id,
      phoneNumbers: [{ id: backendUser.phoneNumbers[0]!.id, phoneNumber: TEST_NUMBER, verified: true, primary: true }],
    })
  })

  it('verifies networkless with the instance’s PEM', async () => {
    const { client, backendUser } = await signedInClient(emu)
    // No key is fetched: the PEM verifies the token; the Backend API is only asked for the user.
    const app = createServerApp({ secretKey: emu.secretKey, apiUrl: emu.url, jwtKey: emu.jwtKey })
    const response = await me(app, await client.session!.getToken())
    expect(response.status).toBe(200)
    expect(((await response.json()) as MeResponse).userId).toBe(backendUser.id)
  })

  it('answers 401 without a token, with a tampered one and with another instance’s', async () => {
    const app = createServerApp({ secretKey: emu.secretKey, apiUrl: emu.url })
    const { client } = await signedInClient(emu)
    const token = (await client.session!.getToken())!
    const [header, payload, signature] = token.split('.') as [string, string, string]
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: 'user_x' })).toString('base64url')}.${signature}`
    const foreign = await (await signedInClient(other)).client.session!.getToken()
    for (const refused of [undefined, 'not-a-jwt', forged, foreign]) {
      const response = await me(app, refused)
      expect(response.status).toBe(401)
      expect(await response.json()).toMatchObject({ error: 'unauthenticated' })
    }
  })

  it('answers 401 once the user is deleted, though the token is still unexpired', async () => {
    const app = createServerApp({ secretKey: emu.secretKey, apiUrl: emu.url })
    const { client, backend, backendUser } = await signedInClient(emu)
    const token = await client.session!.getToken()
    await backend.users.deleteUser(backendUser.id)
    const response = await me(app, token)
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({ error: 'unauthenticated', reason: 'user-not-found' })
  })

  it('has no token to send once signed out', async () => {
    const app = createServerApp({ secretKey: emu.secretKey, apiUrl: emu.url })
    const { client } = await signedInClient(emu)
    await client.signOut()
    expect((await me(app, await client.session?.getToken())).status).toBe(401)
  })
})

describe('examples/server with a moved emulator clock', () => {
  it('refuses a token minted ten minutes ahead, unless told the issuer’s offset (as the demo does)', async () => {
    const { client } = await signedInClient(emu)
    emu.clock.advance(600_000)
    try {
      const token = await client.session!.getToken({ skipCache: true })
      const strict = createServerApp({ secretKey: emu.secretKey, apiUrl: emu.url })
      expect((await me(strict, token)).status).toBe(401)
      const clockSkewInMs = () => Math.abs(emu.clock.now() - Date.now()) + 5000
      const demo = createServerApp({ secretKey: emu.secretKey, apiUrl: emu.url, clockSkewInMs })
      expect((await me(demo, token)).status).toBe(200)
    } finally {
      emu.clock.set(Date.now())
    }
  })
})

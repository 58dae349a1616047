// The SDK's session.getToken() against the real emulator over HTTP, and the token it got accepted by Clerk's
// own @clerk/backend, as the app's server would check it.
import { createClerkClient, verifyToken } from '@clerk/backend'
import { describe, expect, it } from 'vitest'
import { ApiResponseError } from '../../src/index.js'
import { rejection, signedInClient, useTestEmulator } from './harness.js'

/** Clerk's SDKs report telemetry for development keys; nothing may leave this machine. */
const NO_TELEMETRY = { telemetry: { disabled: true } }

const emu = useTestEmulator()

describe('session.getToken against the emulator', () => {
  it('gets a token @clerk/backend verifies networkless with the PEM, naming the user and the session', async () => {
    const { client, backendUser } = await signedInClient(emu)
    const token = await client.session!.getToken()
    const claims = await verifyToken(token!, { jwtKey: emu.jwtKey })
    expect(claims).toMatchObject({ sub: backendUser.id, sid: client.session!.id, iss: emu.url, v: 2 })
  })

  it('gets a token authenticateRequest signs in with the JWKS fetched from the emulator', async () => {
    const { client, backendUser } = await signedInClient(emu)
    const token = await client.session!.getToken()
    const clerk = createClerkClient({ ...NO_TELEMETRY, publishableKey: emu.publishableKey, secretKey: emu.secretKey, apiUrl: emu.url })
    const state = await clerk.authenticateRequest(new Request('http://127.0.0.1:3000/api/me', { headers: { authorization: `Bearer ${token}` } }))
    expect(state.isAuthenticated).toBe(true)
    expect(state.toAuth()).toMatchObject({ userId: backendUser.id, sessionId: client.session!.id })
  })

  it('hands out the cached token, and a new one with skipCache', async () => {
    const { client } = await signedInClient(emu)
    const first = await client.session!.getToken()
    expect(await client.session!.getToken()).toBe(first)
    // A second later on the emulator's clock the new token's iat differs, so it is a different string.
    emu.clock.advance(1000)
    const fresh = await client.session!.getToken({ skipCache: true })
    expect(fresh).not.toBe(first)
    expect(await client.session!.getToken()).toBe(fresh)
  })

  it('resolves to null after signOut(), also for the session instance held from before', async () => {
    const { client } = await signedInClient(emu)
    const session = client.session!
    await session.getToken()
    await client.signOut()
    expect(client.session).toBeNull()
    expect(await session.getToken()).toBeNull()
  })

  it('rejects with the emulator’s error when the session was revoked on the server, and is signed out after a load', async () => {
    const { client, backend } = await signedInClient(emu)
    const session = client.session!
    await backend.sessions.revokeSession(session.id)
    const error = await rejection(() => session.getToken({ skipCache: true }))
    expect(error).toBeInstanceOf(ApiResponseError)
    await client.load()
    expect(client.session).toBeNull()
    expect(await session.getToken()).toBeNull()
  })
})

// Session tokens from the emulator are what Clerk's own @clerk/backend expects from a real instance: it
// verifies them networkless with the PEM (`jwtKey`) and with the JWKS it fetches from the emulator, and it
// rejects an expired, a tampered and another instance's token.
import { createClerkClient, verifyToken } from '@clerk/backend'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backendFor, startTestEmulator, type Emulator } from './harness.js'

const ORIGIN = 'http://127.0.0.1:5173'
/** Nothing listens on the discard port: a verification that needed the network would fail. */
const CLOSED_PORT = 'http://127.0.0.1:9'
/** Clerk's SDKs report telemetry for development keys; nothing may leave this machine. */
const NO_TELEMETRY = { telemetry: { disabled: true } }

/** Signs a fresh FAPI client in with a ticket and asks for a session token, as a browser SDK does. */
async function sessionToken(emu: Emulator): Promise<{ jwt: string; userId: string; sessionId: string }> {
  const backend = backendFor(emu)
  const user = await backend.users.createUser({ firstName: 'Tess' })
  const { token: ticket } = await backend.signInTokens.createSignInToken({ userId: user.id })
  const form = { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN }
  const signIn = await fetch(`${emu.url}/v1/client/sign_ins`, { method: 'POST', headers: form, body: new URLSearchParams({ strategy: 'ticket', ticket }) })
  const clientToken = signIn.headers.get('authorization')!
  const sessionId = ((await signIn.json()) as { response: { created_session_id: string } }).response.created_session_id
  const tokens = await fetch(`${emu.url}/v1/client/sessions/${sessionId}/tokens`, { method: 'POST', headers: { ...form, authorization: clientToken } })
  expect(tokens.status).toBe(200)
  const { jwt } = (await tokens.json()) as { jwt: string }
  return { jwt, userId: user.id, sessionId }
}

const bearer = (jwt: string) => new Request('http://127.0.0.1:3000/api/me', { headers: { authorization: `Bearer ${jwt}` } })

/** The payload with one claim changed and the original signature kept. */
function tampered(jwt: string, claims: Record<string, unknown>): string {
  const [header, payload, signature] = jwt.split('.') as [string, string, string]
  const changed = { ...JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')), ...claims }
  return `${header}.${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${signature}`
}

let emu: Emulator
let other: Emulator
beforeAll(async () => {
  ;[emu, other] = await Promise.all([startTestEmulator(), startTestEmulator()])
})
afterAll(async () => {
  await Promise.all([emu.stop(), other.stop()])
})

describe('@clerk/backend verifyToken', () => {
  it('accepts a session token networkless with the emulator’s PEM', async () => {
    const { jwt, userId, sessionId } = await sessionToken(emu)
    const claims = await verifyToken(jwt, { jwtKey: emu.jwtKey, authorizedParties: [ORIGIN] })
    expect(claims).toMatchObject({ sub: userId, sid: sessionId, azp: ORIGIN, iss: emu.url, sts: 'active', v: 2, fva: [0, -1] })
    expect(claims.exp - claims.iat).toBe(60)
  })

  it('accepts it with the JWKS fetched from the emulator’s Backend API', async () => {
    const { jwt, userId } = await sessionToken(emu)
    const claims = await verifyToken(jwt, { secretKey: emu.secretKey, apiUrl: emu.url, skipJwksCache: true })
    expect(claims.sub).toBe(userId)
  })

  it('rejects an expired token (minted on an emulator clock two minutes behind)', async () => {
    emu.clock.set(Date.now() - 120_000)
    try {
      const { jwt } = await sessionToken(emu)
      await expect(verifyToken(jwt, { jwtKey: emu.jwtKey })).rejects.toMatchObject({ reason: 'token-expired' })
    } finally {
      emu.clock.set(Date.now())
    }
  })

  it('rejects a tampered token', async () => {
    const { jwt } = await sessionToken(emu)
    const forged = tampered(jwt, { sub: 'user_someone_else' })
    await expect(verifyToken(forged, { jwtKey: emu.jwtKey })).rejects.toMatchObject({ reason: 'token-invalid-signature' })
    await expect(verifyToken(forged, { secretKey: emu.secretKey, apiUrl: emu.url })).rejects.toMatchObject({ reason: 'token-invalid-signature' })
  })

  it('rejects another instance’s token, with the PEM and with the JWKS', async () => {
    const { jwt } = await sessionToken(other)
    await expect(verifyToken(jwt, { jwtKey: emu.jwtKey })).rejects.toMatchObject({ reason: 'token-invalid-signature' })
    await expect(verifyToken(jwt, { secretKey: emu.secretKey, apiUrl: emu.url })).rejects.toMatchObject({ reason: 'jwk-kid-mismatch' })
  })

  it('rejects a token whose azp is not an authorized party', async () => {
    const { jwt } = await sessionToken(emu)
    await expect(verifyToken(jwt, { jwtKey: emu.jwtKey, authorizedParties: ['https://app.example'] })).rejects.toMatchObject({
      reason: 'token-invalid-authorized-parties',
    })
  })
})

describe('@clerk/backend authenticateRequest', () => {
  it('signs the request in networkless with the PEM', async () => {
    // A secret key is required but never used: apiUrl points at a closed port, so any call would fail.
    const clerk = createClerkClient({ ...NO_TELEMETRY, publishableKey: emu.publishableKey, secretKey: emu.secretKey, jwtKey: emu.jwtKey, apiUrl: CLOSED_PORT })
    const { jwt, userId, sessionId } = await sessionToken(emu)
    const state = await clerk.authenticateRequest(bearer(jwt), { authorizedParties: [ORIGIN] })
    expect(state.isAuthenticated).toBe(true)
    expect(state.toAuth()).toMatchObject({ userId, sessionId })
  })

  it('signs the request in with the JWKS from the emulator (secret key and apiUrl)', async () => {
    const clerk = createClerkClient({ ...NO_TELEMETRY, publishableKey: emu.publishableKey, secretKey: emu.secretKey, apiUrl: emu.url })
    const { jwt, userId } = await sessionToken(emu)
    const state = await clerk.authenticateRequest(bearer(jwt))
    expect(state.isAuthenticated).toBe(true)
    expect(state.toAuth()).toMatchObject({ userId })
  })

  it('leaves a tampered, an expired and another instance’s token signed out', async () => {
    const clerk = createClerkClient({ ...NO_TELEMETRY, publishableKey: emu.publishableKey, secretKey: emu.secretKey, apiUrl: emu.url })
    const { jwt } = await sessionToken(emu)
    const foreign = (await sessionToken(other)).jwt
    emu.clock.set(Date.now() - 120_000)
    const expired = await sessionToken(emu).finally(() => emu.clock.set(Date.now()))
    for (const token of [tampered(jwt, { sid: 'sess_forged' }), foreign, expired.jwt]) {
      const state = await clerk.authenticateRequest(bearer(token))
      expect(state.isAuthenticated).toBe(false)
      expect(state.toAuth()).toMatchObject({ userId: null })
    }
  })
})

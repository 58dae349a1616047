// Header-mode auth as cross-origin and native apps use it: the token comes back in `Authorization`, is
// readable cross-origin, and is accepted raw or as `Bearer <token>`.
import { describe, expect, it } from 'vitest'
import { backendFor, useTestEmulator } from './harness.js'

const ORIGIN = 'http://app.example.test'
const emu = useTestEmulator({ corsOrigins: [ORIGIN] })

async function signedInToken(): Promise<{ token: string; userId: string }> {
  const backend = backendFor(emu)
  const user = await backend.users.createUser({})
  const { token: ticket } = await backend.signInTokens.createSignInToken({ userId: user.id })
  const response = await fetch(`${emu.url}/v1/client/sign_ins`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
    body: new URLSearchParams({ strategy: 'ticket', ticket }),
  })
  expect(response.status).toBe(200)
  expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN)
  expect(response.headers.get('access-control-expose-headers') ?? '').toMatch(/authorization/i)
  return { token: response.headers.get('authorization')!, userId: user.id }
}

describe('header auth', () => {
  it('accepts the client token raw and as Bearer', async () => {
    const { token, userId } = await signedInToken()
    for (const authorization of [token, `Bearer ${token}`]) {
      const response = await fetch(`${emu.url}/v1/me`, { headers: { authorization, origin: ORIGIN } })
      expect(response.status).toBe(200)
      expect(((await response.json()) as { response: { id: string } }).response.id).toBe(userId)
    }
  })

  it('answers a preflight from a configured origin, and not from another', async () => {
    const preflight = (origin: string) =>
      fetch(`${emu.url}/v1/me/phone_numbers`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
      })
    const allowed = await preflight(ORIGIN)
    expect(allowed.status).toBeLessThan(300)
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ORIGIN)
    expect(allowed.headers.get('access-control-allow-headers') ?? '').toMatch(/authorization/i)
    const other = await preflight('http://evil.example.test')
    expect(other.headers.get('access-control-allow-origin')).not.toBe('http://evil.example.test')
  })

  it('answers /v1/me without a session with 401 and Clerk’s body', async () => {
    const response = await fetch(`${emu.url}/v1/me`)
    expect(response.status).toBe(401)
    const body = (await response.json()) as { errors: Array<{ code: string }> }
    expect(body.errors[0]!.code).toMatch(/^(signed_out|authentication_invalid)$/)
  })
})

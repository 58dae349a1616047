// The README's Emulator snippets, run as written: startEmulator() in a test, and the app's server verifying a
// session token with Clerk's own @clerk/backend (networkless with emu.jwtKey, and through authenticateRequest).
import { createClerkClient, verifyToken } from '@clerk/backend'
import { describe, expect, it, vi } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/index.js'
import { compile, readmeSnippet } from '../support/readme.js'
import { backendFor, useTestEmulator } from './harness.js'

/** The page origin the snippet's `authorizedParties` names: the token's `azp` when the page asked for it. */
const PAGE = 'http://localhost:5173'

describe('README, Emulator: startEmulator in tests', () => {
  it('runs as written and leaves the emulator stopped', async () => {
    const started: Emulator[] = []
    const start = vi.fn(async (options: Parameters<typeof startEmulator>[0]) => {
      const emu = await startEmulator(options)
      started.push(emu)
      return emu
    })
    await compile(await readmeSnippet('Emulator', 0), ['startEmulator'])(start)
    expect(start).toHaveBeenCalledWith({ port: 0 })
    const [emu] = started
    // Stopped: nothing answers on its URL any more.
    await expect(fetch(`${emu!.url}/v1/environment`)).rejects.toThrow()
  })
})

describe('README, Emulator: session tokens verified by @clerk/backend', () => {
  const emu = useTestEmulator()

  /** A signed-in FAPI client asks for its session token from the page's origin, as a browser SDK does there. */
  async function pageToken(): Promise<{ token: string; userId: string }> {
    const backend = backendFor(emu)
    const user = await backend.users.createUser({})
    const { token: ticket } = await backend.signInTokens.createSignInToken({ userId: user.id })
    const form = { 'content-type': 'application/x-www-form-urlencoded', origin: PAGE }
    const signIn = await fetch(`${emu.url}/v1/client/sign_ins`, { method: 'POST', headers: form, body: new URLSearchParams({ strategy: 'ticket', ticket }) })
    const sessionId = ((await signIn.json()) as { response: { created_session_id: string } }).response.created_session_id
    const res = await fetch(`${emu.url}/v1/client/sessions/${sessionId}/tokens`, { method: 'POST', headers: { ...form, authorization: signIn.headers.get('authorization')! } })
    return { token: ((await res.json()) as { jwt: string }).jwt, userId: user.id }
  }

  it('runs as written: the claims and the request auth name the signed-in user', async () => {
    const { token, userId } = await pageToken()
    const request = new Request('http://localhost:3000/api/me', { headers: { authorization: `Bearer ${token}` } })
    // Clerk's SDK reports telemetry for development keys; nothing may leave this machine.
    const offline = (options: Parameters<typeof createClerkClient>[0]) => createClerkClient({ ...options, telemetry: { disabled: true } })
    const names = ['createClerkClient', 'verifyToken', 'token', 'emu', 'request']
    // The block sits in a list item: dedented, its import line is dropped like any other's.
    const snippet = (await readmeSnippet('Emulator', 1)).replace(/^ {2}/gm, '')
    const { claims, auth } = (await compile(snippet, names, '{ claims, auth }')(offline, verifyToken, token, emu, request)) as {
      claims: { sub: string; azp: string }
      auth: { userId: string }
    }
    expect(claims).toMatchObject({ sub: userId, azp: PAGE })
    expect(auth.userId).toBe(userId)
  })
})

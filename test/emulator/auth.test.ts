import { describe, expect, it } from 'vitest'
import { createTestEmulator, SECRET } from './helpers.js'

describe('Backend API authentication', () => {
  it('answers a missing key with 401 authentication_invalid and a wrong one with clerk_key_invalid', async () => {
    const emu = createTestEmulator()
    const missing = await emu.send('/v1/users', { method: 'POST', body: '{}' })
    expect(missing.status).toBe(401)
    expect(missing.body.errors[0]).toMatchObject({ code: 'authentication_invalid', message: 'Invalid authentication' })
    const wrong = await emu.bapi('POST', '/v1/users', {}, 'sk_test_wrong')
    expect(wrong.status).toBe(401)
    expect(wrong.body.errors[0].code).toBe('clerk_key_invalid')
    const malformed = await emu.send('/v1/users/user_x', { headers: { authorization: SECRET } })
    expect(malformed.status).toBe(401)
    expect(emu.ctx.store.users.size).toBe(0)
  })

  it('accepts the key with any casing of Bearer', async () => {
    const emu = createTestEmulator()
    const reply = await emu.send('/v1/users', { method: 'POST', headers: { authorization: `bearer ${SECRET}` }, body: '{}' })
    expect(reply.status).toBe(200)
  })
})

describe('Frontend API client and session', () => {
  it('creates a client, sets an HttpOnly SameSite=Lax cookie and returns the token in Authorization', async () => {
    const emu = createTestEmulator()
    const reply = await emu.send('/v1/client', {})
    const token = reply.headers.get('authorization')
    expect(token).toBeTruthy()
    const cookie = reply.headers.get('set-cookie')!
    expect(cookie).toContain(`__client=${token}`)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    expect(cookie).toMatch(/Path=\//)
    const again = await emu.send('/v1/client', { headers: { cookie: `__client=${token}` } })
    expect(again.body.response.id).toBe(reply.body.response.id)
    const bearer = await emu.send('/v1/client', { headers: { authorization: `Bearer ${token}` } })
    expect(bearer.body.response.id).toBe(reply.body.response.id)
  })

  it('answers /v1/me with 401 when signed out', async () => {
    const emu = createTestEmulator()
    const reply = await emu.fapi('GET', '/v1/me')
    expect(reply.status).toBe(401)
    expect(reply.body.errors[0].code).toBe('authentication_invalid')
    expect(reply.headers.get('authorization')).toBeTruthy()
  })

  it('signs in once per ticket and rejects a used or expired one', async () => {
    const emu = createTestEmulator()
    const user = await emu.bapi('POST', '/v1/users', {})
    const ticket = (await emu.bapi('POST', '/v1/sign_in_tokens', { user_id: user.body.id, expires_in_seconds: 60 })).body.token as string
    const ok = await emu.fapi('POST', '/v1/client/sign_ins', { strategy: 'ticket', ticket })
    expect(ok.body.response).toMatchObject({ status: 'complete', object: 'sign_in_attempt' })
    expect(ok.body.client.last_active_session_id).toBe(ok.body.response.created_session_id)
    // Other clients (no token: a fresh one each), since this one is now signed in (single-session mode).
    expect((await emu.fapi('POST', '/v1/client/sign_ins', { strategy: 'ticket', ticket }, '')).body.errors[0].code).toBe('ticket_invalid_code')
    const late = (await emu.bapi('POST', '/v1/sign_in_tokens', { user_id: user.body.id, expires_in_seconds: 60 })).body.token as string
    emu.ctx.clock.advance(61_000)
    expect((await emu.fapi('POST', '/v1/client/sign_ins', { strategy: 'ticket', ticket: late }, '')).body.errors[0].code).toBe('ticket_expired_code')
  })

  it('refuses other sign-in strategies and a missing ticket', async () => {
    const emu = createTestEmulator()
    const other = await emu.fapi('POST', '/v1/client/sign_ins', { strategy: 'password', identifier: 'x' })
    expect(other.status).toBe(422)
    expect(other.body.errors[0]).toMatchObject({ code: 'form_param_value_invalid', meta: { param_name: 'strategy' } })
    const missing = await emu.fapi('POST', '/v1/client/sign_ins', { strategy: 'ticket' })
    expect(missing.body.errors[0]).toMatchObject({ code: 'form_param_nil', meta: { param_name: 'ticket' } })
  })

  it('uses _clerk_session_id to pick among sessions (multi-session mode) and signs a session out', async () => {
    const emu = createTestEmulator({ singleSessionMode: false })
    const first = await emu.signIn({ first_name: 'One' })
    const second = await emu.signIn({ first_name: 'Two' })
    expect((await emu.fapi('GET', '/v1/me')).body.response.first_name).toBe('Two')
    expect((await emu.fapi('GET', `/v1/me?_clerk_session_id=${first.sessionId}`)).body.response.first_name).toBe('One')
    const removed = await emu.fapi('POST', `/v1/client/sessions/${second.sessionId}/remove`)
    expect(removed.body.response.status).toBe('removed')
    expect(removed.body.client.last_active_session_id).toBe(first.sessionId)
    expect((await emu.fapi('GET', '/v1/me')).body.response.first_name).toBe('One')
    expect((await emu.fapi('GET', `/v1/me?_clerk_session_id=${second.sessionId}`)).status).toBe(401)
  })
})

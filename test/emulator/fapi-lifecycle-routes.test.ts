import { describe, expect, it } from 'vitest'
import { assertMatchesSpec } from './openapi.js'
import { createTestEmulator, type Reply } from './helpers.js'

function check(path: string, method: string, reply: Reply, status: number) {
  expect(reply.status).toBe(status)
  assertMatchesSpec('fapi', path, method, reply.status, reply.body)
}

describe('FAPI sign-out: DELETE /v1/client/sessions', { timeout: 60_000 }, () => {
  it('removes every session and keeps the client and its token', async () => {
    const emu = createTestEmulator()
    const { sessionId } = await emu.signIn()
    const before = emu.token
    const reply = await emu.fapi('DELETE', '/v1/client/sessions')
    check('/v1/client/sessions', 'delete', reply, 200)
    expect(reply.body.response).toMatchObject({ object: 'client', sessions: [], last_active_session_id: null })
    expect(reply.body.client.id).toBe(reply.body.response.id)
    expect(emu.token).toBe(before)
    expect(emu.ctx.store.sessions.get(sessionId)?.status).toBe('removed')
    expect((await emu.fapi('GET', '/v1/me')).status).toBe(401)
    expect((await emu.fapi('POST', `/v1/client/sessions/${sessionId}/tokens`)).status).toBe(404)
    const again = await emu.fapi('GET', '/v1/client')
    expect(again.body.response).toMatchObject({ id: reply.body.response.id, sessions: [] })
  })
})

describe('FAPI sign-out: DELETE /v1/client', { timeout: 60_000 }, () => {
  it('removes the sessions, forgets the client, clears the cookie and hands no token back', async () => {
    const emu = createTestEmulator()
    const { sessionId } = await emu.signIn()
    const old = emu.token!
    const clientId = (await emu.fapi('GET', '/v1/client')).body.response.id
    const reply = await emu.fapi('DELETE', '/v1/client')
    check('/v1/client', 'delete', reply, 200)
    expect(reply.body).toMatchObject({ response: { id: clientId, sessions: [] }, client: null })
    expect(reply.headers.get('authorization')).toBeNull()
    expect(reply.headers.get('set-cookie')).toMatch(/__client=;.*Max-Age=0/)
    expect(emu.ctx.store.sessions.get(sessionId)?.status).toBe('removed')
    expect(emu.ctx.store.clients.has(clientId)).toBe(false)
    const fresh = await emu.fapi('GET', '/v1/client', undefined, old)
    expect(fresh.body.response.id).not.toBe(clientId)
    expect(fresh.body.response.sessions).toEqual([])
  })
})

describe('FAPI session end', { timeout: 60_000 }, () => {
  it('ends one session of this client; another client’s or an ended one is 404', async () => {
    const emu = createTestEmulator()
    const { sessionId } = await emu.signIn()
    const PATH = '/v1/client/sessions/{session_id}/end'
    check(PATH, 'post', await emu.fapi('POST', `/v1/client/sessions/${sessionId}/end`, {}, 'not-this-client'), 404)
    const ended = await emu.fapi('POST', `/v1/client/sessions/${sessionId}/end`)
    check(PATH, 'post', ended, 200)
    expect(ended.body.response).toMatchObject({ id: sessionId, status: 'ended' })
    expect(ended.body.client).toMatchObject({ sessions: [], last_active_session_id: null })
    check(PATH, 'post', await emu.fapi('POST', `/v1/client/sessions/${sessionId}/end`), 404)
  })
})

describe('FAPI dev browser', { timeout: 60_000 }, () => {
  const withDevBrowser = (path: string, jwt: string) => `${path}${path.includes('?') ? '&' : '?'}__clerk_db_jwt=${encodeURIComponent(jwt)}`

  it('hands out a JWT that finds the same client on every request, without cookie or header', async () => {
    const emu = createTestEmulator()
    const created = await emu.send('/v1/dev_browser', { method: 'POST' })
    expect(created.status).toBe(200)
    expect(created.body).toEqual({ object: 'dev_browser', id: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/) })
    const jwt = created.body.id as string
    const first = await emu.send(withDevBrowser('/v1/client', jwt), { method: 'GET' })
    const second = await emu.send(withDevBrowser('/v1/client', jwt), { method: 'GET' })
    expect(second.body.response.id).toBe(first.body.response.id)
    const spec = await emu.send(`/v1/client?__dev_session=${encodeURIComponent(jwt)}`, { method: 'GET' })
    expect(spec.body.response.id).toBe(first.body.response.id)
  })

  it('signs in and out through the dev browser; after DELETE /v1/client the same JWT gets a fresh client', async () => {
    const emu = createTestEmulator()
    const jwt = (await emu.send('/v1/dev_browser', { method: 'POST' })).body.id as string
    const user = await emu.bapi('POST', '/v1/users', {})
    const ticket = await emu.bapi('POST', '/v1/sign_in_tokens', { user_id: user.body.id })
    const form = { 'content-type': 'application/x-www-form-urlencoded' }
    const signIn = await emu.send(withDevBrowser('/v1/client/sign_ins', jwt), { method: 'POST', headers: form, body: `strategy=ticket&ticket=${ticket.body.token}` })
    expect(signIn.status).toBe(200)
    const me = await emu.send(withDevBrowser('/v1/me', jwt), { method: 'GET' })
    expect(me.body.response.id).toBe(user.body.id)
    const clientId = signIn.body.client.id
    await emu.send(withDevBrowser('/v1/client?_method=DELETE', jwt), { method: 'POST', headers: form, body: '' })
    const fresh = await emu.send(withDevBrowser('/v1/client', jwt), { method: 'GET' })
    expect(fresh.body.response.id).not.toBe(clientId)
    expect(fresh.body.response.sessions).toEqual([])
    const same = await emu.send(withDevBrowser('/v1/client', jwt), { method: 'GET' })
    expect(same.body.response.id).toBe(fresh.body.response.id)
  })

  it('answers a JWT it did not sign with 401 dev_browser_unauthenticated, which makes clerk-js start over', async () => {
    const emu = createTestEmulator()
    const other = createTestEmulator({ secretKey: 'sk_test_other' })
    const foreign = (await other.send('/v1/dev_browser', { method: 'POST' })).body.id as string
    for (const jwt of [foreign, 'not-a-jwt']) {
      const reply = await emu.send(withDevBrowser('/v1/client', jwt), { method: 'GET' })
      expect(reply.status).toBe(401)
      expect(reply.body.errors[0].code).toBe('dev_browser_unauthenticated')
    }
  })
})

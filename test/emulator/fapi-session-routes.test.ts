import { createLocalJWKSet, jwtVerify } from 'jose'
import { describe, expect, it } from 'vitest'
import { assertMatchesSpec } from './openapi.js'
import { createTestEmulator, type Reply } from './helpers.js'

const TOUCH = '/v1/client/sessions/{session_id}/touch'
const TOKENS = '/v1/client/sessions/{session_id}/tokens'

function check(path: string, method: string, reply: Reply, status: number) {
  expect(reply.status).toBe(status)
  assertMatchesSpec('fapi', path, method, reply.status, reply.body)
}

const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8'))

describe('FAPI session touch', { timeout: 60_000 }, () => {
  it('makes the session the last active one and stamps last_active_at on the emulator clock', async () => {
    const emu = createTestEmulator()
    const { sessionId } = await emu.signIn()
    const advanced = emu.ctx.clock.advance(5_000)
    const touched = await emu.fapi('POST', `/v1/client/sessions/${sessionId}/touch`, { active_organization_id: '', intent: 'select_session' })
    check(TOUCH, 'post', touched, 200)
    expect(touched.body.response).toMatchObject({ id: sessionId, status: 'active' })
    expect(touched.body.response.last_active_at).toBeGreaterThanOrEqual(advanced)
    expect(touched.body.response.last_active_at).toBeLessThanOrEqual(emu.ctx.clock.now())
    expect(touched.body.client.last_active_session_id).toBe(sessionId)
  })

  it('is 404 for an unknown session, another client’s session and an organization', async () => {
    const emu = createTestEmulator()
    const { sessionId } = await emu.signIn()
    check(TOUCH, 'post', await emu.fapi('POST', '/v1/client/sessions/sess_missing/touch'), 404)
    const other = await emu.fapi('POST', `/v1/client/sessions/${sessionId}/touch`, {}, 'not-this-client')
    check(TOUCH, 'post', other, 404)
    const org = await emu.fapi('POST', `/v1/client/sessions/${sessionId}/touch`, { active_organization_id: 'org_1' })
    check(TOUCH, 'post', org, 404)
    expect(org.body.errors[0].meta.param_name).toBe('organization_id')
  })

  it('rejects an intent outside the spec’s enum', async () => {
    const emu = createTestEmulator()
    const { sessionId } = await emu.signIn()
    const reply = await emu.fapi('POST', `/v1/client/sessions/${sessionId}/touch`, { intent: 'nap' })
    check(TOUCH, 'post', reply, 422)
    expect(reply.body.errors[0]).toMatchObject({ code: 'form_param_value_invalid', meta: { param_name: 'intent' } })
  })
})

describe('FAPI session tokens', { timeout: 60_000 }, () => {
  it('mints a JWT for the session, accepting the undocumented fields clerk-js sends', async () => {
    const emu = createTestEmulator()
    const { userId, sessionId } = await emu.signIn()
    const before = Math.floor(emu.ctx.clock.now() / 1000)
    const reply = await emu.send(`/v1/client/sessions/${sessionId}/tokens?_clerk_js_version=6.40.0`, {
      method: 'POST',
      headers: { authorization: emu.token!, origin: 'http://127.0.0.1:5173', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'organization_id=&tab_state=focused',
    })
    check(TOKENS, 'post', reply, 200)
    expect(reply.body.object).toBe('token')
    const jwks = await emu.send('/.well-known/jwks.json', { method: 'GET' })
    const { protectedHeader } = await jwtVerify(reply.body.jwt, createLocalJWKSet(jwks.body), { currentDate: new Date(emu.ctx.clock.now()) })
    expect(protectedHeader).toEqual({ alg: 'RS256', kid: jwks.body.keys[0].kid, typ: 'JWT' })
    const claims = claimsOf(reply.body.jwt)
    expect(claims).toMatchObject({ sid: sessionId, sub: userId, azp: 'http://127.0.0.1:5173' })
    expect(claims.exp - claims.iat).toBe(60)
    // Issued on the emulator's clock while the request was in flight (bounds, not a tolerance: a busy machine is slow).
    expect(claims.iat).toBeGreaterThanOrEqual(before)
    expect(claims.iat).toBeLessThanOrEqual(Math.ceil(emu.ctx.clock.now() / 1000))
  })

  it('is 404 for a removed session, another client’s session and an organization', async () => {
    const emu = createTestEmulator()
    const { sessionId } = await emu.signIn()
    check(TOKENS, 'post', await emu.fapi('POST', `/v1/client/sessions/${sessionId}/tokens`, {}, 'not-this-client'), 404)
    check(TOKENS, 'post', await emu.fapi('POST', `/v1/client/sessions/${sessionId}/tokens`, { organization_id: 'org_1' }), 404)
    await emu.fapi('POST', `/v1/client/sessions/${sessionId}/remove`)
    check(TOKENS, 'post', await emu.fapi('POST', `/v1/client/sessions/${sessionId}/tokens`), 404)
  })

  it('is 404 once the session has expired', async () => {
    const emu = createTestEmulator()
    const { sessionId } = await emu.signIn()
    emu.ctx.clock.advance(8 * 24 * 60 * 60 * 1000)
    check(TOKENS, 'post', await emu.fapi('POST', `/v1/client/sessions/${sessionId}/tokens`), 404)
  })
})

describe('JWKS', { timeout: 60_000 }, () => {
  it('serves one RS256 signing key on the Frontend API, publicly, and the same on the Backend API', async () => {
    const emu = createTestEmulator()
    const fapi = await emu.send('/.well-known/jwks.json', { method: 'GET' })
    check('/.well-known/jwks.json', 'get', fapi, 200)
    expect(fapi.body.keys).toEqual([{ use: 'sig', kty: 'RSA', kid: expect.stringMatching(/^ins_/), alg: 'RS256', n: expect.any(String), e: 'AQAB' }])
    const bapi = await emu.bapi('GET', '/v1/jwks')
    expect(bapi.status).toBe(200)
    assertMatchesSpec('bapi', '/jwks', 'get', 200, bapi.body)
    expect(bapi.body).toEqual(fapi.body)
  })

  it('wants the secret key on the Backend API', async () => {
    const emu = createTestEmulator()
    expect((await emu.bapi('GET', '/v1/jwks', undefined, 'sk_test_wrong')).status).toBe(401)
    expect((await emu.send('/v1/jwks', { method: 'GET' })).status).toBe(401)
  })
})

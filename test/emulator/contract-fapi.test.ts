import { beforeAll, describe, expect, it } from 'vitest'
import { assertMatchesSpec } from './openapi.js'
import { createTestEmulator, type Reply } from './helpers.js'

const P = '/v1/me/phone_numbers'
const ITEM = `${P}/{phone_number_id}`

function check(path: string, method: string, reply: Reply, status?: number) {
  if (status !== undefined) expect(reply.status).toBe(status)
  assertMatchesSpec('fapi', path, method, reply.status, reply.body)
}

// Compiling the spec's deeply nested user schema takes seconds the first time.
describe('FAPI responses match fapi-2026-05-12.yml', { timeout: 60_000 }, () => {
  let emu: ReturnType<typeof createTestEmulator>
  beforeAll(async () => {
    emu = createTestEmulator()
  })

  it('environment and a fresh client', async () => {
    const environment = await emu.send('/v1/environment', {})
    check('/v1/environment', 'get', environment, 200)
    // clerk-js (development keys) loads it as POST ?_method=PATCH, Clerk's "touch" of the environment.
    const patched = await emu.fapi('PATCH', '/v1/environment')
    check('/v1/environment', 'patch', patched, 200)
    expect(patched.body).toEqual(environment.body)
    const client = await emu.fapi('GET', '/v1/client')
    check('/v1/client', 'get', client, 200)
    expect(client.body.response.sessions).toEqual([])
  })

  it('ticket sign-in, user, and every phone-number operation including errors', async () => {
    const user = await emu.bapi('POST', '/v1/users', { first_name: 'Ada' })
    const ticket = await emu.bapi('POST', '/v1/sign_in_tokens', { user_id: user.body.id })
    check('/v1/client/sign_ins', 'post', await emu.fapi('POST', '/v1/client/sign_ins', { strategy: 'ticket', ticket: ticket.body.token }), 200)
    check('/v1/client/sign_ins', 'post', await emu.fapi('POST', '/v1/client/sign_ins', { strategy: 'ticket', ticket: 'nope' }), 400)
    check('/v1/client', 'get', await emu.fapi('GET', '/v1/client'), 200)
    check('/v1/me', 'get', await emu.fapi('GET', '/v1/me'), 200)

    const created = await emu.fapi('POST', P, { phone_number: '+14155552671' })
    check(P, 'post', created, 200)
    check(P, 'post', await emu.fapi('POST', P, { phone_number: 'abc' }), 422)
    check(P, 'post', await emu.fapi('POST', P, { phone_number: '+14155552671' }), 422)
    const id = created.body.response.id as string
    check(P, 'get', await emu.fapi('GET', P), 200)
    check(ITEM, 'get', await emu.fapi('GET', `${P}/${id}`), 200)
    check(ITEM, 'get', await emu.fapi('GET', `${P}/idn_missing`), 404)
    check(ITEM, 'patch', await emu.fapi('PATCH', `${P}/${id}`, { reserved_for_second_factor: 'true' }), 400)
    check(`${ITEM}/attempt_verification`, 'post', await emu.fapi('POST', `${P}/${id}/attempt_verification`, { code: '123456' }), 400)
    check(`${ITEM}/prepare_verification`, 'post', await emu.fapi('POST', `${P}/${id}/prepare_verification`, { strategy: 'phone_code' }), 200)
    check(`${ITEM}/prepare_verification`, 'post', await emu.fapi('POST', `${P}/${id}/prepare_verification`, { strategy: 'phone_code' }), 429)
    const code = emu.ctx.outbox.latest()!.code
    check(`${ITEM}/attempt_verification`, 'post', await emu.fapi('POST', `${P}/${id}/attempt_verification`, { code: code === '000000' ? '111111' : '000000' }), 422)
    check(`${ITEM}/attempt_verification`, 'post', await emu.fapi('POST', `${P}/${id}/attempt_verification`, { code }), 200)
    check(ITEM, 'patch', await emu.fapi('PATCH', `${P}/${id}`, { reserved_for_second_factor: 'true' }), 200)
    check(ITEM, 'patch', await emu.fapi('PATCH', `${P}/${id}`, { default_second_factor: 'true' }), 200)
    check('/v1/me', 'patch', await emu.fapi('PATCH', '/v1/me', { primary_phone_number_id: id }), 200)
    check('/v1/me', 'patch', await emu.fapi('PATCH', '/v1/me', { primary_phone_number_id: 'idn_other' }), 404)
    check('/v1/me', 'get', await emu.fapi('GET', '/v1/me'), 200)
    check(ITEM, 'delete', await emu.fapi('DELETE', `${P}/${id}`), 200)
    check(ITEM, 'delete', await emu.fapi('DELETE', `${P}/${id}`), 404)
  })

  it('sign-out and the signed-out 401', async () => {
    const sessionId = (await emu.fapi('GET', '/v1/client')).body.response.last_active_session_id as string
    const removed = await emu.fapi('POST', `/v1/client/sessions/${sessionId}/remove`)
    check('/v1/client/sessions/{session_id}/remove', 'post', removed, 200)
    expect(removed.body.response.status).toBe('removed')
    check('/v1/client/sessions/{session_id}/remove', 'post', await emu.fapi('POST', `/v1/client/sessions/${sessionId}/remove`), 404)
    check('/v1/me', 'get', await emu.fapi('GET', '/v1/me'), 401)
    check(P, 'get', await emu.fapi('GET', P), 401)
  })

  it('the validator is not vacuous: an extra field fails', () => {
    const body = { id: 'idn_x', object: 'phone_number', phone_number: '+1', verification: null, linked_to: [], reserved: false, created_at: 1, updated_at: 1 }
    expect(() => assertMatchesSpec('fapi', P, 'get', 200, [body])).not.toThrow()
    expect(() => assertMatchesSpec('fapi', P, 'get', 200, [{ ...body, extra: 1 }])).toThrow(/does not match/)
    const nullExpiry = { object: 'verification_otp', status: 'unverified', strategy: 'phone_code', attempts: 0, expire_at: null }
    expect(() => assertMatchesSpec('fapi', P, 'get', 200, [{ ...body, verification: nullExpiry }])).toThrow()
  })
})

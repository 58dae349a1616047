import { describe, expect, it } from 'vitest'
import { assertMatchesSpec } from './openapi.js'
import { createTestEmulator, type Reply } from './helpers.js'

function check(path: string, method: string, reply: Reply, status: number) {
  expect(reply.status).toBe(status)
  assertMatchesSpec('bapi', path, method, reply.status, reply.body)
}

describe('BAPI user list, count, update and delete', { timeout: 60_000 }, () => {
  it('lists users by phone number, external id and user id, newest first, with limit, offset and order_by', async () => {
    const emu = createTestEmulator()
    const ids: string[] = []
    for (const [index, external] of ['a', 'b', 'c'].entries()) {
      emu.ctx.clock.advance(1000)
      ids.push((await emu.bapi('POST', '/v1/users', { external_id: external, phone_number: [`+1415555270${index}`] })).body.id)
    }
    const list = await emu.bapi('GET', '/v1/users')
    check('/users', 'get', list, 200)
    expect(list.body.map((user: { id: string }) => user.id)).toEqual([...ids].reverse())
    const ascending = await emu.bapi('GET', '/v1/users?order_by=%2Bcreated_at&limit=2&offset=1')
    expect(ascending.body.map((user: { id: string }) => user.id)).toEqual([ids[1], ids[2]])
    expect((await emu.bapi('GET', '/v1/users?phone_number=14155552701')).body.map((u: { id: string }) => u.id)).toEqual([ids[1]])
    expect((await emu.bapi('GET', '/v1/users?external_id=a&external_id=c')).body.map((u: { id: string }) => u.id)).toEqual([ids[2], ids[0]])
    expect((await emu.bapi('GET', `/v1/users?user_id=${ids[0]}&external_id=b`)).body).toEqual([])
    const count = await emu.bapi('GET', '/v1/users/count?external_id=a&external_id=b')
    check('/users/count', 'get', count, 200)
    expect(count.body).toEqual({ object: 'total_count', total_count: 2 })
    check('/users', 'get', await emu.bapi('GET', '/v1/users?limit=0'), 422)
    check('/users', 'get', await emu.bapi('GET', '/v1/users?order_by=email_address'), 422)
    check('/users', 'get', await emu.bapi('GET', '/v1/users', undefined, 'sk_test_wrong'), 401)
  })

  it('updates profile fields and the primary number; a refused change changes nothing', async () => {
    const emu = createTestEmulator()
    const user = await emu.bapi('POST', '/v1/users', { phone_number: ['+14155552701', '+14155552702'], first_name: 'Ada' })
    const second = user.body.phone_numbers[1].id
    const updated = await emu.bapi('PATCH', `/v1/users/${user.body.id}`, { last_name: 'King', external_id: 'ext-9', primary_phone_number_id: second, public_metadata: { plan: 'pro' } })
    check('/users/{user_id}', 'patch', updated, 200)
    expect(updated.body).toMatchObject({ first_name: 'Ada', last_name: 'King', external_id: 'ext-9', primary_phone_number_id: second, public_metadata: { plan: 'pro' } })
    const refused = await emu.bapi('PATCH', `/v1/users/${user.body.id}`, { first_name: 'Eve', primary_phone_number_id: 'idn_missing' })
    check('/users/{user_id}', 'patch', refused, 404)
    expect((await emu.bapi('GET', `/v1/users/${user.body.id}`)).body.first_name).toBe('Ada')
    check('/users/{user_id}', 'patch', await emu.bapi('PATCH', `/v1/users/${user.body.id}`, { frist_name: 'typo' }), 422)
    check('/users/{user_id}', 'patch', await emu.bapi('PATCH', '/v1/users/user_missing', {}), 404)
  })

  it('deletes a user with their numbers, sign-in tokens and sessions', async () => {
    const emu = createTestEmulator()
    const { userId, sessionId } = await emu.signIn({ phone_number: ['+14155552701'] })
    const phoneId = (await emu.bapi('GET', `/v1/users/${userId}`)).body.phone_numbers[0].id
    const ticket = await emu.bapi('POST', '/v1/sign_in_tokens', { user_id: userId })
    const deleted = await emu.bapi('DELETE', `/v1/users/${userId}`)
    check('/users/{user_id}', 'delete', deleted, 200)
    expect(deleted.body).toEqual({ object: 'user', id: userId, deleted: true })
    expect((await emu.bapi('GET', `/v1/users/${userId}`)).status).toBe(404)
    expect((await emu.bapi('GET', `/v1/phone_numbers/${phoneId}`)).status).toBe(404)
    expect((await emu.bapi('GET', `/v1/sessions/${sessionId}`)).body.status).toBe('revoked')
    expect((await emu.fapi('GET', '/v1/me')).status).toBe(401)
    expect((await emu.fapi('POST', '/v1/client/sign_ins', { strategy: 'ticket', ticket: ticket.body.token })).status).toBe(400)
    // The number is free again.
    expect((await emu.bapi('POST', '/v1/users', { phone_number: ['+14155552701'] })).status).toBe(200)
    check('/users/{user_id}', 'delete', await emu.bapi('DELETE', `/v1/users/${userId}`), 404)
  })
})

describe('BAPI sessions and testing tokens', { timeout: 60_000 }, () => {
  it('lists sessions by user, client and status, and revokes one', async () => {
    const emu = createTestEmulator()
    const { userId, sessionId } = await emu.signIn()
    const list = await emu.bapi('GET', `/v1/sessions?user_id=${userId}`)
    check('/sessions', 'get', list, 200)
    expect(list.body).toEqual([expect.objectContaining({ object: 'session', id: sessionId, user_id: userId, status: 'active' })])
    const paged = await emu.bapi('GET', `/v1/sessions?user_id=${userId}&paginated=true`)
    expect(paged.body).toEqual({ data: list.body, total_count: 1 })
    expect((await emu.bapi('GET', '/v1/sessions?user_id=user_other')).body).toEqual([])
    check('/sessions', 'get', await emu.bapi('GET', '/v1/sessions?status=sleeping'), 422)

    const revoked = await emu.bapi('POST', `/v1/sessions/${sessionId}/revoke`)
    check('/sessions/{session_id}/revoke', 'post', revoked, 200)
    expect(revoked.body.status).toBe('revoked')
    expect((await emu.bapi('GET', `/v1/sessions?user_id=${userId}&status=active`)).body).toEqual([])
    expect((await emu.fapi('GET', '/v1/me')).status).toBe(401)
    expect((await emu.fapi('GET', '/v1/client')).body.response.sessions).toEqual([])
    check('/sessions/{session_id}/revoke', 'post', await emu.bapi('POST', '/v1/sessions/sess_missing/revoke'), 404)
  })

  it('creates a testing token that expires in an hour', async () => {
    const emu = createTestEmulator()
    const reply = await emu.bapi('POST', '/v1/testing_tokens')
    check('/testing_tokens', 'post', reply, 200)
    const now = Math.floor(emu.ctx.clock.now() / 1000)
    expect(reply.body).toEqual({ object: 'testing_token', token: expect.stringMatching(/^\d+-[\w-]+$/), expires_at: expect.any(Number) })
    expect(reply.body.expires_at - now).toBeGreaterThanOrEqual(3599)
    expect((await emu.bapi('POST', '/v1/testing_tokens', undefined, 'sk_test_wrong')).status).toBe(401)
  })
})

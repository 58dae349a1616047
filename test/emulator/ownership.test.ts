import { describe, expect, it } from 'vitest'
import { createTestEmulator } from './helpers.js'

const P = '/v1/me/phone_numbers'

describe('ownership', () => {
  it('answers 404 to every operation on another user\'s number and changes nothing', async () => {
    const alice = createTestEmulator()
    await alice.signIn()
    const bob = { ...alice }
    // Bob: a second FAPI client on the same emulator (its own token).
    const bobUser = await alice.bapi('POST', '/v1/users', { phone_number: ['+14155552671'] })
    const ticket = await alice.bapi('POST', '/v1/sign_in_tokens', { user_id: bobUser.body.id })
    const signIn = await alice.fapi('POST', '/v1/client/sign_ins', { strategy: 'ticket', ticket: ticket.body.token }, 'no-token-yet')
    const bobToken = signIn.headers.get('authorization')!
    const bobPhoneId = bobUser.body.phone_numbers[0].id as string
    const before = JSON.stringify(alice.ctx.store.phoneNumbers.get(bobPhoneId))
    const beforeUser = JSON.stringify(alice.ctx.store.users.get(bobUser.body.id))

    const attempts = [
      alice.fapi('GET', `${P}/${bobPhoneId}`),
      alice.fapi('PATCH', `${P}/${bobPhoneId}`, { reserved_for_second_factor: 'true' }),
      alice.fapi('DELETE', `${P}/${bobPhoneId}`),
      alice.fapi('POST', `${P}/${bobPhoneId}/prepare_verification`, { strategy: 'phone_code' }),
      alice.fapi('POST', `${P}/${bobPhoneId}/attempt_verification`, { code: '424242' }),
      alice.fapi('PATCH', '/v1/me', { primary_phone_number_id: bobPhoneId }),
    ]
    for (const reply of await Promise.all(attempts)) {
      expect(reply.status).toBe(404)
      expect(reply.body.errors[0].code).toBe('resource_not_found')
    }
    expect(JSON.stringify(alice.ctx.store.phoneNumbers.get(bobPhoneId))).toBe(before)
    expect(JSON.stringify(alice.ctx.store.users.get(bobUser.body.id))).toBe(beforeUser)
    expect(alice.ctx.outbox.list()).toEqual([])
    const own = await bob.fapi('GET', `${P}/${bobPhoneId}`, undefined, bobToken)
    expect(own.status).toBe(200)
  })

  it('does not let a client use a session of another client through _clerk_session_id', async () => {
    const alice = createTestEmulator()
    const { sessionId } = await alice.signIn()
    const stranger = await alice.fapi('GET', `/v1/me?_clerk_session_id=${sessionId}`, undefined, 'some-other-client')
    expect(stranger.status).toBe(401)
    expect(stranger.body.errors[0].code).toBe('authentication_invalid')
  })

  it('treats ids that look like object keys as plain unknown ids', async () => {
    const emu = createTestEmulator()
    await emu.signIn()
    for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'idn_%00']) {
      const reply = await emu.fapi('GET', `${P}/${id}`)
      expect(reply.status).toBe(404)
      expect((await emu.bapi('GET', `/v1/users/${id}`)).status).toBe(404)
    }
  })
})

import { describe, expect, it } from 'vitest'
import { assertMatchesSpec } from './openapi.js'
import { createTestEmulator, type Reply } from './helpers.js'

// BAPI spec paths are relative to its server URL, which already ends in /v1.
function check(path: string, method: string, reply: Reply, status: number) {
  expect(reply.status).toBe(status)
  assertMatchesSpec('bapi', path, method, reply.status, reply.body)
}

describe('BAPI responses match bapi-2026-05-12.yml', { timeout: 60_000 }, () => {
  it('users, phone numbers and sign-in tokens, including errors', async () => {
    const emu = createTestEmulator()
    const user = await emu.bapi('POST', '/v1/users', { phone_number: ['15551234567'], external_id: 'ext', first_name: 'Ada', last_name: 'L' })
    check('/users', 'post', user, 200)
    expect(user.body.phone_numbers[0].verification).toEqual({ object: 'verification_admin', status: 'verified', strategy: 'admin', attempts: null, expire_at: null })
    check('/users', 'post', await emu.bapi('POST', '/v1/users', { phone_number: ['+15551234567'] }), 422)
    check('/users', 'post', await emu.bapi('POST', '/v1/users', {}, 'sk_test_wrong'), 401)
    check('/users/{user_id}', 'get', await emu.bapi('GET', `/v1/users/${user.body.id}`), 200)
    check('/users/{user_id}', 'get', await emu.bapi('GET', '/v1/users/user_missing'), 404)

    const phone = await emu.bapi('POST', '/v1/phone_numbers', { user_id: user.body.id, phone_number: '+14155552671', verified: true, reserved_for_second_factor: true })
    check('/phone_numbers', 'post', phone, 200)
    expect(phone.body.backup_codes).toHaveLength(10)
    const unverified = await emu.bapi('POST', '/v1/phone_numbers', { user_id: user.body.id, phone_number: '+14155552672' })
    check('/phone_numbers', 'post', unverified, 200)
    check('/phone_numbers', 'post', await emu.bapi('POST', '/v1/phone_numbers', { user_id: user.body.id, phone_number: '+1' }), 422)
    check('/phone_numbers', 'post', await emu.bapi('POST', '/v1/phone_numbers', { user_id: 'user_missing', phone_number: '+14155552673' }), 404)
    check('/phone_numbers', 'post', await emu.bapi('POST', '/v1/phone_numbers', { user_id: user.body.id, phone_number: '+14155552673', reserved_for_second_factor: true }), 400)
    const id = phone.body.id as string
    check('/phone_numbers/{phone_number_id}', 'get', await emu.bapi('GET', `/v1/phone_numbers/${id}`), 200)
    check('/phone_numbers/{phone_number_id}', 'patch', await emu.bapi('PATCH', `/v1/phone_numbers/${id}`, { primary: true }), 200)
    check('/phone_numbers/{phone_number_id}', 'patch', await emu.bapi('PATCH', `/v1/phone_numbers/${unverified.body.id}`, { reserved_for_second_factor: true }), 400)
    check('/phone_numbers/{phone_number_id}', 'delete', await emu.bapi('DELETE', `/v1/phone_numbers/${id}`), 200)
    check('/phone_numbers/{phone_number_id}', 'get', await emu.bapi('GET', `/v1/phone_numbers/${id}`), 404)
    check('/users/{user_id}', 'get', await emu.bapi('GET', `/v1/users/${user.body.id}`), 200)

    check('/sign_in_tokens', 'post', await emu.bapi('POST', '/v1/sign_in_tokens', { user_id: user.body.id, expires_in_seconds: 60 }), 200)
    check('/sign_in_tokens', 'post', await emu.bapi('POST', '/v1/sign_in_tokens', { user_id: 'user_missing' }), 404)
    check('/sign_in_tokens', 'post', await emu.bapi('POST', '/v1/sign_in_tokens', { user_id: user.body.id, expires_in_seconds: 0 }), 422)
  })

  it('an OTP-verified number validates as BAPI verification_otp', async () => {
    const emu = createTestEmulator()
    const { userId } = await emu.signIn()
    const created = await emu.fapi('POST', '/v1/me/phone_numbers', { phone_number: '+12015550123' })
    await emu.fapi('POST', `/v1/me/phone_numbers/${created.body.response.id}/prepare_verification`, { strategy: 'phone_code' })
    await emu.fapi('POST', `/v1/me/phone_numbers/${created.body.response.id}/attempt_verification`, { code: '424242' })
    const user = await emu.bapi('GET', `/v1/users/${userId}`)
    check('/users/{user_id}', 'get', user, 200)
    expect(user.body.phone_numbers[0].verification).toMatchObject({ object: 'verification_otp', status: 'verified' })
  })
})

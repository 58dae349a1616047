import { describe, expect, it } from 'vitest'
import { createTestEmulator } from './helpers.js'

async function userWithoutNumbers() {
  const emu = createTestEmulator()
  const user = await emu.bapi('POST', '/v1/users', { external_id: 'crm-1' })
  const add = (body: Record<string, unknown>) => emu.bapi('POST', '/v1/phone_numbers', { user_id: user.body.id, ...body })
  const getUser = async () => (await emu.bapi('GET', `/v1/users/${user.body.id}`)).body
  return { emu, userId: user.body.id as string, add, getUser }
}

describe('BAPI createPhoneNumber semantics', () => {
  it('makes only the first number primary unless primary is given', async () => {
    const { add, getUser } = await userWithoutNumbers()
    const first = await add({ phone_number: '15551234567', verified: true })
    expect(first.body.phone_number).toBe('+15551234567')
    const second = await add({ phone_number: '+15551234568', verified: true })
    expect((await getUser()).primary_phone_number_id).toBe(first.body.id)
    const third = await add({ phone_number: '+15551234569', verified: true, primary: true })
    expect((await getUser()).primary_phone_number_id).toBe(third.body.id)
    expect(second.body.verification).toMatchObject({ object: 'verification_admin', status: 'verified' })
  })

  it('needs verified for reserved_for_second_factor and makes the only reserved number the default', async () => {
    const { add, getUser } = await userWithoutNumbers()
    const refused = await add({ phone_number: '+15551234567', reserved_for_second_factor: true })
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].code).toBe('identification_create_second_factor_unverified')
    expect((await getUser()).phone_numbers).toEqual([])
    const first = await add({ phone_number: '+15551234567', verified: true, reserved_for_second_factor: true })
    expect(first.body).toMatchObject({ reserved_for_second_factor: true, default_second_factor: true })
    const second = await add({ phone_number: '+15551234568', verified: true, reserved_for_second_factor: true })
    expect(second.body).toMatchObject({ reserved_for_second_factor: true, default_second_factor: false, backup_codes: null })
  })

  it('keeps numbers unique per instance across users', async () => {
    const { emu, add } = await userWithoutNumbers()
    await add({ phone_number: '+15551234567' })
    const other = await emu.bapi('POST', '/v1/users', { phone_number: ['15551234567'] })
    expect(other.status).toBe(422)
    expect(other.body.errors[0]).toMatchObject({ code: 'form_identifier_exists', meta: { param_name: 'phone_number' } })
    const twice = await emu.bapi('POST', '/v1/users', { phone_number: ['+15550000001', '15550000001'] })
    expect(twice.body.errors[0].code).toBe('form_identifier_exists')
    expect(emu.ctx.store.users.size).toBe(1)
  })

  it('un-verifying a number drops its second-factor role and its primary slot', async () => {
    const { emu, add, getUser } = await userWithoutNumbers()
    const a = await add({ phone_number: '+15551234567', verified: true, reserved_for_second_factor: true })
    const b = await add({ phone_number: '+15551234568', verified: true, reserved_for_second_factor: true })
    const patched = await emu.bapi('PATCH', `/v1/phone_numbers/${a.body.id}`, { verified: false })
    expect(patched.body).toMatchObject({ verification: null, reserved_for_second_factor: false, default_second_factor: false })
    const user = await getUser()
    expect(user.primary_phone_number_id).toBe(b.body.id)
    expect(user.phone_numbers[1]).toMatchObject({ id: b.body.id, default_second_factor: true })
  })

  it('un-verifying and releasing a second factor in one PATCH succeeds', async () => {
    const { emu, add } = await userWithoutNumbers()
    const a = await add({ phone_number: '+15551234567', verified: true, reserved_for_second_factor: true })
    const patched = await emu.bapi('PATCH', `/v1/phone_numbers/${a.body.id}`, { verified: false, reserved_for_second_factor: false })
    expect(patched.status).toBe(200)
    expect(patched.body).toMatchObject({ verification: null, reserved_for_second_factor: false, default_second_factor: false })
  })

  it('refuses a PATCH that would make an unverified number primary without changing anything', async () => {
    const { emu, add } = await userWithoutNumbers()
    const a = await add({ phone_number: '+15551234567', verified: true, reserved_for_second_factor: true })
    const before = structuredClone(emu.ctx.store)
    const refused = await emu.bapi('PATCH', `/v1/phone_numbers/${a.body.id}`, { verified: false, primary: true })
    expect(refused.body.errors[0]).toMatchObject({ code: 'form_verification_needed', meta: { param_name: 'primary' } })
    expect(emu.ctx.store).toEqual(before)
  })

  it('creates users with reserved (unverified) numbers on request', async () => {
    const emu = createTestEmulator()
    const user = await emu.bapi('POST', '/v1/users', { phone_number: ['+15551234567'], phone_number_identification_status: ['reserved'] })
    expect(user.body.phone_numbers[0]).toMatchObject({ reserved: true, verification: null })
  })
})

describe('BAPI input checks', () => {
  it('rejects unknown fields, wrong types and malformed JSON in Clerk shape', async () => {
    const emu = createTestEmulator()
    const unknown = await emu.bapi('POST', '/v1/users', { favourite_colour: 'blue' })
    expect(unknown.body.errors[0]).toMatchObject({ code: 'form_param_unknown', meta: { param_name: 'favourite_colour' } })
    const type = await emu.bapi('POST', '/v1/users', { phone_number: '+15551234567' })
    expect(type.body.errors[0]).toMatchObject({ code: 'form_param_type_invalid', meta: { param_name: 'phone_number' } })
    const spec = await emu.bapi('POST', '/v1/users', { locale: 'en', skip_password_checks: true, public_metadata: { plan: 'pro' } })
    expect(spec.status).toBe(200)
    expect(spec.body.public_metadata).toEqual({ plan: 'pro' })
    const list = await emu.bapi('POST', '/v1/users', { private_metadata: ['pro'] })
    expect(list.body.errors[0]).toMatchObject({ code: 'form_param_type_invalid', meta: { param_name: 'private_metadata' } })
    const missing = await emu.bapi('POST', '/v1/phone_numbers', { phone_number: '+15551234567' })
    expect(missing.body.errors[0]).toMatchObject({ code: 'form_param_missing', meta: { param_name: 'user_id' } })
    const broken = await emu.send('/v1/users', { method: 'POST', headers: { authorization: 'Bearer sk_test_helpers' }, body: '{"x":' })
    expect(broken.status).toBe(400)
    expect(broken.body.errors[0].code).toBe('request_body_invalid')
  })
})

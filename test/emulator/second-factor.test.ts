import { describe, expect, it } from 'vitest'
import { createTestEmulator } from './helpers.js'

const P = '/v1/me/phone_numbers'

async function verifiedNumbers(count: number) {
  const emu = createTestEmulator()
  await emu.signIn()
  const ids: string[] = []
  for (let i = 0; i < count; i += 1) {
    const id = (await emu.fapi('POST', P, { phone_number: `+1201555010${i}` })).body.response.id as string
    await emu.fapi('POST', `${P}/${id}/prepare_verification`, { strategy: 'phone_code' })
    await emu.fapi('POST', `${P}/${id}/attempt_verification`, { code: '424242' })
    ids.push(id)
  }
  const patch = (id: string, form: Record<string, string>) => emu.fapi('PATCH', `${P}/${id}`, form)
  return { emu, ids, patch }
}

describe('SMS second factor', () => {
  it('refuses to reserve an unverified number with identification_update_second_factor_unverified', async () => {
    const emu = createTestEmulator()
    await emu.signIn()
    const id = (await emu.fapi('POST', P, { phone_number: '+12015550100' })).body.response.id as string
    const reply = await emu.fapi('PATCH', `${P}/${id}`, { reserved_for_second_factor: 'true' })
    expect(reply.status).toBe(400)
    expect(reply.body.errors[0].code).toBe('identification_update_second_factor_unverified')
  })

  it('returns backup codes only in the response that first enables SMS 2FA', async () => {
    const { ids, patch } = await verifiedNumbers(2)
    const first = await patch(ids[0]!, { reserved_for_second_factor: 'true' })
    expect(first.body.response.backup_codes).toHaveLength(10)
    expect(first.body.client.sessions[0].user).toMatchObject({ two_factor_enabled: true, backup_code_enabled: true })
    const second = await patch(ids[1]!, { reserved_for_second_factor: 'true' })
    expect(second.body.response.backup_codes).toBeNull()
    await patch(ids[0]!, { reserved_for_second_factor: 'false' })
    await patch(ids[1]!, { reserved_for_second_factor: 'false' })
    expect((await patch(ids[0]!, { reserved_for_second_factor: 'true' })).body.response.backup_codes).toBeNull()
  })

  it('makes the first reserved number the default and moves the default on request', async () => {
    const { ids, patch } = await verifiedNumbers(2)
    expect((await patch(ids[0]!, { reserved_for_second_factor: 'true' })).body.response.default_second_factor).toBe(true)
    expect((await patch(ids[1]!, { reserved_for_second_factor: 'true' })).body.response.default_second_factor).toBe(false)
    const moved = await patch(ids[1]!, { default_second_factor: 'true' })
    const phones = moved.body.client.sessions[0].user.phone_numbers as { id: string; default_second_factor: boolean }[]
    expect(phones.map((p) => p.default_second_factor)).toEqual([false, true])
  })

  it('refuses to turn the default off directly', async () => {
    const { ids, patch } = await verifiedNumbers(1)
    await patch(ids[0]!, { reserved_for_second_factor: 'true' })
    const reply = await patch(ids[0]!, { default_second_factor: 'false' })
    expect(reply.status).toBe(422)
    expect(reply.body.errors[0].code).toBe('form_disable_default_second_factor_not_allowed')
  })

  it('hands the default to another reserved number when the default is deleted', async () => {
    const { emu, ids, patch } = await verifiedNumbers(2)
    await patch(ids[0]!, { reserved_for_second_factor: 'true' })
    await patch(ids[1]!, { reserved_for_second_factor: 'true' })
    await emu.fapi('DELETE', `${P}/${ids[0]}`)
    const list = await emu.fapi('GET', P)
    expect(list.body).toHaveLength(1)
    expect(list.body[0]).toMatchObject({ id: ids[1], default_second_factor: true })
  })

  it('sets the primary number through PATCH /v1/me only to an own verified number', async () => {
    const { emu, ids } = await verifiedNumbers(2)
    const unverified = (await emu.fapi('POST', P, { phone_number: '+12015550150' })).body.response.id as string
    const set = await emu.fapi('PATCH', '/v1/me', { primary_phone_number_id: ids[1]! })
    expect(set.body.response.primary_phone_number_id).toBe(ids[1])
    const refused = await emu.fapi('PATCH', '/v1/me', { primary_phone_number_id: unverified })
    expect(refused.status).toBe(422)
    expect(refused.body.errors[0]).toMatchObject({ code: 'form_verification_needed', meta: { param_name: 'primary_phone_number_id' } })
  })

  it('refuses a PATCH whose two flags conflict without changing anything (backup codes are not spent)', async () => {
    const { emu, ids, patch } = await verifiedNumbers(1)
    const before = structuredClone(emu.ctx.store)
    const off = await patch(ids[0]!, { reserved_for_second_factor: 'true', default_second_factor: 'false' })
    expect(off.body.errors[0].code).toBe('form_disable_default_second_factor_not_allowed')
    expect(emu.ctx.store).toEqual(before)
    expect((await patch(ids[0]!, { reserved_for_second_factor: 'true' })).body.response.backup_codes).toHaveLength(10)

    const reserved = structuredClone(emu.ctx.store)
    const released = await patch(ids[0]!, { reserved_for_second_factor: 'false', default_second_factor: 'true' })
    expect(released.body.errors[0]).toMatchObject({ code: 'form_param_value_invalid', meta: { param_name: 'default_second_factor' } })
    expect(emu.ctx.store).toEqual(reserved)
  })

  it('changes nothing on PATCH /v1/me when the primary number is refused', async () => {
    const { emu } = await verifiedNumbers(1)
    const before = structuredClone(emu.ctx.store)
    const refused = await emu.fapi('PATCH', '/v1/me', { first_name: 'Ada', primary_phone_number_id: 'idn_missing' })
    expect(refused.status).toBe(404)
    expect(emu.ctx.store).toEqual(before)
  })

  it('bumps the user when PATCH /v1/me renames them', async () => {
    const { emu } = await verifiedNumbers(0)
    const before = (await emu.fapi('GET', '/v1/me')).body.response.updated_at as number
    const renamed = await emu.fapi('PATCH', '/v1/me', { first_name: 'Ada' })
    expect(renamed.body.response).toMatchObject({ first_name: 'Ada' })
    expect(renamed.body.response.updated_at).toBeGreaterThan(before)
  })
})

import { describe, expect, it } from 'vitest'
import { createTestEmulator } from './helpers.js'

describe('emulator phone-number flow', () => {
  it('signs in with a ticket, adds, verifies, reserves for 2FA and deletes a number', async () => {
    const emu = createTestEmulator()
    const { userId, sessionId } = await emu.signIn({ first_name: 'Ada' })
    expect(sessionId).toMatch(/^sess_/)

    const me = await emu.fapi('GET', '/v1/me')
    expect(me.status).toBe(200)
    expect(me.body.response.id).toBe(userId)
    expect(me.body.client.last_active_session_id).toBe(sessionId)

    const created = await emu.fapi('POST', '/v1/me/phone_numbers/', { phone_number: '14155552671' })
    expect(created.status).toBe(200)
    const phone = created.body.response
    expect(phone).toMatchObject({ object: 'phone_number', phone_number: '+14155552671', verification: null })

    const prepared = await emu.fapi('POST', `/v1/me/phone_numbers/${phone.id}/prepare_verification`, { strategy: 'phone_code' })
    expect(prepared.status).toBe(200)
    expect(prepared.body.response.verification).toMatchObject({ status: 'unverified', strategy: 'phone_code', attempts: 0, channel: 'sms' })
    const sms = emu.ctx.outbox.latest('+14155552671')
    expect(sms?.body).toBe(`Your verification code is ${sms?.code}.\n\n@127.0.0.1 #${sms?.code}`)

    const wrong = await emu.fapi('POST', `/v1/me/phone_numbers/${phone.id}/attempt_verification`, { code: sms!.code === '000000' ? '111111' : '000000' })
    expect(wrong.status).toBe(422)
    expect(wrong.body.errors[0]).toMatchObject({ code: 'form_code_incorrect', meta: { param_name: 'code' } })

    const verified = await emu.fapi('POST', `/v1/me/phone_numbers/${phone.id}/attempt_verification`, { code: sms!.code })
    expect(verified.status).toBe(200)
    expect(verified.body.response.verification).toMatchObject({ status: 'verified', attempts: 2 })

    const reserved = await emu.fapi('PATCH', `/v1/me/phone_numbers/${phone.id}`, { reserved_for_second_factor: 'true' })
    expect(reserved.body.response).toMatchObject({ reserved_for_second_factor: true, default_second_factor: true })
    expect(reserved.body.response.backup_codes).toHaveLength(10)

    const deleted = await emu.fapi('DELETE', `/v1/me/phone_numbers/${phone.id}`)
    expect(deleted.body.response).toEqual({ object: 'phone_number', id: phone.id, deleted: true })
    const list = await emu.fapi('GET', '/v1/me/phone_numbers')
    expect(list.body).toEqual([])
  })
})

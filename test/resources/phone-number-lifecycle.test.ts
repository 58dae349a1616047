import { describe, expect, it } from 'vitest'
import { PhoneNumber, createClient, preloadPhone } from '../../src/index.js'
import type { PhoneNumberJSON } from '../../src/wire/index.js'
import { jsonResponse } from '../support/fake-fetch.js'
import { NOW, clientJSON, envelope, errorsJSON, phoneJSON, userJSON, verificationJSON } from './fixtures.js'
import { signedIn } from './harness.js'

const answer = (phone: PhoneNumberJSON) => () => jsonResponse(200, envelope(phone, clientJSON(userJSON([phone]))))
const verified = phoneJSON({ verification: verificationJSON({ status: 'verified', attempts: 1 }) })

async function withPhone(json = verified) {
  const h = await signedIn([json])
  return { ...h, phone: h.client.user!.phoneNumbers[0]! }
}

describe('phone.setReservedForSecondFactor', () => {
  it('PATCHes reserved_for_second_factor and exposes the backup codes of the first reservation', async () => {
    const h = await withPhone()
    const reserved = phoneJSON({ ...verified, reserved_for_second_factor: true, default_second_factor: true, backup_codes: ['a1', 'b2'] })
    h.reply(answer(reserved))
    const mfa = await h.phone.setReservedForSecondFactor({ reserved: true })
    expect(h.sent[0]).toMatchObject({ method: 'POST', path: '/v1/me/phone_numbers/idn_1', query: { _method: 'PATCH' }, body: { reserved_for_second_factor: 'true' } })
    expect(mfa).toMatchObject({ reservedForSecondFactor: true, defaultSecondFactor: true, backupCodes: ['a1', 'b2'] })
    expect(h.phone.reservedForSecondFactor).toBe(false)
    expect(h.events).toEqual([['phoneNumber:updated', mfa]])
    expect(h.client.user!.phoneNumbers[0]?.reservedForSecondFactor).toBe(true)
  })

  it('sends false to release the number', async () => {
    const h = await withPhone()
    h.reply(answer(verified))
    await h.phone.setReservedForSecondFactor({ reserved: false })
    expect(h.sent[0]?.body).toEqual({ reserved_for_second_factor: 'false' })
  })

  it('refuses a non-boolean before sending anything', async () => {
    const h = await withPhone()
    await expect(h.phone.setReservedForSecondFactor({ reserved: 'yes' as never })).rejects.toMatchObject({ name: 'ValidationError', code: 'param_invalid' })
    expect(h.sent).toHaveLength(0)
  })

  it('passes on identification_update_second_factor_unverified (400)', async () => {
    const h = await withPhone(phoneJSON())
    h.reply(() => jsonResponse(400, errorsJSON('identification_update_second_factor_unverified')))
    await expect(h.phone.setReservedForSecondFactor({ reserved: true })).rejects.toMatchObject({ status: 400, code: 'identification_update_second_factor_unverified' })
  })
})

describe('phone.makeDefaultSecondFactor', () => {
  it('PATCHes default_second_factor=true', async () => {
    const h = await withPhone()
    h.reply(answer(phoneJSON({ ...verified, reserved_for_second_factor: true, default_second_factor: true })))
    const next = await h.phone.makeDefaultSecondFactor()
    expect(h.sent[0]).toMatchObject({ method: 'POST', query: { _method: 'PATCH' }, body: { default_second_factor: 'true' } })
    expect(next).toBeInstanceOf(PhoneNumber)
    expect(next.defaultSecondFactor).toBe(true)
    expect(h.events).toEqual([['phoneNumber:updated', next]])
    expect(h.client.user!.phoneNumbers[0]?.defaultSecondFactor).toBe(true)
  })
})

describe('phone.reload', () => {
  it('GETs the number and resolves to a fresh instance', async () => {
    const h = await withPhone()
    const reserved = phoneJSON({ ...verified, reserved_for_second_factor: true })
    h.reply(answer(reserved))
    const fresh = await h.phone.reload()
    expect(h.sent[0]).toMatchObject({ method: 'GET', path: '/v1/me/phone_numbers/idn_1', body: null })
    expect(h.sent[0]?.query).toMatchObject({ _clerk_session_id: 'sess_1' })
    expect(fresh).not.toBe(h.phone)
    expect(fresh.reservedForSecondFactor).toBe(true)
    expect(h.events).toEqual([['phoneNumber:updated', fresh]])
    expect(h.client.user!.phoneNumbers[0]?.reservedForSecondFactor).toBe(true)
  })

  it('passes on a 404 as resource_not_found', async () => {
    const h = await withPhone()
    h.reply(() => jsonResponse(404, errorsJSON('resource_not_found')))
    const before = h.client.store.get()
    await expect(h.phone.reload()).rejects.toMatchObject({ name: 'ApiResponseError', status: 404, code: 'resource_not_found' })
    expect(h.client.store.get()).toBe(before)
    expect(h.events).toEqual([])
  })
})

describe('phone.destroy', () => {
  it('DELETEs the number, resolves to a destroyed copy and emits phoneNumber:destroyed', async () => {
    const h = await withPhone()
    h.reply(() => jsonResponse(200, envelope({ object: 'phone_number', id: 'idn_1', deleted: true }, clientJSON(userJSON([])))))
    const gone = await h.phone.destroy()
    expect(h.sent[0]).toMatchObject({ method: 'POST', path: '/v1/me/phone_numbers/idn_1', query: { _method: 'DELETE' } })
    expect(gone).toMatchObject({ id: 'idn_1', isDestroyed: true })
    expect(h.phone.isDestroyed).toBe(false)
    expect(h.events).toEqual([['phoneNumber:destroyed', gone]])
    expect(h.client.user!.phoneNumbers).toEqual([])
  })

  it('refuses every later operation, on the old instance too, without sending anything', async () => {
    const h = await withPhone()
    h.reply(() => new Response(null, { status: 204 }))
    const gone = await h.phone.destroy()
    h.sent.length = 0
    for (const phone of [gone, h.phone]) {
      await expect(phone.prepareVerification()).rejects.toMatchObject({ name: 'ValidationError', code: 'resource_destroyed' })
      await expect(phone.attemptVerification({ code: '424242' })).rejects.toMatchObject({ code: 'resource_destroyed' })
      await expect(phone.destroy()).rejects.toMatchObject({ code: 'resource_destroyed' })
    }
    expect(h.sent).toHaveLength(0)
  })

  it('refuses an operation whose answer arrives after the number was destroyed: no event, and the store keeps it gone', async () => {
    const h = await withPhone()
    let answerPrepare: (() => void) | undefined
    h.reply((request) => {
      // The server handled the prepare first, so the delete's client carries the newer user.
      const after = clientJSON(userJSON([], { updated_at: NOW + 1 }))
      if (request.query._method === 'DELETE') return jsonResponse(200, envelope({ object: 'phone_number', id: 'idn_1', deleted: true }, after))
      return new Promise<Response>((resolve) => (answerPrepare = () => resolve(answer(phoneJSON({ verification: verificationJSON() }))())))
    })
    const sending = h.phone.prepareVerification().catch((e: unknown) => e)
    const gone = await h.phone.destroy()
    answerPrepare?.()

    expect(await sending).toMatchObject({ name: 'ValidationError', code: 'resource_destroyed' })
    expect(h.sent.map((sent) => sent.path).sort()).toEqual(['/v1/me/phone_numbers/idn_1', '/v1/me/phone_numbers/idn_1/prepare_verification'])
    expect(h.events).toEqual([['phoneNumber:destroyed', gone]])
    expect(h.client.user!.phoneNumbers).toEqual([])
  })
})

describe('PhoneNumber values', () => {
  const client = () => createClient({ frontendApi: 'http://localhost:4010', fetch: async () => new Response(null, { status: 204 }), crossTab: false })

  it('are frozen, like their verification and its error, links and backup codes', () => {
    const error = { code: 'verification_failed', message: 'failed', meta: { param_name: 'code' } }
    const phone = PhoneNumber.fromJSON(
      phoneJSON({ verification: verificationJSON({ error }), linked_to: [{ id: 'idn_g', type: 'oauth_google' }], backup_codes: ['x'] }),
      client(),
    )
    const parts = [phone, phone.verification, phone.verification?.error, phone.verification?.error?.meta, phone.linkedTo, phone.linkedTo[0], phone.backupCodes]
    for (const part of parts) expect(Object.isFrozen(part)).toBe(true)
    expect(() => {
      ;(phone as { phoneNumber: string }).phoneNumber = '+1'
    }).toThrow(TypeError)
  })

  it('print as E.164 and format once the phone metadata is loaded', async () => {
    const phone = PhoneNumber.fromJSON(phoneJSON(), client())
    expect(String(phone)).toBe('+12015550123')
    expect(`${phone}`).toBe('+12015550123')
    await preloadPhone()
    expect(phone.format('national')).toBe('(201) 555-0123')
    expect(phone.format('international')).toBe('+1 201 555 0123')
    expect(phone.format()).toBe('+1 201 555 0123')
  })

  it('read optional wire fields with safe defaults', () => {
    const json = phoneJSON()
    delete json.reserved_for_second_factor
    delete json.default_second_factor
    delete json.backup_codes
    const phone = PhoneNumber.fromJSON(json, client())
    expect(phone).toMatchObject({ reservedForSecondFactor: false, defaultSecondFactor: false, backupCodes: null })
    expect(phone.createdAt).toEqual(new Date(json.created_at))
  })
})

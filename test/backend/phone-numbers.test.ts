import { describe, expect, it } from 'vitest'
import { isValidationError, ValidationError } from '../../src/backend/index.js'
import { fakeBackend, phoneNumberJSON } from './fixtures.js'
import { jsonResponse } from '../support/fake-fetch.js'

describe('phoneNumbers.createPhoneNumber', () => {
  it('posts snake_case JSON with the bearer key and returns a camelCase phone number', async () => {
    const { backend, sent } = fakeBackend(() => jsonResponse(200, phoneNumberJSON({ reserved_for_second_factor: true, default_second_factor: true, backup_codes: ['a1', 'b2'] })))
    const phone = await backend.phoneNumbers.createPhoneNumber({
      userId: 'user_1',
      phoneNumber: '+14155552671',
      primary: true,
      verified: true,
      reservedForSecondFactor: true,
    })
    expect(sent).toHaveLength(1)
    expect(sent[0]!.method).toBe('POST')
    expect(sent[0]!.url.href).toBe('http://localhost:4010/v1/phone_numbers')
    expect(sent[0]!.headers.get('authorization')).toBe('Bearer sk_test_abc123')
    expect(sent[0]!.headers.get('content-type')).toBe('application/json')
    expect(sent[0]!.headers.get('clerk-api-version')).toBe('2026-05-12')
    expect(sent[0]!.json).toEqual({
      user_id: 'user_1',
      phone_number: '+14155552671',
      primary: true,
      verified: true,
      reserved_for_second_factor: true,
    })
    expect(phone).toEqual({
      id: 'idn_1',
      phoneNumber: '+14155552671',
      reservedForSecondFactor: true,
      defaultSecondFactor: true,
      reserved: false,
      verification: { status: 'verified', strategy: 'admin', attempts: null, expireAt: null, channel: null },
      linkedTo: [],
      backupCodes: ['a1', 'b2'],
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_001,
    })
  })

  it('leaves out flags that were not given, so the server applies its defaults', async () => {
    const { backend, sent } = fakeBackend(() => jsonResponse(200, phoneNumberJSON()))
    await backend.phoneNumbers.createPhoneNumber({ userId: 'user_1', phoneNumber: '+14155552671' })
    expect(sent[0]!.json).toEqual({ user_id: 'user_1', phone_number: '+14155552671' })
  })

  it('normalizes a number without + or with separators to E.164', async () => {
    const { backend, sent } = fakeBackend(() => jsonResponse(200, phoneNumberJSON()))
    await backend.phoneNumbers.createPhoneNumber({ userId: 'user_1', phoneNumber: '15551234567' })
    await backend.phoneNumbers.createPhoneNumber({ userId: 'user_1', phoneNumber: '+1 (415) 555-2671' })
    expect(sent.map((request) => (request.json as { phone_number: string }).phone_number)).toEqual(['+15551234567', '+14155552671'])
  })

  it('maps a verification with its channel and expiry, and a missing verification to null', async () => {
    const verification = { object: 'verification_otp', status: 'unverified', strategy: 'phone_code', attempts: 0, expire_at: 1_700_000_600_000, channel: 'sms' } as const
    const { backend } = fakeBackend(() => jsonResponse(200, phoneNumberJSON({ verification, linked_to: [{ id: 'oa_1', type: 'oauth_google' }] })))
    const phone = await backend.phoneNumbers.getPhoneNumber('idn_1')
    expect(phone.verification).toEqual({ status: 'unverified', strategy: 'phone_code', attempts: 0, expireAt: 1_700_000_600_000, channel: 'sms' })
    expect(phone.linkedTo).toEqual([{ id: 'oa_1', type: 'oauth_google' }])

    const bare = fakeBackend(() => jsonResponse(200, { ...phoneNumberJSON({ verification: null }), reserved_for_second_factor: undefined, default_second_factor: undefined, reserved: undefined, linked_to: undefined, backup_codes: undefined }))
    const none = await bare.backend.phoneNumbers.getPhoneNumber('idn_1')
    expect(none).toMatchObject({ verification: null, reservedForSecondFactor: false, defaultSecondFactor: false, reserved: false, linkedTo: [], backupCodes: null })
  })

  it.each([
    [{ phoneNumber: '+14155552671' }, 'user_id'],
    [{ userId: '', phoneNumber: '+14155552671' }, 'user_id'],
    [{ userId: 'user_1' }, 'phone_number'],
    [{ userId: 'user_1', phoneNumber: 'call me' }, 'phone_number'],
    [{ userId: 'user_1', phoneNumber: '+0123456789' }, 'phone_number'],
    [{ userId: 'user_1', phoneNumber: '+1415555267100000' }, 'phone_number'],
    [{ userId: 'user_1', phoneNumber: '+14155552671', verified: 'yes' }, 'verified'],
    [{ userId: 'user_1', phoneNumber: '+14155552671', reservedForSecondFactor: 1 }, 'reserved_for_second_factor'],
  ])('refuses %j before sending anything (%s)', async (params, paramName) => {
    const { backend, fetch } = fakeBackend(() => jsonResponse(200, phoneNumberJSON()))
    const error = await backend.phoneNumbers.createPhoneNumber(params as never).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ValidationError)
    expect(error).toMatchObject({ paramName })
    expect(fetch).not.toHaveBeenCalled()
  })

  it('refuses a missing parameters object', async () => {
    const { backend, fetch } = fakeBackend(() => jsonResponse(200, phoneNumberJSON()))
    await expect(backend.phoneNumbers.createPhoneNumber(undefined as never)).rejects.toSatisfy(isValidationError)
    expect(fetch).not.toHaveBeenCalled()
  })
})

describe('phoneNumbers.getPhoneNumber', () => {
  it('gets the number by id, encoding the id into one path segment', async () => {
    const { backend, sent } = fakeBackend(() => jsonResponse(200, phoneNumberJSON()))
    await backend.phoneNumbers.getPhoneNumber('idn_1')
    await backend.phoneNumbers.getPhoneNumber('../users/user_2')
    expect(sent[0]!.method).toBe('GET')
    expect(sent[0]!.url.pathname).toBe('/v1/phone_numbers/idn_1')
    expect(sent[0]!.json).toBeUndefined()
    expect(sent[0]!.headers.has('content-type')).toBe(false)
    expect(sent[1]!.url.pathname).toBe('/v1/phone_numbers/..%2Fusers%2Fuser_2')
  })

  it('refuses an empty id before sending anything', async () => {
    const { backend, fetch } = fakeBackend(() => jsonResponse(200, phoneNumberJSON()))
    await expect(backend.phoneNumbers.getPhoneNumber(' ')).rejects.toMatchObject({ name: 'ValidationError', paramName: 'phone_number_id' })
    expect(fetch).not.toHaveBeenCalled()
  })
})

describe('phoneNumbers.updatePhoneNumber', () => {
  it('patches only the flags given', async () => {
    const { backend, sent } = fakeBackend(() => jsonResponse(200, phoneNumberJSON({ reserved_for_second_factor: true })))
    const phone = await backend.phoneNumbers.updatePhoneNumber('idn_1', { reservedForSecondFactor: true, primary: false })
    expect(sent[0]!.method).toBe('PATCH')
    expect(sent[0]!.url.pathname).toBe('/v1/phone_numbers/idn_1')
    expect(sent[0]!.json).toEqual({ reserved_for_second_factor: true, primary: false })
    expect(phone.reservedForSecondFactor).toBe(true)
  })

  it('refuses a non-boolean flag before sending anything', async () => {
    const { backend, fetch } = fakeBackend(() => jsonResponse(200, phoneNumberJSON()))
    await expect(backend.phoneNumbers.updatePhoneNumber('idn_1', { primary: 'true' as never })).rejects.toMatchObject({ paramName: 'primary' })
    expect(fetch).not.toHaveBeenCalled()
  })
})

describe('phoneNumbers.deletePhoneNumber', () => {
  it('deletes by id and returns the deleted object', async () => {
    const { backend, sent } = fakeBackend(() => jsonResponse(200, { object: 'phone_number', id: 'idn_1', deleted: true }))
    const result = await backend.phoneNumbers.deletePhoneNumber('idn_1')
    expect(sent[0]!.method).toBe('DELETE')
    expect(sent[0]!.url.pathname).toBe('/v1/phone_numbers/idn_1')
    expect(result).toEqual({ object: 'phone_number', id: 'idn_1', deleted: true })
  })

  it('gives a null id when the server leaves it out', async () => {
    const { backend } = fakeBackend(() => jsonResponse(200, { object: 'phone_number', deleted: true }))
    expect(await backend.phoneNumbers.deletePhoneNumber('idn_1')).toEqual({ object: 'phone_number', id: null, deleted: true })
  })
})

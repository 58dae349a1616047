import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ClientResource, IdentificationLink, PhoneNumber, Session, User, Verification, createContext, createEmitter } from '../../src/index.js'
import type { PhoneNumberJSON, VerificationJSON } from '../../src/wire/index.js'
import { clientJSON, phoneJSON, sessionJSON, userJSON } from './fixtures.js'

const context = createContext(async () => null, createEmitter())
const ms = fc.integer({ min: 0, max: 4_102_444_800_000 })

const verificationArb: fc.Arbitrary<VerificationJSON> = fc.record(
  {
    object: fc.constantFrom('verification_otp', 'verification_admin'),
    status: fc.constantFrom('unverified', 'verified', 'failed', 'expired'),
    strategy: fc.constantFrom('phone_code', 'admin'),
    attempts: fc.option(fc.nat(10), { nil: null }),
    expire_at: fc.option(ms, { nil: null }),
    channel: fc.option(fc.constantFrom('sms' as const, 'whatsapp' as const), { nil: null }),
    error: fc.option(fc.record({ code: fc.string(), message: fc.string(), long_message: fc.string(), meta: fc.record({ param_name: fc.string() }, { noNullPrototype: true }) }, { noNullPrototype: true }), { nil: null }),
    verified_at_client: fc.option(fc.string(), { nil: null }),
  },
  { requiredKeys: ['status', 'strategy', 'attempts', 'expire_at'], noNullPrototype: true },
)

const phoneArb: fc.Arbitrary<PhoneNumberJSON> = fc.record(
  {
    id: fc.string({ minLength: 1 }),
    object: fc.constant('phone_number' as const),
    phone_number: fc.stringMatching(/^\+[1-9]\d{6,14}$/),
    reserved_for_second_factor: fc.boolean(),
    default_second_factor: fc.boolean(),
    reserved: fc.boolean(),
    verification: fc.option(verificationArb, { nil: null }),
    linked_to: fc.array(fc.record({ id: fc.string(), type: fc.string() }, { noNullPrototype: true }), { maxLength: 2 }),
    backup_codes: fc.option(fc.array(fc.string(), { maxLength: 3 }), { nil: null }),
    created_at: ms,
    updated_at: ms,
  },
  { requiredKeys: ['id', 'object', 'phone_number', 'reserved', 'verification', 'linked_to', 'created_at', 'updated_at'], noNullPrototype: true },
)

describe('fromJSON / toJSON', () => {
  it('round-trips any phone number JSON exactly', () => {
    fc.assert(
      fc.property(phoneArb, (json) => {
        expect(PhoneNumber.fromJSON(json, context).toJSON()).toStrictEqual(json)
      }),
    )
  })

  it('round-trips verifications and links', () => {
    fc.assert(
      fc.property(verificationArb, (json) => {
        expect(Verification.fromJSON(json).toJSON()).toStrictEqual(json)
      }),
    )
    expect(IdentificationLink.fromJSON({ id: 'idn_g', type: 'oauth_google' }).toJSON()).toStrictEqual({ id: 'idn_g', type: 'oauth_google' })
  })

  it('round-trips users, sessions and clients, unknown fields included', () => {
    const user = { ...userJSON([phoneJSON()]), first_name: 'Ada' }
    expect(User.fromJSON(user, context).toJSON()).toStrictEqual(user)
    expect(Session.fromJSON(sessionJSON(user), context).toJSON()).toStrictEqual(sessionJSON(user))
    expect(ClientResource.fromJSON(clientJSON(user), context).toJSON()).toStrictEqual(clientJSON(user))
  })

  it('hands out a copy, so editing it cannot reach the instance', () => {
    const phone = PhoneNumber.fromJSON(phoneJSON(), context)
    const json = phone.toJSON()
    json.phone_number = '+1'
    expect(phone.toJSON().phone_number).toBe('+12015550123')
  })

  it('maps verification fields to camelCase and dates', () => {
    const verification = Verification.fromJSON({
      status: 'failed',
      strategy: 'phone_code',
      attempts: 3,
      expire_at: 1000,
      error: { code: 'verification_failed', message: 'failed', meta: { param_name: 'code' } },
      verified_at_client: 'client_1',
    })
    expect(verification).toMatchObject({ expireAt: new Date(1000), channel: null, verifiedAtClient: 'client_1' })
    expect(verification.error).toEqual({ code: 'verification_failed', message: 'failed', longMessage: undefined, meta: { paramName: 'code' } })
  })

  it('keeps expireAt null when the wire has none', () => {
    expect(Verification.fromJSON({ status: 'verified', strategy: 'admin', attempts: null, expire_at: null }).expireAt).toBeNull()
  })
})

describe('ClientResource', () => {
  it('only calls the last active session active while its status is active', () => {
    const ended = clientJSON(userJSON(), { sessions: [sessionJSON(userJSON(), { status: 'ended' })] })
    expect(ClientResource.fromJSON(ended, context).activeSession).toBeNull()
    expect(ClientResource.fromJSON(clientJSON(), context).activeSession?.id).toBe('sess_1')
  })
})

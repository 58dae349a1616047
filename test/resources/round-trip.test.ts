import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ClientResource, PhoneNumber, Session, User, Verification, createClient } from '../../src/index.js'
import type { ClientJSON, PhoneNumberJSON, SessionJSON, UserJSON, VerificationJSON } from '../../src/wire/index.js'
import { clientArb, phoneArb, sessionArb, userArb, verificationArb } from './arbitraries.js'
import { clientJSON, phoneJSON, sessionJSON, userJSON } from './fixtures.js'

const client = createClient({ frontendApi: 'http://localhost:4010', fetch: async () => new Response(null, { status: 204 }), crossTab: false })
const date = (ms: number | null | undefined) => (typeof ms === 'number' ? new Date(ms) : null)

const paramMeta = (paramName: string | undefined) => (paramName === undefined ? {} : { paramName })

// What each instance must show for its wire JSON, written from the wire format, not from the resource code.
function verificationView(json: VerificationJSON) {
  const { error } = json
  return {
    status: json.status,
    strategy: json.strategy,
    attempts: json.attempts ?? null,
    expireAt: date(json.expire_at),
    channel: json.channel ?? null,
    verifiedAtClient: json.verified_at_client ?? null,
    error: error ? { code: error.code, message: error.message, longMessage: error.long_message, meta: paramMeta(error.meta?.param_name) } : null,
  }
}

function phoneView(json: PhoneNumberJSON) {
  return {
    id: json.id,
    phoneNumber: json.phone_number,
    reservedForSecondFactor: json.reserved_for_second_factor ?? false,
    defaultSecondFactor: json.default_second_factor ?? false,
    reserved: json.reserved,
    verification: json.verification ? verificationView(json.verification) : null,
    linkedTo: json.linked_to.map(({ id, type }) => ({ id, type })),
    backupCodes: json.backup_codes ?? null,
    createdAt: date(json.created_at),
    updatedAt: date(json.updated_at),
    isDestroyed: false,
  }
}

function userView(json: UserJSON) {
  const phones = json.phone_numbers ?? []
  const primary = phones.find((phone) => phone.id === json.primary_phone_number_id)
  return {
    id: json.id,
    primaryPhoneNumberId: json.primary_phone_number_id ?? null,
    phoneNumbers: phones.map(phoneView),
    primaryPhoneNumber: primary ? phoneView(primary) : null,
    twoFactorEnabled: json.two_factor_enabled ?? false,
    backupCodeEnabled: json.backup_code_enabled ?? false,
    firstName: json.first_name ?? null,
    lastName: json.last_name ?? null,
    // As Clerk's SDKs join them: first and last name with a space, trimmed; null when that leaves nothing.
    fullName: [json.first_name ?? '', json.last_name ?? ''].join(' ').trim() || null,
    username: json.username ?? null,
    imageUrl: json.image_url ?? '',
    externalId: json.external_id ?? null,
    publicMetadata: json.public_metadata ?? {},
    unsafeMetadata: json.unsafe_metadata ?? {},
    hasVerifiedPhoneNumber: phones.some((phone) => phone.verification?.status === 'verified'),
    createdAt: date(json.created_at),
    updatedAt: date(json.updated_at),
  }
}

const sessionView = (json: SessionJSON) => ({ id: json.id, status: json.status, user: json.user ? userView(json.user) : null })

function clientView(json: ClientJSON) {
  const sessions = json.sessions ?? []
  const active = sessions.find((session) => session.id === json.last_active_session_id && session.status === 'active')
  return {
    id: json.id,
    sessions: sessions.map(sessionView),
    lastActiveSessionId: json.last_active_session_id ?? null,
    activeSession: active ? sessionView(active) : null,
  }
}

/** Built from `json`, the instance shows `view` and gives `json` back exactly, also through JSON.stringify. */
function checkRoundTrip<J>(json: J, build: (json: J) => { toJSON(): J }, view: (json: J) => object) {
  const saved = structuredClone(json)
  const instance = build(json)
  expect(instance).toMatchObject(view(saved))
  expect(instance.toJSON()).toStrictEqual(saved)
  expect(JSON.parse(JSON.stringify(instance))).toStrictEqual(saved)
  expect(json).toStrictEqual(saved)
}

describe('fromJSON / toJSON', () => {
  it('maps any phone number JSON to its fields and back exactly', () => {
    fc.assert(fc.property(phoneArb, (json) => checkRoundTrip(json, (j) => PhoneNumber.fromJSON(j, client), phoneView)))
  })

  it('maps any verification JSON to its fields and back exactly', () => {
    fc.assert(fc.property(verificationArb, (json) => checkRoundTrip(json, (j) => Verification.fromJSON(j), verificationView)))
  })

  it('maps any user JSON to its fields and back exactly, unknown fields included', () => {
    fc.assert(fc.property(userArb, (json) => checkRoundTrip(json, (j) => User.fromJSON(j, client), userView)))
  })

  // Sessions and clients nest users, so fewer runs still reach every branch.
  it('maps any session JSON to its fields and back exactly', () => {
    fc.assert(fc.property(sessionArb, (json) => checkRoundTrip(json, (j) => Session.fromJSON(j, client), sessionView)), { numRuns: 50 })
  })

  it('maps any client JSON to its fields and back exactly, its active session included', () => {
    fc.assert(fc.property(clientArb, (json) => checkRoundTrip(json, (j) => ClientResource.fromJSON(j, client), clientView)), { numRuns: 50 })
  })

  it('round-trips the fixtures, unknown fields included', () => {
    const user = { ...userJSON([phoneJSON()]), first_name: 'Ada' }
    expect(User.fromJSON(user, client).toJSON()).toStrictEqual(user)
    expect(Session.fromJSON(sessionJSON(user), client).toJSON()).toStrictEqual(sessionJSON(user))
    expect(ClientResource.fromJSON(clientJSON(user), client).toJSON()).toStrictEqual(clientJSON(user))
  })

  it('hands out a copy, so editing it cannot reach the instance', () => {
    const phone = PhoneNumber.fromJSON(phoneJSON(), client)
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
    expect(ClientResource.fromJSON(ended, client).activeSession).toBeNull()
    expect(ClientResource.fromJSON(clientJSON(), client).activeSession?.id).toBe('sess_1')
  })
})

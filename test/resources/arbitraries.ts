// fast-check arbitraries of wire JSON: every optional key sometimes absent, ids that collide, unknown fields.
import fc from 'fast-check'
import type { ClientJSON, PhoneNumberJSON, SessionJSON, UserJSON, VerificationJSON } from '../../src/wire/index.js'

const ms = fc.integer({ min: 0, max: 4_102_444_800_000 })
// A small id space, so primary and active ids sometimes match an entry, sometimes dangle.
const id = (prefix: string) => fc.constantFrom(`${prefix}_1`, `${prefix}_2`, `${prefix}_3`)
const record = <T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }, requiredKeys: Array<keyof T>) =>
  fc.record(model, { requiredKeys, noNullPrototype: true }) as fc.Arbitrary<T>
// Keys dialkit does not model, which toJSON() must keep.
// (Not fc.jsonValue(): its -0 cannot survive JSON.stringify, which no server sends anyway.)
const fieldValue = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }))
const unknownFields = fc.dictionary(fc.constantFrom('totp_enabled', 'banned', 'x_extra'), fieldValue, { noNullPrototype: true, maxKeys: 2 })
// Free-form metadata: nested objects and arrays, which the instance hands out frozen all the way down.
const metadata = fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(fieldValue, fc.dictionary(fc.string({ maxLength: 3 }), fieldValue, { noNullPrototype: true, maxKeys: 2 })), { noNullPrototype: true, maxKeys: 3 })

export const errorArb = record(
  {
    code: fc.string(),
    message: fc.string(),
    long_message: fc.string(),
    meta: record<{ param_name: string }>({ param_name: fc.string() }, []),
  },
  ['code', 'message'],
)

export const verificationArb: fc.Arbitrary<VerificationJSON> = record<VerificationJSON>(
  {
    object: fc.constantFrom('verification_otp', 'verification_admin'),
    status: fc.constantFrom('unverified', 'verified', 'failed', 'expired'),
    strategy: fc.constantFrom('phone_code', 'admin'),
    attempts: fc.option(fc.nat(10), { nil: null }),
    expire_at: fc.option(ms, { nil: null }),
    channel: fc.option(fc.constantFrom('sms' as const, 'whatsapp' as const), { nil: null }),
    error: fc.option(errorArb, { nil: null }),
    verified_at_client: fc.option(fc.string(), { nil: null }),
  },
  ['status', 'strategy'],
)

export const phoneArb: fc.Arbitrary<PhoneNumberJSON> = record<PhoneNumberJSON>(
  {
    id: id('idn'),
    object: fc.constant('phone_number' as const),
    phone_number: fc.stringMatching(/^\+[1-9]\d{6,14}$/),
    reserved_for_second_factor: fc.boolean(),
    default_second_factor: fc.boolean(),
    reserved: fc.boolean(),
    verification: fc.option(verificationArb, { nil: null }),
    linked_to: fc.array(record({ id: fc.string(), type: fc.string() }, ['id', 'type']), { maxLength: 2 }),
    backup_codes: fc.option(fc.array(fc.string(), { maxLength: 3 }), { nil: null }),
    created_at: ms,
    updated_at: ms,
  },
  ['id', 'object', 'phone_number', 'reserved', 'verification', 'linked_to', 'created_at', 'updated_at'],
)

export const userArb: fc.Arbitrary<UserJSON> = fc
  .tuple(
    record<UserJSON>(
      {
        id: id('user'),
        object: fc.constant('user' as const),
        primary_phone_number_id: fc.option(id('idn'), { nil: null }),
        phone_numbers: fc.array(phoneArb, { maxLength: 3 }),
        two_factor_enabled: fc.boolean(),
        backup_code_enabled: fc.boolean(),
        first_name: fc.option(fc.string({ maxLength: 6 }), { nil: null }),
        last_name: fc.option(fc.string({ maxLength: 6 }), { nil: null }),
        username: fc.option(fc.string({ maxLength: 6 }), { nil: null }),
        image_url: fc.webUrl(),
        external_id: fc.option(fc.string({ maxLength: 6 }), { nil: null }),
        public_metadata: metadata,
        unsafe_metadata: metadata,
        created_at: ms,
        updated_at: ms,
      },
      ['id', 'object', 'created_at', 'updated_at'],
    ),
    unknownFields,
  )
  .map(([user, extra]) => ({ ...extra, ...user }))

export const sessionArb: fc.Arbitrary<SessionJSON> = record<SessionJSON>(
  {
    id: id('sess'),
    object: fc.constant('session' as const),
    status: fc.constantFrom('active', 'ended', 'expired', 'removed', 'abandoned'),
    user: fc.option(userArb, { nil: null }),
    created_at: ms,
    updated_at: ms,
  },
  ['id', 'object', 'status', 'user', 'created_at', 'updated_at'],
)

export const clientArb: fc.Arbitrary<ClientJSON> = record<ClientJSON>(
  {
    id: id('client'),
    object: fc.constant('client' as const),
    sessions: fc.array(sessionArb, { maxLength: 3 }),
    sign_in: fc.constant(null),
    sign_up: fc.constant(null),
    last_active_session_id: fc.option(id('sess'), { nil: null }),
    created_at: ms,
    updated_at: ms,
  },
  ['id', 'object', 'sign_in', 'sign_up', 'created_at', 'updated_at'],
)

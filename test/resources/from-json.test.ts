// Damaged wire JSON is refused where it enters: fromJSON throws a typed ValidationError, and a 200 whose
// `response` or piggybacked `client` has the wrong shape is a NetworkError malformed_response that leaves
// the store as it was.
import { describe, expect, it } from 'vitest'
import {
  ClientResource,
  PhoneNumber,
  Session,
  SignIn,
  SignUp,
  User,
  ValidationError,
  Verification,
  createClient,
  isNetworkError,
} from '../../src/index.js'
import { jsonResponse } from '../support/fake-fetch.js'
import { clientJSON, envelope, phoneJSON, sessionJSON, signInJSON, userJSON, verificationJSON } from './fixtures.js'
import { signedIn } from './harness.js'

const client = createClient({ frontendApi: 'http://localhost:4010', fetch: async () => new Response(null, { status: 204 }), crossTab: false })
const damaged = (value: unknown) => value as never
const signUpJSON = { id: 'sua_1', object: 'sign_up_attempt', status: 'missing_requirements', phone_number: '+12015550123', missing_fields: [], unverified_fields: [], verifications: { phone_number: null }, created_session_id: null, created_user_id: null }

function refusal(build: () => unknown): unknown {
  try {
    build()
  } catch (error) {
    return error
  }
  return undefined
}

describe('fromJSON on damaged JSON', () => {
  it.each<[string, () => unknown]>([
    ['PhoneNumber from null', () => PhoneNumber.fromJSON(damaged(null), client)],
    ['PhoneNumber from a string', () => PhoneNumber.fromJSON(damaged('idn_1'), client)],
    ['PhoneNumber with a non-string phone_number', () => PhoneNumber.fromJSON(damaged({ ...phoneJSON(), phone_number: 12015550123 }), client)],
    ['PhoneNumber with a non-array linked_to', () => PhoneNumber.fromJSON(damaged({ ...phoneJSON(), linked_to: 'oauth_google' }), client)],
    ['PhoneNumber with linked_to [null]', () => PhoneNumber.fromJSON(damaged({ ...phoneJSON(), linked_to: [null] }), client)],
    ['PhoneNumber with a string verification', () => PhoneNumber.fromJSON(damaged({ ...phoneJSON(), verification: 'verified' }), client)],
    ['Verification from null', () => Verification.fromJSON(damaged(null))],
    ['Verification with a numeric status', () => Verification.fromJSON(damaged({ ...verificationJSON(), status: 1 }))],
    ['PhoneNumber with a link without a type', () => PhoneNumber.fromJSON(damaged({ ...phoneJSON(), linked_to: [{ id: 'idn_1' }] }), client)],
    ['User from an array', () => User.fromJSON(damaged([]), client)],
    ['User with phone_numbers [null]', () => User.fromJSON(damaged({ ...userJSON(), phone_numbers: [null] }), client)],
    ['Session without an id', () => Session.fromJSON(damaged({ ...sessionJSON(), id: undefined }), client)],
    ['Session with a string user', () => Session.fromJSON(damaged({ ...sessionJSON(), user: 'user_1' }), client)],
    ['ClientResource from an array', () => ClientResource.fromJSON(damaged([]), client)],
    ['ClientResource with a non-array sessions', () => ClientResource.fromJSON(damaged({ ...clientJSON(), sessions: 'sess_1' }), client)],
    ['SignIn from null', () => SignIn.fromJSON(damaged(null), client)],
    ['SignIn with a numeric status', () => SignIn.fromJSON(damaged({ ...signInJSON(), status: 1 }), client)],
    ['SignIn with supported_first_factors [null]', () => SignIn.fromJSON(damaged({ ...signInJSON(), supported_first_factors: [null] }), client)],
    ['SignIn with a second factor without a strategy', () => SignIn.fromJSON(damaged({ ...signInJSON(), supported_second_factors: [{ phone_number_id: 'idn_1' }] }), client)],
    ['SignIn with a string first_factor_verification', () => SignIn.fromJSON(damaged({ ...signInJSON(), first_factor_verification: 'verified' }), client)],
    ['SignUp from an array', () => SignUp.fromJSON(damaged([]), client)],
    ['SignUp without an id', () => SignUp.fromJSON(damaged({ ...signUpJSON, id: undefined }), client)],
    ['SignUp with a string phone verification', () => SignUp.fromJSON(damaged({ ...signUpJSON, verifications: { phone_number: 'verified' } }), client)],
    // What JSON cannot hold makes structuredClone throw a DataCloneError: refused the same way, not raw.
    ['PhoneNumber holding a function', () => PhoneNumber.fromJSON(damaged({ ...phoneJSON(), extra: () => 1 }), client)],
    ['User holding a Symbol', () => User.fromJSON(damaged({ ...userJSON(), extra: Symbol('x') }), client)],
  ])('refuses %s with ValidationError json_invalid', (_, build) => {
    const error = refusal(build)
    expect(error).toBeInstanceOf(ValidationError)
    expect(error).toMatchObject({ code: 'json_invalid' })
  })

  it('still builds what the wire may omit or null', () => {
    const phone = PhoneNumber.fromJSON(damaged({ ...phoneJSON(), linked_to: undefined, backup_codes: null, verification: null, created_at: undefined }), client)
    expect(phone.linkedTo).toEqual([])
    expect(User.fromJSON(damaged({ ...userJSON(), phone_numbers: undefined, primary_phone_number_id: null }), client).phoneNumbers).toEqual([])
  })

  // A list that is not an array is damage, not an empty list: read as empty, a client whose sessions are
  // a number would sign the store out, and a string would be read character by character.
  it.each<[string, () => unknown]>([
    ['backup_codes that is a number', () => PhoneNumber.fromJSON(damaged({ ...phoneJSON(), backup_codes: 5 }), client)],
    ['backup_codes that is an object', () => PhoneNumber.fromJSON(damaged({ ...phoneJSON(), backup_codes: { 0: 'a1b2' } }), client)],
    ['linked_to that is an object', () => PhoneNumber.fromJSON(damaged({ ...phoneJSON(), linked_to: {} }), client)],
    ['phone_numbers that is an object', () => User.fromJSON(damaged({ ...userJSON(), phone_numbers: {} }), client)],
    ['phone_numbers that is a string', () => User.fromJSON(damaged({ ...userJSON(), phone_numbers: 'idn_1' }), client)],
    ['sessions that is a number', () => ClientResource.fromJSON(damaged({ ...clientJSON(), sessions: 7 }), client)],
  ])('refuses %s with ValidationError json_invalid', (_, build) => {
    expect(refusal(build)).toMatchObject({ name: 'ValidationError', code: 'json_invalid' })
  })
})

describe('fromJSON without a dialkit client', () => {
  it.each<[string, unknown]>([
    ['a plain object', {}],
    ['an object shaped like a client', { frontendApi: 'http://localhost:4010', store: client.store, load: client.load }],
    ['null', null],
    ['a string', 'http://localhost:4010'],
  ])('refuses %s with ValidationError param_invalid naming client', (_, notClient) => {
    for (const build of [
      () => PhoneNumber.fromJSON(phoneJSON(), notClient as never),
      () => User.fromJSON(userJSON(), notClient as never),
      () => Session.fromJSON(sessionJSON(), notClient as never),
      () => ClientResource.fromJSON(clientJSON(), notClient as never),
      () => SignIn.fromJSON(signInJSON(), notClient as never),
      () => SignUp.fromJSON(damaged(signUpJSON), notClient as never),
    ]) {
      expect(refusal(build)).toMatchObject({ name: 'ValidationError', code: 'param_invalid', paramName: 'client' })
    }
  })
})

describe('a 200 with the wrong shape', () => {
  it.each<[string, unknown]>([
    ['a response without phone_number', envelope({ ...phoneJSON(), phone_number: undefined })],
    ['a response with linked_to [null]', envelope({ ...phoneJSON(), linked_to: [null] })],
    ['a piggybacked client that is an array', { response: phoneJSON(), client: [] }],
    ['a piggybacked client that is a number', { response: phoneJSON(), client: 5 }],
    ['a piggybacked client that is a string', { response: phoneJSON(), client: 'client_1' }],
    ['a piggybacked client that is false', { response: phoneJSON(), client: false }],
    ['a meta.client that is a number', { response: phoneJSON(), meta: { client: 0 } }],
    ['a piggybacked client whose sessions is not an array', { response: phoneJSON(), client: { ...clientJSON(), sessions: 'x' } }],
    ['a piggybacked client whose user has phone_numbers [null]', { response: phoneJSON(), client: clientJSON({ ...userJSON(), phone_numbers: [null] as never }) }],
  ])('is NetworkError malformed_response for %s, and the store stays signed in', async (_, body) => {
    const h = await withPhone()
    const before = h.client.store.get()
    h.reply(() => jsonResponse(200, body))
    const error = await h.client.user!.phoneNumbers[0]!.reload().catch((caught: unknown) => caught)
    expect(isNetworkError(error)).toBe(true)
    expect(error).toMatchObject({ reason: 'malformed_response', cause: expect.objectContaining({ code: 'json_invalid' }) })
    expect(h.client.store.get()).toBe(before)
    expect(h.events).toEqual([])
  })

  it('is malformed_response for a load whose client has the wrong shape, not a sign-out', async () => {
    const h = await withPhone()
    const before = h.client.store.get()
    h.reply(() => jsonResponse(200, envelope({ ...clientJSON(), sessions: [null] })))
    await expect(h.client.load()).rejects.toMatchObject({ name: 'NetworkError', reason: 'malformed_response' })
    expect(h.client.store.get()).toBe(before)
    expect(before.status).toBe('signed-in')
  })
})

async function withPhone() {
  return signedIn([phoneJSON()])
}

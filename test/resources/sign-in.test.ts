import { describe, expect, it } from 'vitest'
import { ApiResponseError, SignIn, ValidationError } from '../../src/index.js'
import { jsonResponse } from '../support/fake-fetch.js'
import { errorsJSON } from './fixtures.js'
import { otpJSON, phoneSignInJSON, signedOut, signInAnswer } from './sign-in-harness.js'

const sentFirst = phoneSignInJSON({ first_factor_verification: otpJSON() })
const needsSecond = phoneSignInJSON({
  status: 'needs_second_factor',
  first_factor_verification: otpJSON({ status: 'verified', attempts: 1 }),
  supported_second_factors: [{ strategy: 'phone_code', safe_identifier: '+*********71', phone_number_id: 'idn_typed', default: true }, { strategy: 'backup_code' }],
})
const complete = phoneSignInJSON({ status: 'complete', created_session_id: 'sess_new', first_factor_verification: otpJSON({ status: 'verified' }) })

async function started(json = phoneSignInJSON()) {
  const h = await signedOut()
  h.reply(signInAnswer(json))
  const signIn = await SignIn.create(h.client, { identifier: '+1 415 555 2671' })
  h.sent.length = 0
  h.events.length = 0
  return { ...h, signIn }
}

describe('SignIn.create', () => {
  it('POSTs the E.164 identifier, resolves to the sign-in, emits signIn:updated and keeps it in the client', async () => {
    const h = await signedOut()
    h.reply(signInAnswer(phoneSignInJSON()))
    const signIn = await SignIn.create(h.client, { identifier: '(415) 555-2671', defaultCountry: 'US' })

    expect(h.sent).toEqual([expect.objectContaining({ method: 'POST', path: '/v1/client/sign_ins', body: { identifier: '+14155552671' } })])
    expect(signIn).toBeInstanceOf(SignIn)
    expect(signIn).toMatchObject({ id: 'sia_1', status: 'needs_first_factor', identifier: '+14155552671', createdSessionId: null })
    expect(signIn.supportedFirstFactors?.map((factor) => factor.phoneNumberId)).toEqual(['idn_other', 'idn_typed'])
    expect(signIn.supportedSecondFactors).toBeNull()
    expect(h.events).toEqual([['signIn:updated', signIn]])
    expect(SignIn.current(h.client)?.toJSON()).toEqual(signIn.toJSON())
    expect(h.client.store.get().status).toBe('signed-out')
  })

  it.each(['', 'abc', '+1', undefined])('refuses the identifier %j before sending anything', async (identifier) => {
    const h = await signedOut()
    const error = await SignIn.create(h.client, { identifier: identifier as string }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ValidationError)
    expect(error).toMatchObject({ code: 'phone_number_invalid', paramName: 'phone_number' })
    expect(h.sent).toEqual([])
    expect(h.events).toEqual([])
  })

  it('passes on form_identifier_not_found with its param name and emits nothing', async () => {
    const h = await signedOut()
    h.reply(() => jsonResponse(422, errorsJSON('form_identifier_not_found', 'identifier')))
    const error = await SignIn.create(h.client, { identifier: '+14155552671' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiResponseError)
    expect(error).toMatchObject({ status: 422, code: 'form_identifier_not_found', paramName: 'identifier' })
    expect(h.events).toEqual([])
  })

  it('surfaces a status it does not know as it is', async () => {
    const h = await signedOut()
    h.reply(signInAnswer(phoneSignInJSON({ status: 'needs_protect_check' })))
    await expect(SignIn.create(h.client, { identifier: '+14155552671' })).resolves.toMatchObject({ status: 'needs_protect_check' })
  })

  it('refuses an answer that is not a sign-in as malformed_response', async () => {
    const h = await signedOut()
    h.reply(() => jsonResponse(200, { response: { nope: true }, client: null }))
    await expect(SignIn.create(h.client, { identifier: '+14155552671' })).rejects.toMatchObject({ name: 'NetworkError', reason: 'malformed_response' })
    expect(h.events).toEqual([])
  })
})

describe('signIn.prepareFirstFactor', () => {
  it('sends phone_code for the factor of the typed identifier by default, and one request per double click', async () => {
    const h = await started()
    h.reply(signInAnswer(sentFirst))
    const [a, b] = await Promise.all([h.signIn.prepareFirstFactor({ strategy: 'phone_code' }), h.signIn.prepareFirstFactor({ strategy: 'phone_code' })])
    expect(h.sent).toEqual([
      expect.objectContaining({ method: 'POST', path: '/v1/client/sign_ins/sia_1/prepare_first_factor', body: { strategy: 'phone_code', phone_number_id: 'idn_typed' } }),
    ])
    expect(a).toBe(b)
    expect(a.firstFactorVerification).toMatchObject({ status: 'unverified', strategy: 'phone_code' })
    expect(h.events).toEqual([['signIn:updated', a]])
    expect(h.signIn.firstFactorVerification).toBeNull()
  })

  it('takes another phoneNumberId, and refuses a strategy other than phone_code before sending', async () => {
    const h = await started()
    h.reply(signInAnswer(sentFirst))
    await h.signIn.prepareFirstFactor({ strategy: 'phone_code', phoneNumberId: 'idn_other' })
    expect(h.sent[0]?.body).toEqual({ strategy: 'phone_code', phone_number_id: 'idn_other' })
    const error = await h.signIn.prepareFirstFactor({ strategy: 'email_code' as never }).catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'ValidationError', code: 'param_invalid', paramName: 'strategy' })
    expect(h.sent).toHaveLength(1)
  })

  it('passes on a 429 with retryAfter', async () => {
    const h = await started()
    h.reply(() => jsonResponse(429, errorsJSON('verification_code_too_many_requests'), { 'Retry-After': '30' }))
    await expect(h.signIn.prepareFirstFactor({ strategy: 'phone_code' })).rejects.toMatchObject({ status: 429, retryAfter: 30 })
  })
})

describe('signIn.attemptFirstFactor', () => {
  it('completes the sign-in: the store is signed-in with the new session and session:created is emitted once', async () => {
    const h = await started(sentFirst)
    h.reply(signInAnswer(complete))
    const done = await h.signIn.attemptFirstFactor({ strategy: 'phone_code', code: '424 242' })
    expect(h.sent[0]).toMatchObject({ path: '/v1/client/sign_ins/sia_1/attempt_first_factor', body: { strategy: 'phone_code', code: '424242' } })
    expect(done).toMatchObject({ status: 'complete', createdSessionId: 'sess_new' })
    const state = h.client.store.get()
    expect(state).toMatchObject({ status: 'signed-in', session: { id: 'sess_new' }, user: { id: 'user_1' } })
    expect(h.events).toEqual([['session:created', state.session]])
    expect(h.sent).toHaveLength(1)
    expect(SignIn.current(h.client)).toBeNull()
  })

  it('moves on to the second factor with one signIn:updated', async () => {
    const h = await started(sentFirst)
    h.reply(signInAnswer(needsSecond))
    const next = await h.signIn.attemptFirstFactor({ strategy: 'phone_code', code: '424242' })
    expect(next.status).toBe('needs_second_factor')
    expect(next.supportedSecondFactors).toEqual([
      { strategy: 'phone_code', safeIdentifier: '+*********71', phoneNumberId: 'idn_typed', primary: false, default: true },
      { strategy: 'backup_code', safeIdentifier: null, phoneNumberId: null, primary: false, default: false },
    ])
    expect(h.events).toEqual([['signIn:updated', next]])
    expect(h.client.store.get().status).toBe('signed-out')
  })

  it.each(['', '12', 'abcdef', undefined])('refuses the code %j before sending anything', async (code) => {
    const h = await started(sentFirst)
    const error = await h.signIn.attemptFirstFactor({ strategy: 'phone_code', code: code as string }).catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'ValidationError', code: 'code_invalid', paramName: 'code' })
    expect(h.sent).toEqual([])
  })

  it.each([
    [422, 'form_code_incorrect', 'code'],
    [400, 'verification_expired', undefined],
    [400, 'verification_failed', undefined],
    [403, 'resource_forbidden', undefined],
  ])('passes on %i %s and emits nothing', async (status, code, paramName) => {
    const h = await started(sentFirst)
    h.reply(() => jsonResponse(status, errorsJSON(code, paramName)))
    const error = await h.signIn.attemptFirstFactor({ strategy: 'phone_code', code: '111111' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiResponseError)
    expect(error).toMatchObject({ status, code, paramName })
    expect(h.events).toEqual([])
  })
})

describe('signIn second factor', () => {
  it('prepares phone_code (the server picks the default number) and completes with the SMS code', async () => {
    const h = await started(needsSecond)
    h.reply(signInAnswer(phoneSignInJSON({ ...needsSecond, second_factor_verification: otpJSON() })))
    const sent = await h.signIn.prepareSecondFactor({ strategy: 'phone_code' })
    expect(h.sent[0]).toMatchObject({ path: '/v1/client/sign_ins/sia_1/prepare_second_factor', body: { strategy: 'phone_code' } })
    expect(sent.secondFactorVerification?.status).toBe('unverified')
    h.reply(signInAnswer(complete))
    const done = await sent.attemptSecondFactor({ strategy: 'phone_code', code: '424242' })
    expect(h.sent[1]).toMatchObject({ path: '/v1/client/sign_ins/sia_1/attempt_second_factor', body: { strategy: 'phone_code', code: '424242' } })
    expect(done.status).toBe('complete')
    expect(h.events.map(([name]) => name)).toEqual(['signIn:updated', 'session:created'])
  })

  it('takes a backup code without a prepare, as it is (letters allowed), and refuses an empty one', async () => {
    const h = await started(needsSecond)
    h.reply(signInAnswer(complete))
    await h.signIn.attemptSecondFactor({ strategy: 'backup_code', code: ' ab12cd34 ' })
    expect(h.sent[0]?.body).toEqual({ strategy: 'backup_code', code: 'ab12cd34' })
    await expect(h.signIn.attemptSecondFactor({ strategy: 'backup_code', code: ' ' })).rejects.toMatchObject({ paramName: 'code' })
    expect(h.sent).toHaveLength(1)
  })

  it('passes on no_second_factors', async () => {
    const h = await started(needsSecond)
    h.reply(() => jsonResponse(400, errorsJSON('no_second_factors')))
    await expect(h.signIn.prepareSecondFactor({ strategy: 'phone_code' })).rejects.toMatchObject({ code: 'no_second_factors' })
  })
})

describe('SignIn JSON', () => {
  it('round-trips through toJSON and fromJSON, and resumes from the client after a reload', async () => {
    const h = await started(needsSecond)
    const copy = SignIn.fromJSON(h.signIn.toJSON(), h.client)
    expect(copy.toJSON()).toEqual(needsSecond)
    expect(Object.isFrozen(copy)).toBe(true)
    expect(SignIn.current(h.client)?.status).toBe('needs_second_factor')
  })
})

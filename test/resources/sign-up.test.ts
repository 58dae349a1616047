import { describe, expect, it } from 'vitest'
import { ApiResponseError, SignUp, ValidationError } from '../../src/index.js'
import { jsonResponse } from '../support/fake-fetch.js'
import type { VerificationJSON } from '../../src/wire/index.js'
import { errorsJSON } from './fixtures.js'
import { otpJSON, phoneSignUpJSON, signedOut, signUpAnswer } from './sign-in-harness.js'

const sent = phoneSignUpJSON({ verifications: { phone_number: { ...otpJSON(), next_action: 'needs_attempt', supported_strategies: ['phone_code'] } as VerificationJSON } })
const complete = phoneSignUpJSON({
  status: 'complete',
  unverified_fields: [],
  verifications: { phone_number: otpJSON({ status: 'verified', attempts: 1 }) },
  created_user_id: 'user_1',
  created_session_id: 'sess_new',
})

async function started(json = phoneSignUpJSON()) {
  const h = await signedOut()
  h.reply(signUpAnswer(json))
  const signUp = await SignUp.create(h.client, { phoneNumber: '+14155552671' })
  h.sent.length = 0
  h.events.length = 0
  return { ...h, signUp }
}

describe('SignUp.create', () => {
  it('POSTs the E.164 number, resolves missing_requirements, emits signUp:updated and keeps it in the client', async () => {
    const h = await signedOut()
    h.reply(signUpAnswer(phoneSignUpJSON()))
    const signUp = await SignUp.create(h.client, { phoneNumber: '415 555 2671', defaultCountry: 'US' })
    expect(h.sent).toEqual([expect.objectContaining({ method: 'POST', path: '/v1/client/sign_ups', body: { phone_number: '+14155552671' } })])
    expect(signUp).toMatchObject({ id: 'sua_1', status: 'missing_requirements', phoneNumber: '+14155552671', unverifiedFields: ['phone_number'] })
    expect(signUp.verifications.phoneNumber).toBeNull()
    expect(h.events).toEqual([['signUp:updated', signUp]])
    expect(SignUp.current(h.client)?.id).toBe('sua_1')
  })

  it.each(['', 'abc', '555-0123'])('refuses %j before sending anything', async (phoneNumber) => {
    const h = await signedOut()
    const error = await SignUp.create(h.client, { phoneNumber }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ValidationError)
    expect(error).toMatchObject({ code: 'phone_number_invalid', paramName: 'phone_number' })
    expect(h.sent).toEqual([])
  })

  it('passes on form_identifier_exists for a taken number', async () => {
    const h = await signedOut()
    h.reply(() => jsonResponse(422, errorsJSON('form_identifier_exists', 'phone_number')))
    const error = await SignUp.create(h.client, { phoneNumber: '+14155552671' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiResponseError)
    expect(error).toMatchObject({ status: 422, code: 'form_identifier_exists', paramName: 'phone_number' })
    expect(h.events).toEqual([])
  })
})

describe('signUp verification', () => {
  it('prepares phone_code once per double click', async () => {
    const h = await started()
    h.reply(signUpAnswer(sent))
    const [a, b] = await Promise.all([h.signUp.preparePhoneNumberVerification(), h.signUp.preparePhoneNumberVerification()])
    expect(h.sent).toEqual([expect.objectContaining({ path: '/v1/client/sign_ups/sua_1/prepare_verification', body: { strategy: 'phone_code' } })])
    expect(a).toBe(b)
    expect(a.verifications.phoneNumber).toMatchObject({ status: 'unverified' })
    expect(h.events).toEqual([['signUp:updated', a]])
  })

  it('completes with the right code: user and active session in the store, session:created once', async () => {
    const h = await started(sent)
    h.reply(signUpAnswer(complete))
    const done = await h.signUp.attemptPhoneNumberVerification({ code: '424242' })
    expect(h.sent).toEqual([expect.objectContaining({ path: '/v1/client/sign_ups/sua_1/attempt_verification', body: { strategy: 'phone_code', code: '424242' } })])
    expect(done).toMatchObject({ status: 'complete', createdUserId: 'user_1', createdSessionId: 'sess_new' })
    const state = h.client.store.get()
    expect(state).toMatchObject({ status: 'signed-in', session: { id: 'sess_new' }, user: { id: 'user_1' } })
    expect(h.events).toEqual([['session:created', state.session]])
  })

  it('refuses a bad code before sending, and passes on form_code_incorrect', async () => {
    const h = await started(sent)
    await expect(h.signUp.attemptPhoneNumberVerification({ code: 'x' })).rejects.toMatchObject({ code: 'code_invalid' })
    expect(h.sent).toEqual([])
    h.reply(() => jsonResponse(422, errorsJSON('form_code_incorrect', 'code')))
    await expect(h.signUp.attemptPhoneNumberVerification({ code: '111111' })).rejects.toMatchObject({ code: 'form_code_incorrect', paramName: 'code' })
    expect(h.events).toEqual([])
  })

  it('round-trips through toJSON and fromJSON', async () => {
    const h = await started(sent)
    expect(SignUp.fromJSON(h.signUp.toJSON(), h.client).toJSON()).toEqual(sent)
  })
})

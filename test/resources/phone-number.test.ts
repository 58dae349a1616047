import { describe, expect, it, vi } from 'vitest'
import { ApiResponseError, NetworkError, PhoneNumber, ValidationError, Verification } from '../../src/index.js'
import type { PhoneNumberJSON } from '../../src/wire/index.js'
import { hangingFetch, jsonResponse } from '../support/fake-fetch.js'
import { clientJSON, envelope, errorsJSON, phoneJSON, userJSON, verificationJSON } from './fixtures.js'
import { signedIn } from './harness.js'

/** The server's answer: the phone plus a client whose user now has it. */
const answer = (phone: PhoneNumberJSON) => () => jsonResponse(200, envelope(phone, clientJSON(userJSON([phone]))))
const prepared = phoneJSON({ verification: verificationJSON() })
const verified = phoneJSON({ verification: verificationJSON({ status: 'verified', attempts: 1 }) })

async function withPhone(json = phoneJSON()) {
  const h = await signedIn([json])
  return { ...h, phone: h.client.user!.phoneNumbers[0]! }
}

describe('user.createPhoneNumber', () => {
  it('POSTs the E.164 number, resolves to the new instance, emits phoneNumber:created and updates the store', async () => {
    const h = await signedIn()
    h.reply(answer(phoneJSON()))
    const phone = await h.client.user!.createPhoneNumber({ phoneNumber: '+1 (201) 555-0123' })

    expect(h.sent).toEqual([expect.objectContaining({ method: 'POST', path: '/v1/me/phone_numbers', body: { phone_number: '+12015550123' } })])
    expect(h.sent[0]?.query).toMatchObject({ _clerk_session_id: 'sess_1', __clerk_api_version: '2026-05-12' })
    expect(h.sent[0]?.query._method).toBeUndefined()
    expect(phone).toBeInstanceOf(PhoneNumber)
    expect(phone).toMatchObject({ id: 'idn_1', phoneNumber: '+12015550123', verification: null, isDestroyed: false })
    expect(h.events).toEqual([['phoneNumber:created', phone]])
    expect(h.client.user!.phoneNumbers.map(String)).toEqual(['+12015550123'])
    expect(h.states).toHaveLength(1)
  })

  it.each([
    ['12015550123', undefined, '+12015550123'],
    ['(201) 555-0123', 'US', '+12015550123'],
    ['020 7183 8750', 'GB', '+442071838750'],
    ['+15551234567', undefined, '+15551234567'],
    ['+1 415 555 0199', undefined, '+14155550199'],
  ])('accepts %s (default country %s) as %s', async (input, defaultCountry, e164) => {
    const h = await signedIn()
    h.reply(answer(phoneJSON({ phone_number: e164 })))
    await h.client.user!.createPhoneNumber({ phoneNumber: input, ...(defaultCountry && { defaultCountry }) })
    expect(h.sent[0]?.body).toEqual({ phone_number: e164 })
  })

  it.each(['', 'abc', '+1', '+1201555012', '555-0123'])('refuses %j before sending anything', async (input) => {
    const h = await signedIn()
    const error = await h.client.user!.createPhoneNumber({ phoneNumber: input }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ValidationError)
    expect(error).toMatchObject({ code: 'phone_number_invalid', paramName: 'phone_number' })
    expect(h.sent).toHaveLength(0)
    expect(h.events).toEqual([])
  })

  it('passes on a 422 with its param name and leaves the store alone', async () => {
    const h = await signedIn()
    h.reply(() => jsonResponse(422, errorsJSON('form_identifier_exists', 'phone_number')))
    const before = h.client.store.get()
    const error = await h.client.user!.createPhoneNumber({ phoneNumber: '+12015550123' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiResponseError)
    expect(error).toMatchObject({ status: 422, code: 'form_identifier_exists', paramName: 'phone_number' })
    expect(h.client.store.get()).toBe(before)
    expect(h.events).toEqual([])
  })
})

describe('phone.prepareVerification', () => {
  it('POSTs strategy=phone_code and resolves to a new instance with the verification', async () => {
    const h = await withPhone()
    h.reply(answer(prepared))
    const sent = await h.phone.prepareVerification()

    expect(h.sent[0]).toMatchObject({ method: 'POST', path: '/v1/me/phone_numbers/idn_1/prepare_verification', body: { strategy: 'phone_code' } })
    expect(sent).not.toBe(h.phone)
    expect(h.phone.verification).toBeNull()
    expect(sent.verification).toBeInstanceOf(Verification)
    expect(sent.verification).toMatchObject({ status: 'unverified', strategy: 'phone_code', attempts: 0, channel: 'sms' })
    expect(sent.verification?.expireAt).toEqual(new Date(prepared.verification!.expire_at!))
    expect(h.events).toEqual([['phoneNumber:updated', sent]])
    expect(h.client.user!.phoneNumbers[0]?.verification?.status).toBe('unverified')
  })

  it('has the store updated before the event fires, and still resolves when a listener throws', async () => {
    const h = await withPhone()
    h.reply(answer(prepared))
    const seen: Array<string | undefined> = []
    const report = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    h.client.on('phoneNumber:updated', () => {
      seen.push(h.client.user!.phoneNumbers[0]?.verification?.status)
      throw new Error('listener bug')
    })
    await expect(h.phone.prepareVerification()).resolves.toBeInstanceOf(PhoneNumber)
    expect(seen).toEqual(['unverified'])
    report.mockRestore()
  })

  it('shares one request between identical calls in flight (a double click sends one SMS)', async () => {
    const h = await withPhone()
    h.reply(answer(prepared))
    const [first, second] = await Promise.all([h.phone.prepareVerification(), h.phone.prepareVerification()])
    expect(h.sent).toHaveLength(1)
    expect(first).toBe(second)
    expect(h.events).toHaveLength(1)
    await h.phone.prepareVerification()
    expect(h.sent).toHaveLength(2)
  })

  it('keeps the shared request going while one caller still waits, and aborts it when all have left', async () => {
    const h = await withPhone()
    let aborted = 0
    h.reply((_, raw) => {
      raw.signal.addEventListener('abort', () => aborted++)
      return hangingFetch()(raw)
    })
    const one = new AbortController()
    const two = new AbortController()
    const first = h.phone.prepareVerification({ signal: one.signal }).catch((e: unknown) => e)
    const second = h.phone.prepareVerification({ signal: two.signal }).catch((e: unknown) => e)
    // The shared request is in flight (its abort listener attached) before anyone leaves; an abort of it
    // would then reach the listener at once, so no wait is needed to see that it did not happen.
    await expect.poll(() => h.sent.length).toBe(1)
    one.abort()
    expect(await first).toMatchObject({ name: 'NetworkError', reason: 'aborted' })
    expect(aborted).toBe(0)
    two.abort()
    expect(await second).toMatchObject({ name: 'NetworkError', reason: 'aborted' })
    expect(aborted).toBe(1)
    expect(h.sent).toHaveLength(1)
  })

  it('starts a fresh request for a caller who comes right after every earlier caller aborted', async () => {
    const h = await withPhone()
    let calls = 0
    h.reply((_, raw) => (++calls === 1 ? hangingFetch()(raw) : answer(prepared)()))
    const controller = new AbortController()
    const first = h.phone.prepareVerification({ signal: controller.signal }).catch((e: unknown) => e)
    controller.abort()
    const again = await h.phone.prepareVerification()

    expect(await first).toMatchObject({ name: 'NetworkError', reason: 'aborted' })
    expect(again.verification?.status).toBe('unverified')
    expect(h.events).toEqual([['phoneNumber:updated', again]])
    expect(h.client.user!.phoneNumbers[0]?.verification?.status).toBe('unverified')
  })

  it('sends nothing for a signal that is already aborted', async () => {
    const h = await withPhone()
    await expect(h.phone.prepareVerification({ signal: AbortSignal.abort() })).rejects.toBeInstanceOf(NetworkError)
    expect(h.sent).toHaveLength(0)
  })

  it('rejects a resend inside the throttle with a 429 and its Retry-After', async () => {
    const h = await withPhone()
    h.reply(() => jsonResponse(429, errorsJSON('verification_code_too_many_requests'), { 'Retry-After': '30' }))
    const before = h.client.store.get()
    const error = await h.phone.prepareVerification().catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'ApiResponseError', status: 429, code: 'verification_code_too_many_requests', retryAfter: 30 })
    expect(h.client.store.get()).toBe(before)
    expect(h.events).toEqual([])
  })

  it('maps a dead network to NetworkError failed', async () => {
    const h = await withPhone()
    h.reply(() => Promise.reject(new TypeError('fetch failed')))
    await expect(h.phone.prepareVerification()).rejects.toMatchObject({ name: 'NetworkError', reason: 'failed' })
  })
})

describe('phone.attemptVerification', () => {
  it('POSTs the code with spaces removed and resolves to the verified instance', async () => {
    const h = await withPhone(prepared)
    h.reply(answer(verified))
    const done = await h.phone.attemptVerification({ code: ' 424 242 ' })
    expect(h.sent[0]).toMatchObject({ method: 'POST', path: '/v1/me/phone_numbers/idn_1/attempt_verification', body: { code: '424242' } })
    expect(done.verification?.status).toBe('verified')
    expect(h.events).toEqual([['phoneNumber:updated', done]])
    expect(h.client.user!.phoneNumbers[0]?.verification?.status).toBe('verified')
  })

  it.each(['', '12', '12345678901', '12a456', undefined])('refuses the code %j before sending anything', async (code) => {
    const h = await withPhone(prepared)
    const error = await h.phone.attemptVerification({ code: code as string }).catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'ValidationError', code: 'code_invalid', paramName: 'code' })
    expect(h.sent).toHaveLength(0)
  })

  it('never merges attempts: two calls send two requests', async () => {
    const h = await withPhone(prepared)
    h.reply(answer(verified))
    await Promise.all([h.phone.attemptVerification({ code: '111111' }), h.phone.attemptVerification({ code: '111111' })])
    expect(h.sent).toHaveLength(2)
  })

  it('passes on form_code_incorrect (422, param code) and verification errors (400)', async () => {
    const h = await withPhone(prepared)
    h.reply(() => jsonResponse(422, errorsJSON('form_code_incorrect', 'code')))
    await expect(h.phone.attemptVerification({ code: '000000' })).rejects.toMatchObject({ status: 422, code: 'form_code_incorrect', paramName: 'code' })
    for (const code of ['verification_expired', 'verification_failed']) {
      h.reply(() => jsonResponse(400, errorsJSON(code)))
      await expect(h.phone.attemptVerification({ code: '000000' })).rejects.toMatchObject({ status: 400, code })
    }
    expect(h.events).toEqual([])
  })

  it('takes the client a failed attempt carries (attempts went up) without emitting an event', async () => {
    const h = await withPhone(prepared)
    const after = phoneJSON({ verification: verificationJSON({ attempts: 1 }) })
    h.reply(() => jsonResponse(422, { ...errorsJSON('form_code_incorrect', 'code'), meta: { client: clientJSON(userJSON([after])) } }))
    await h.phone.attemptVerification({ code: '000000' }).catch(() => undefined)
    expect(h.client.user!.phoneNumbers[0]?.verification?.attempts).toBe(1)
    expect(h.events).toEqual([])
  })

  it('times out with NetworkError timeout, on the fake clock', async () => {
    const h = await signedIn([prepared], { timeout: 20_000 })
    h.reply((_, raw) => hangingFetch()(raw))
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      const pending = h.client.user!.phoneNumbers[0]!.attemptVerification({ code: '424242' }).catch((error: unknown) => error)
      await vi.advanceTimersByTimeAsync(19_999)
      expect(h.sent).toHaveLength(1)
      await vi.advanceTimersByTimeAsync(1)
      expect(await pending).toMatchObject({ name: 'NetworkError', reason: 'timeout' })
    } finally {
      vi.useRealTimers()
    }
  })

  it('maps malformed JSON to malformed_response', async () => {
    const h = await withPhone(prepared)
    h.reply(() => new Response('<html>', { status: 200 }))
    await expect(h.phone.attemptVerification({ code: '424242' })).rejects.toMatchObject({ reason: 'malformed_response' })
    h.reply(() => jsonResponse(200, envelope({ nope: true })))
    await expect(h.phone.attemptVerification({ code: '424242' })).rejects.toMatchObject({ reason: 'malformed_response' })
  })
})

// SignIn's error paths against the real emulator over HTTP: the throttle (429 + retryAfter) on both prepares,
// expiry and the attempt limit on the emulator's clock, a second factor removed meanwhile, a number the
// account cannot sign in with, backup codes that work once, and a status from a newer server. After each
// failure the store and the events are checked, and the sign-in is shown to carry on.
import { describe, expect, it } from 'vitest'
import { createClient, isApiResponseError, SignIn } from '../../src/index.js'
import { backendFor, type Client, clientFor, recordEvents, rejection, useTestEmulator } from './harness.js'

const emu = useTestEmulator()

let next = 10
/**
 * A user whose primary number is verified; with `mfa`, its SMS second factor. By default a Clerk test number
 * (code 424242); with `real`, a number whose codes land in the outbox, as the throttle tests need: test
 * numbers are never throttled.
 */
async function userWithNumber(mfa: boolean, real = false) {
  const phoneNumber = real ? `+1415555${String(2000 + next++)}` : `+1202555${String(100 + next++).padStart(4, '0')}`
  const backend = backendFor(emu)
  const user = await backend.users.createUser({})
  const phone = await backend.phoneNumbers.createPhoneNumber({ userId: user.id, phoneNumber, verified: true, primary: true, reservedForSecondFactor: mfa })
  return { phoneNumber, user, phone, backend }
}

async function loadedClient(): Promise<Client> {
  const client = clientFor(emu)
  await client.load()
  return client
}

/** The code just sent to `phoneNumber` for `purpose`: 424242 for a test number, else the outbox's. */
function codeFor(phoneNumber: string, purpose: 'sign_in_first_factor' | 'sign_in_second_factor'): string {
  return /^\+1\d{3}55501\d{2}$/.test(phoneNumber) ? '424242' : emu.outbox.latest(phoneNumber, purpose)!.code
}

/** A sign-in past its first factor, waiting for the second. */
async function atSecondFactor(client: Client, phoneNumber: string): Promise<SignIn> {
  const first = await (await SignIn.create(client, { identifier: phoneNumber })).prepareFirstFactor({ strategy: 'phone_code' })
  const second = await first.attemptFirstFactor({ strategy: 'phone_code', code: codeFor(phoneNumber, 'sign_in_first_factor') })
  expect(second.status).toBe('needs_second_factor')
  return second
}

describe('phone sign-in errors against the emulator', () => {
  it('throttles a second first-factor code with 429 and retryAfter, sends nothing, and allows it after the wait', async () => {
    const { phoneNumber } = await userWithNumber(false, true)
    const client = await loadedClient()
    const sent = await (await SignIn.create(client, { identifier: phoneNumber })).prepareFirstFactor({ strategy: 'phone_code' })
    const before = client.store.get()
    const events = recordEvents(client)
    const texts = emu.outbox.list().length

    const throttled = await rejection(() => sent.prepareFirstFactor({ strategy: 'phone_code' }))
    expect(isApiResponseError(throttled)).toBe(true)
    expect(throttled).toMatchObject({ status: 429, code: 'verification_code_too_many_requests' })
    const { retryAfter } = throttled as { retryAfter: number }
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(30)
    expect(events.names()).toEqual([])
    expect(client.store.get().client?.toJSON().sign_in).toEqual(before.client?.toJSON().sign_in)
    expect(emu.outbox.list()).toHaveLength(texts)

    emu.clock.advance(retryAfter * 1000)
    const resent = await sent.prepareFirstFactor({ strategy: 'phone_code' })
    expect(events.names()).toEqual(['signIn:updated'])
    expect((await resent.attemptFirstFactor({ strategy: 'phone_code', code: codeFor(phoneNumber, 'sign_in_first_factor') })).status).toBe('complete')
  })

  it('throttles a second second-factor code with 429 and retryAfter, then allows it after the wait', async () => {
    const { phoneNumber } = await userWithNumber(true, true)
    const client = await loadedClient()
    // The first factor's SMS does not throttle the second factor's: the throttle is per number and purpose.
    const sent = await (await atSecondFactor(client, phoneNumber)).prepareSecondFactor({ strategy: 'phone_code' })
    const events = recordEvents(client)

    const throttled = await rejection(() => sent.prepareSecondFactor({ strategy: 'phone_code' }))
    expect(throttled).toMatchObject({ name: 'ApiResponseError', status: 429, code: 'verification_code_too_many_requests' })
    const { retryAfter } = throttled as { retryAfter: number }
    expect(retryAfter).toBeGreaterThan(0)
    expect(events.names()).toEqual([])
    expect(client.store.get().status).toBe('signed-out')

    emu.clock.advance(retryAfter * 1000)
    const resent = await sent.prepareSecondFactor({ strategy: 'phone_code' })
    expect((await resent.attemptSecondFactor({ strategy: 'phone_code', code: codeFor(phoneNumber, 'sign_in_second_factor') })).status).toBe('complete')
    expect(client.store.get().status).toBe('signed-in')
  })

  it('refuses the right code after 10 minutes with verification_expired; a new code signs in', async () => {
    const { phoneNumber } = await userWithNumber(false)
    const client = await loadedClient()
    const sent = await (await SignIn.create(client, { identifier: phoneNumber })).prepareFirstFactor({ strategy: 'phone_code' })
    emu.clock.advance(600_001)
    const events = recordEvents(client)

    const expired = await rejection(() => sent.attemptFirstFactor({ strategy: 'phone_code', code: '424242' }))
    expect(expired).toMatchObject({ name: 'ApiResponseError', status: 400, code: 'verification_expired' })
    expect(events.names()).toEqual([])
    expect(client.store.get().status).toBe('signed-out')

    const resent = await sent.prepareFirstFactor({ strategy: 'phone_code' })
    expect((await resent.attemptFirstFactor({ strategy: 'phone_code', code: '424242' })).status).toBe('complete')
  })

  it('fails the code on the third wrong try with verification_failed, refuses even the right code then, and a new code signs in', async () => {
    const { phoneNumber } = await userWithNumber(false)
    const client = await loadedClient()
    const sent = await (await SignIn.create(client, { identifier: phoneNumber })).prepareFirstFactor({ strategy: 'phone_code' })
    const wrong = () => sent.attemptFirstFactor({ strategy: 'phone_code', code: '111111' })

    expect(await rejection(wrong)).toMatchObject({ status: 422, code: 'form_code_incorrect', paramName: 'code' })
    expect(await rejection(wrong)).toMatchObject({ status: 422, code: 'form_code_incorrect' })
    expect(await rejection(wrong)).toMatchObject({ status: 400, code: 'verification_failed' })
    const right = await rejection(() => sent.attemptFirstFactor({ strategy: 'phone_code', code: '424242' }))
    expect(right).toMatchObject({ status: 400, code: 'verification_failed' })
    expect(client.store.get().status).toBe('signed-out')
    await sent.reload().then((fresh) => expect(fresh.firstFactorVerification?.status).toBe('failed'))

    emu.clock.advance(30_000)
    const resent = await sent.prepareFirstFactor({ strategy: 'phone_code' })
    expect(resent.firstFactorVerification).toMatchObject({ status: 'unverified', attempts: 0 })
    expect((await resent.attemptFirstFactor({ strategy: 'phone_code', code: '424242' })).status).toBe('complete')
  })

  it('answers no_second_factors when the account lost its second factor after the first factor', async () => {
    const { phoneNumber, phone, backend } = await userWithNumber(true)
    const client = await loadedClient()
    const second = await atSecondFactor(client, phoneNumber)
    await backend.phoneNumbers.updatePhoneNumber(phone.id, { reservedForSecondFactor: false })
    const events = recordEvents(client)

    const error = await rejection(() => second.prepareSecondFactor({ strategy: 'phone_code' }))
    expect(error).toMatchObject({ name: 'ApiResponseError', status: 400, code: 'no_second_factors', paramName: 'strategy' })
    expect(events.names()).toEqual([])
    expect(SignIn.current(client)?.status).toBe('needs_second_factor')
  })

  it('answers strategy_for_user_invalid for a number of the account that is not verified', async () => {
    const { phoneNumber, user, backend } = await userWithNumber(false)
    const unverified = await backend.phoneNumbers.createPhoneNumber({ userId: user.id, phoneNumber: '+12025550199', verified: false })
    const client = await loadedClient()
    const signIn = await SignIn.create(client, { identifier: phoneNumber })

    const error = await rejection(() => signIn.prepareFirstFactor({ strategy: 'phone_code', phoneNumberId: unverified.id }))
    expect(error).toMatchObject({ name: 'ApiResponseError', status: 400, code: 'strategy_for_user_invalid', paramName: 'strategy' })
    expect(emu.outbox.list().filter((sms) => sms.to === unverified.phoneNumber)).toEqual([])
    // The identifier's own number still works.
    expect((await signIn.prepareFirstFactor({ strategy: 'phone_code' })).firstFactorVerification?.status).toBe('unverified')
  })

  it('takes each backup code once: a used one is form_code_incorrect on the next sign-in, another one works', async () => {
    const { phoneNumber, phone } = await userWithNumber(true)
    const [firstCode, secondCode] = phone.backupCodes ?? []
    expect(firstCode).toBeTruthy()

    const first = await loadedClient()
    const done = await (await atSecondFactor(first, phoneNumber)).attemptSecondFactor({ strategy: 'backup_code', code: firstCode! })
    expect(done.status).toBe('complete')
    expect(first.store.get()).toMatchObject({ status: 'signed-in', session: { id: done.createdSessionId } })

    // The same number just got a first-factor code: the next sign-in waits out the resend throttle.
    emu.clock.advance(30_000)
    const again = await loadedClient()
    const pending = await atSecondFactor(again, phoneNumber)
    const events = recordEvents(again)
    const reused = await rejection(() => pending.attemptSecondFactor({ strategy: 'backup_code', code: firstCode! }))
    expect(reused).toMatchObject({ name: 'ApiResponseError', status: 422, code: 'form_code_incorrect' })
    expect(events.names()).toEqual([])
    expect(again.store.get().status).toBe('signed-out')
    const other = await pending.attemptSecondFactor({ strategy: 'backup_code', code: secondCode! })
    expect(other.status).toBe('complete')
    expect(events.names()).toEqual(['session:created'])
  })

  it('surfaces a status from a newer server as it is, and the sign-in carries on', async () => {
    const { phoneNumber } = await userWithNumber(false)
    // A newer server, played by rewriting the real emulator's answers to POST /v1/client/sign_ins.
    const newer: typeof fetch = async (input, init) => {
      const response = await fetch(input, init)
      const url = new URL(input instanceof Request ? input.url : String(input))
      if (url.pathname !== '/v1/client/sign_ins') return response
      const text = (await response.text()).replaceAll('"needs_first_factor"', '"needs_protect_check"')
      return new Response(text, { status: response.status, headers: response.headers })
    }
    const client = createClient({ frontendApi: emu.url, authMode: 'header', fetch: newer })
    await client.load()

    const signIn = await SignIn.create(client, { identifier: phoneNumber })
    expect(signIn.status).toBe('needs_protect_check')
    expect(SignIn.current(client)?.status).toBe('needs_protect_check')
    expect(SignIn.fromJSON(signIn.toJSON(), client).status).toBe('needs_protect_check')
    const sent = await signIn.prepareFirstFactor({ strategy: 'phone_code' })
    expect(sent.status).toBe('needs_first_factor')
    expect((await sent.attemptFirstFactor({ strategy: 'phone_code', code: '424242' })).status).toBe('complete')
  })
})

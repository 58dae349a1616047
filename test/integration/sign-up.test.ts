// SignUp against the real emulator over HTTP: the whole phone sign-up, resuming it after a reload, and its
// error paths (a taken number, the throttle, expiry, a replaced sign-up, a status from a newer server).
import { describe, expect, it } from 'vitest'
import { createClient, SignIn, SignUp } from '../../src/index.js'
import { backendFor, type Client, clientFor, REAL_NUMBER, recordEvents, rejection, useTestEmulator } from './harness.js'

const emu = useTestEmulator()

let next = 10
/** A Clerk test number (code 424242) nobody has yet. */
function freshTestNumber(): string {
  return `+1203555${String(100 + next++).padStart(4, '0')}`
}

async function loadedClient(): Promise<Client> {
  const client = clientFor(emu)
  await client.load()
  return client
}

describe('phone sign-up against the emulator', () => {
  it('creates the user and an active session with the SMS code, one event per step', async () => {
    const client = await loadedClient()
    const events = recordEvents(client)
    const national = REAL_NUMBER.slice(2).replace(/(\d{3})(\d{3})(\d{4})/, '($1) $2-$3')

    const signUp = await SignUp.create(client, { phoneNumber: national, defaultCountry: 'US' })
    expect(signUp).toMatchObject({ status: 'missing_requirements', phoneNumber: REAL_NUMBER, unverifiedFields: ['phone_number'] })
    const sent = await signUp.preparePhoneNumberVerification()
    expect(sent.verifications.phoneNumber?.status).toBe('unverified')
    const sms = emu.outbox.latest(REAL_NUMBER)!
    expect(sms.purpose).toBe('sign_up_verification')
    const done = await sent.attemptPhoneNumberVerification({ code: sms.code })

    expect(done).toMatchObject({ status: 'complete', createdUserId: expect.stringMatching(/^user_/), createdSessionId: expect.stringMatching(/^sess_/) })
    expect(client.store.get()).toMatchObject({ status: 'signed-in', session: { id: done.createdSessionId }, user: { id: done.createdUserId } })
    expect(client.user?.primaryPhoneNumber?.phoneNumber).toBe(REAL_NUMBER)
    expect(client.user?.primaryPhoneNumber?.verification?.status).toBe('verified')
    expect(events.names()).toEqual(['signUp:updated', 'signUp:updated', 'session:created'])
    expect(SignUp.current(client)).toBeNull()
  })

  it('resumes the sign-up from the client after a reload', async () => {
    const phoneNumber = freshTestNumber()
    const client = await loadedClient()
    const sent = await (await SignUp.create(client, { phoneNumber })).preparePhoneNumberVerification()

    await client.load()
    const resumed = SignUp.current(client)!
    expect(resumed.toJSON()).toEqual(sent.toJSON())
    expect(resumed.verifications.phoneNumber?.status).toBe('unverified')
    expect((await resumed.attemptPhoneNumberVerification({ code: '424242' })).status).toBe('complete')
    expect(client.store.get().status).toBe('signed-in')
  })

  it('refuses a taken number with form_identifier_exists naming phone_number, and that number can sign in instead', async () => {
    const phoneNumber = freshTestNumber()
    const backend = backendFor(emu)
    const user = await backend.users.createUser({ phoneNumber: [phoneNumber] })
    const client = await loadedClient()
    const events = recordEvents(client)

    const error = await rejection(() => SignUp.create(client, { phoneNumber }))
    expect(error).toMatchObject({ name: 'ApiResponseError', status: 422, code: 'form_identifier_exists', paramName: 'phone_number' })
    expect(events.names()).toEqual([])
    expect(SignUp.current(client)).toBeNull()
    expect(emu.outbox.list().filter((sms) => sms.to === phoneNumber)).toEqual([])
    expect((await backend.users.getUserList({ phoneNumber: [phoneNumber] })).totalCount).toBe(1)

    const signIn = await SignIn.create(client, { identifier: phoneNumber })
    const done = await (await signIn.prepareFirstFactor({ strategy: 'phone_code' })).attemptFirstFactor({ strategy: 'phone_code', code: '424242' })
    expect(client.store.get()).toMatchObject({ status: 'signed-in', user: { id: user.id }, session: { id: done.createdSessionId } })
  })

  it('throttles a second code with 429 and retryAfter, sends nothing, then allows it after the wait', async () => {
    // A number whose codes land in the outbox: test numbers are never throttled.
    const phoneNumber = '+14155552090'
    const client = await loadedClient()
    const sent = await (await SignUp.create(client, { phoneNumber })).preparePhoneNumberVerification()
    const events = recordEvents(client)
    const texts = emu.outbox.list().length

    const throttled = await rejection(() => sent.preparePhoneNumberVerification())
    expect(throttled).toMatchObject({ name: 'ApiResponseError', status: 429, code: 'verification_code_too_many_requests' })
    const { retryAfter } = throttled as { retryAfter: number }
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(30)
    expect(events.names()).toEqual([])
    expect(SignUp.current(client)?.toJSON()).toEqual(sent.toJSON())
    expect(emu.outbox.list()).toHaveLength(texts)

    emu.clock.advance(retryAfter * 1000)
    const resent = await sent.preparePhoneNumberVerification()
    const code = emu.outbox.latest(phoneNumber, 'sign_up_verification')!.code
    expect((await resent.attemptPhoneNumberVerification({ code })).status).toBe('complete')
  })

  it('refuses the right code after 10 minutes with verification_expired, and a wrong one with form_code_incorrect', async () => {
    const phoneNumber = freshTestNumber()
    const client = await loadedClient()
    const sent = await (await SignUp.create(client, { phoneNumber })).preparePhoneNumberVerification()
    expect(await rejection(() => sent.attemptPhoneNumberVerification({ code: '111111' }))).toMatchObject({ status: 422, code: 'form_code_incorrect', paramName: 'code' })

    emu.clock.advance(600_001)
    expect(await rejection(() => sent.attemptPhoneNumberVerification({ code: '424242' }))).toMatchObject({ status: 400, code: 'verification_expired' })
    expect(client.store.get().status).toBe('signed-out')
    expect((await backendFor(emu).users.getUserList({ phoneNumber: [phoneNumber] })).totalCount).toBe(0)
  })

  it('refuses a step on a replaced sign-up with resource_forbidden', async () => {
    const client = await loadedClient()
    const old = await SignUp.create(client, { phoneNumber: freshTestNumber() })
    const current = await SignUp.create(client, { phoneNumber: freshTestNumber() })
    const events = recordEvents(client)

    expect(await rejection(() => old.preparePhoneNumberVerification())).toMatchObject({ name: 'ApiResponseError', status: 403, code: 'resource_forbidden' })
    expect(events.names()).toEqual([])
    expect(SignUp.current(client)?.id).toBe(current.id)
  })

  it('surfaces a status from a newer server as it is, and the sign-up carries on', async () => {
    const newer: typeof fetch = async (input, init) => {
      const response = await fetch(input, init)
      const url = new URL(input instanceof Request ? input.url : String(input))
      if (url.pathname !== '/v1/client/sign_ups') return response
      const text = (await response.text()).replaceAll('"missing_requirements"', '"needs_legal_acceptance"')
      return new Response(text, { status: response.status, headers: response.headers })
    }
    const client = createClient({ frontendApi: emu.url, authMode: 'header', fetch: newer })
    await client.load()

    const signUp = await SignUp.create(client, { phoneNumber: freshTestNumber() })
    expect(signUp.status).toBe('needs_legal_acceptance')
    expect(SignUp.current(client)?.status).toBe('needs_legal_acceptance')
    const sent = await signUp.preparePhoneNumberVerification()
    expect(sent.status).toBe('missing_requirements')
    expect((await sent.attemptPhoneNumberVerification({ code: '424242' })).status).toBe('complete')
  })
})

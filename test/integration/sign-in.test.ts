// SignIn against the real emulator over HTTP: phone first factor, SMS and backup-code second factors, errors.
import { describe, expect, it } from 'vitest'
import { SignIn } from '../../src/index.js'
import { backendFor, clientFor, recordEvents, TEST_NUMBER, useTestEmulator } from './harness.js'

const emu = useTestEmulator()

let next = 10
/** A user whose only number is a verified Clerk test number (code 424242); with `mfa`, also its SMS second factor. */
async function userWithNumber(mfa: boolean) {
  const phoneNumber = `+1201555${String(100 + next++).padStart(4, '0')}`
  const backend = backendFor(emu)
  const user = await backend.users.createUser({})
  await backend.phoneNumbers.createPhoneNumber({ userId: user.id, phoneNumber, verified: true, primary: true, reservedForSecondFactor: mfa })
  return { phoneNumber, user }
}

describe('phone sign-in against the emulator', () => {
  it('signs in with the SMS first factor in one request per step', async () => {
    const { phoneNumber, user } = await userWithNumber(false)
    const client = clientFor(emu)
    await client.load()
    const events = recordEvents(client)

    let signIn = await SignIn.create(client, { identifier: phoneNumber })
    expect(signIn.status).toBe('needs_first_factor')
    expect(signIn.supportedFirstFactors?.[0]).toMatchObject({ strategy: 'phone_code', safeIdentifier: phoneNumber })
    signIn = await signIn.prepareFirstFactor({ strategy: 'phone_code' })
    expect(signIn.firstFactorVerification?.status).toBe('unverified')
    signIn = await signIn.attemptFirstFactor({ strategy: 'phone_code', code: '424242' })

    expect(signIn).toMatchObject({ status: 'complete', createdSessionId: expect.stringMatching(/^sess_/) })
    expect(client.store.get()).toMatchObject({ status: 'signed-in', session: { id: signIn.createdSessionId }, user: { id: user.id } })
    expect(events.names()).toEqual(['signIn:updated', 'signIn:updated', 'session:created'])
  })

  it('asks for the SMS second factor, and resumes the sign-in from the client after a reload', async () => {
    const { phoneNumber } = await userWithNumber(true)
    const client = clientFor(emu)
    await client.load()
    const first = await (await SignIn.create(client, { identifier: phoneNumber })).prepareFirstFactor({ strategy: 'phone_code' })
    const second = await first.attemptFirstFactor({ strategy: 'phone_code', code: '424242' })
    expect(second.status).toBe('needs_second_factor')
    expect(second.supportedSecondFactors?.map((factor) => factor.strategy)).toContain('phone_code')

    await client.load()
    // The same number just got the first factor's SMS: the second factor's is not throttled by it.
    const resumed = SignIn.current(client)!
    expect(resumed.toJSON()).toMatchObject({ id: second.id, status: 'needs_second_factor' })
    const sent = await resumed.prepareSecondFactor({ strategy: 'phone_code' })
    const done = await sent.attemptSecondFactor({ strategy: 'phone_code', code: '424242' })
    expect(done.status).toBe('complete')
    expect(client.store.get().status).toBe('signed-in')
  })

  it('refuses an unknown number with form_identifier_not_found', async () => {
    const client = clientFor(emu)
    await client.load()
    await expect(SignIn.create(client, { identifier: TEST_NUMBER })).rejects.toMatchObject({
      name: 'ApiResponseError',
      status: 422,
      code: 'form_identifier_not_found',
    })
    expect(client.store.get().status).toBe('signed-out')
  })

  it('refuses a wrong code with form_code_incorrect, and a replaced sign-in with resource_forbidden', async () => {
    const { phoneNumber } = await userWithNumber(false)
    const client = clientFor(emu)
    await client.load()
    const old = await (await SignIn.create(client, { identifier: phoneNumber })).prepareFirstFactor({ strategy: 'phone_code' })
    await expect(old.attemptFirstFactor({ strategy: 'phone_code', code: '111111' })).rejects.toMatchObject({ status: 422, code: 'form_code_incorrect' })
    await SignIn.create(client, { identifier: phoneNumber })
    await expect(old.attemptFirstFactor({ strategy: 'phone_code', code: '424242' })).rejects.toMatchObject({ status: 403, code: 'resource_forbidden' })
  })

  it('refuses a second-factor prepare before the first factor is verified', async () => {
    const { phoneNumber } = await userWithNumber(false)
    const client = clientFor(emu)
    await client.load()
    const signIn = await SignIn.create(client, { identifier: phoneNumber })
    await expect(signIn.prepareSecondFactor({ strategy: 'phone_code' })).rejects.toMatchObject({ name: 'ApiResponseError' })
  })
})

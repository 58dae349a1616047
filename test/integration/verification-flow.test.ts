// The verification flow on a real PhoneNumber, SDK against a real emulator over HTTP. Only the flow's 1 s
// interval is faked; its countdowns read the emulator's clock, so expiry and throttle windows are reached by
// moving that clock, never by waiting.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createVerificationFlow, type PhoneNumber } from '../../src/index.js'
import { signedInClient, userOf, useTestEmulator } from './harness.js'

const emu = useTestEmulator()
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
})
afterEach(() => {
  vi.useRealTimers()
})

let numbers = 0
/** A signed-in client with a new real (non-test) number, and a flow on it that follows the emulator's clock. */
async function flowOnNewNumber(options: { resendCooldownSeconds?: number } = {}) {
  numbers += 1
  const number = `+1415555${String(2600 + numbers).padStart(4, '0')}`
  const { client } = await signedInClient(emu)
  const phone = await userOf(client).createPhoneNumber({ phoneNumber: number })
  const flow = createVerificationFlow<PhoneNumber>(phone, { webOtp: false, now: () => emu.clock.now(), ...options })
  return { client, number, phone, flow }
}

describe('createVerificationFlow on a real phone number', () => {
  it('sends one SMS, counts a wrong code, verifies the right one and leaves the store verified', async () => {
    const { client, number, phone, flow } = await flowOnNewNumber()
    await flow.send()
    expect(flow.store.get()).toMatchObject({ status: 'code-sent', resendInSeconds: 30, expiresInSeconds: 600, attempts: 0 })
    expect(emu.outbox.list().filter((sms) => sms.to === number)).toHaveLength(1)

    const code = emu.outbox.latest(number)!.code
    await flow.submit(code === '000000' ? '111111' : '000000')
    expect(flow.store.get()).toMatchObject({ status: 'code-sent', attempts: 1, error: { code: 'form_code_incorrect', paramName: 'code' } })

    await flow.submit(code)
    const state = flow.store.get()
    expect(state).toMatchObject({ status: 'verified', error: null, expiresInSeconds: null, resendInSeconds: 0 })
    expect(state.phoneNumber.id).toBe(phone.id)
    expect(state.phoneNumber.verification?.status).toBe('verified')
    expect(userOf(client).phoneNumbers.find((stored) => stored.id === phone.id)?.verification?.status).toBe('verified')
    expect(vi.getTimerCount()).toBe(0)
    flow.destroy()
  })

  it('takes the cooldown from the emulator’s Retry-After and keeps the earlier code usable', async () => {
    const { number, flow } = await flowOnNewNumber({ resendCooldownSeconds: 0 })
    await flow.send()
    const code = emu.outbox.latest(number)!.code
    await flow.resend()
    const throttled = flow.store.get()
    expect(throttled).toMatchObject({ status: 'code-sent', error: { status: 429, code: 'verification_code_too_many_requests' } })
    expect(throttled.resendInSeconds).toBeGreaterThan(0)
    expect(throttled.resendInSeconds).toBeLessThanOrEqual(30)
    expect(emu.outbox.list().filter((sms) => sms.to === number)).toHaveLength(1)

    await flow.submit(code)
    expect(flow.store.get().status).toBe('verified')
    flow.destroy()
  })

  it('expires the code on screen when the emulator’s clock passes expire_at, and sends a new one after', async () => {
    const { number, flow } = await flowOnNewNumber()
    await flow.send()
    emu.clock.advance(600_000)
    vi.advanceTimersByTime(1000)
    expect(flow.store.get()).toMatchObject({ status: 'expired', expiresInSeconds: 0, resendInSeconds: 0 })
    expect(vi.getTimerCount()).toBe(0)

    await flow.send()
    expect(flow.store.get()).toMatchObject({ status: 'code-sent', expiresInSeconds: 600, error: null })
    await flow.submit(emu.outbox.latest(number)!.code)
    expect(flow.store.get().status).toBe('verified')
    flow.destroy()
  })
})

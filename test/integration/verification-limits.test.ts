// Expiry, resend throttle, attempt limit and coalescing, reached through the emulator's clock, never by sleeping.
import { describe, expect, it } from 'vitest'
import { isApiResponseError } from '../../src/index.js'
import { rejection, recordEvents, signedInClient, userOf, useTestEmulator } from './harness.js'

const emu = useTestEmulator()
let serial = 10

/** A signed-in client with one fresh unverified non-test number (so real SMS land in the outbox). */
async function withNewNumber() {
  serial += 1
  const number = `+1415555${String(2600 + serial)}`
  const { client, backend } = await signedInClient(emu)
  const phone = await userOf(client).createPhoneNumber({ phoneNumber: number })
  return { client, backend, phone, number }
}

function wrongCodeFor(code: string): string {
  return code === '000000' ? '111111' : '000000'
}

describe('verification limits', () => {
  it('refuses an attempt before any code was sent with verification_not_sent', async () => {
    const { phone } = await withNewNumber()
    expect(await rejection(() => phone.attemptVerification({ code: '123456' }))).toMatchObject({ status: 400, code: 'verification_not_sent' })
  })

  it('expires a code after 10 minutes', async () => {
    const { client, phone, number } = await withNewNumber()
    const sent = await phone.prepareVerification()
    const code = emu.outbox.latest(number)!.code
    emu.clock.advance(600_001)
    const before = client.store.get()
    const error = await rejection(() => sent.attemptVerification({ code }))
    expect(isApiResponseError(error)).toBe(true)
    expect(error).toMatchObject({ status: 400, code: 'verification_expired' })
    expect(client.store.get()).toBe(before)
  })

  it('throttles a resend within 30 seconds with 429 and Retry-After, then allows it', async () => {
    const { client, phone, number } = await withNewNumber()
    const sent = await phone.prepareVerification()
    const firstCode = emu.outbox.latest(number)!.code
    const events = recordEvents(client)
    const before = client.store.get()

    const throttled = await rejection(() => sent.prepareVerification())
    expect(throttled).toMatchObject({ status: 429, code: 'verification_code_too_many_requests' })
    const retryAfter = (throttled as { retryAfter: number }).retryAfter
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(30)
    expect(client.store.get()).toBe(before)
    expect(events.names()).toEqual([])
    expect(emu.outbox.list().filter((sms) => sms.to === number)).toHaveLength(1)

    emu.clock.advance(retryAfter * 1000)
    const resent = await sent.prepareVerification()
    expect(events.names()).toEqual(['phoneNumber:updated'])
    const secondCode = emu.outbox.latest(number)!.code
    if (secondCode !== firstCode) {
      // A new code replaces the old one.
      expect(await rejection(() => resent.attemptVerification({ code: firstCode }))).toMatchObject({ code: 'form_code_incorrect' })
    }
    expect((await resent.attemptVerification({ code: secondCode })).verification?.status).toBe('verified')
  })

  it('fails the verification after 3 wrong codes, and the right code no longer works', async () => {
    const { phone, number } = await withNewNumber()
    const sent = await phone.prepareVerification()
    const code = emu.outbox.latest(number)!.code
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(isApiResponseError(await rejection(() => sent.attemptVerification({ code: wrongCodeFor(code) })))).toBe(true)
    }
    expect(await rejection(() => sent.attemptVerification({ code }))).toMatchObject({ status: 400, code: 'verification_failed' })
    expect((await sent.reload()).verification?.status).toBe('failed')
  })

  it('never lets concurrent wrong attempts exceed the limit', async () => {
    const { phone, number } = await withNewNumber()
    const sent = await phone.prepareVerification()
    const code = emu.outbox.latest(number)!.code
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => sent.attemptVerification({ code: wrongCodeFor(code) })))
    expect(results.every((result) => result.status === 'rejected')).toBe(true)
    expect(await rejection(() => sent.attemptVerification({ code }))).toMatchObject({ code: 'verification_failed' })
    const reloaded = await sent.reload()
    expect(reloaded.verification?.status).toBe('failed')
    expect(reloaded.verification?.attempts).toBeLessThanOrEqual(3)
  })

  it('coalesces identical prepares in flight into one request and one SMS', async () => {
    const { client, phone, number } = await withNewNumber()
    const events = recordEvents(client)
    const [first, second] = await Promise.all([phone.prepareVerification(), phone.prepareVerification()])
    expect(emu.outbox.list().filter((sms) => sms.to === number)).toHaveLength(1)
    expect(first.toJSON()).toEqual(second.toJSON())
    expect(events.names()).toEqual(['phoneNumber:updated'])
  })

  it('sends nothing for a test number, which takes 424242', async () => {
    const { client } = await signedInClient(emu)
    const phone = await userOf(client).createPhoneNumber({ phoneNumber: '+12015550177' })
    const before = emu.outbox.list().length
    const sent = await phone.prepareVerification()
    expect(emu.outbox.list()).toHaveLength(before)
    expect((await sent.attemptVerification({ code: '424242' })).verification?.status).toBe('verified')
  })

  it('reaches expiry and the outbox over the dev HTTP surface too', async () => {
    const { phone, number } = await withNewNumber()
    const sent = await phone.prepareVerification()
    const outbox = (await (await fetch(`${emu.url}/__dev/sms`)).json()) as {
      data: Array<{ id: string; to: string; body: string; code: string; created_at: number }>
      total_count: number
    }
    expect(outbox.data[0]).toMatchObject({ to: number, code: emu.outbox.latest(number)!.code })
    expect(outbox.total_count).toBe(outbox.data.length)
    const before = emu.clock.now()
    const moved = await fetch(`${emu.url}/__dev/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advance_ms: 600_001 }),
    })
    expect(((await moved.json()) as { now: number }).now).toBeGreaterThanOrEqual(before + 600_001)
    expect(await rejection(() => sent.attemptVerification({ code: outbox.data[0]!.code }))).toMatchObject({ code: 'verification_expired' })
  })

  it('sends nothing for an already aborted prepare and leaves the store alone', async () => {
    const { client, phone, number } = await withNewNumber()
    const before = client.store.get()
    const controller = new AbortController()
    controller.abort()
    const error = await rejection(() => phone.prepareVerification({ signal: controller.signal }))
    expect(error).toMatchObject({ name: 'NetworkError', reason: 'aborted' })
    expect(emu.outbox.list().filter((sms) => sms.to === number)).toEqual([])
    expect(client.store.get()).toBe(before)
  })

  it('lets a second caller of a coalesced prepare abort its own wait without cancelling the send', async () => {
    const { phone, number } = await withNewNumber()
    const controller = new AbortController()
    const kept = phone.prepareVerification()
    const dropped = phone.prepareVerification({ signal: controller.signal })
    controller.abort()
    expect(await rejection(() => dropped)).toMatchObject({ name: 'NetworkError', reason: 'aborted' })
    expect((await kept).verification?.status).toBe('unverified')
    expect(emu.outbox.list().filter((sms) => sms.to === number)).toHaveLength(1)
  })

  it('keeps the shared send going when the first caller of a coalesced prepare aborts', async () => {
    const { phone, number } = await withNewNumber()
    const controller = new AbortController()
    const dropped = phone.prepareVerification({ signal: controller.signal })
    const kept = phone.prepareVerification()
    controller.abort()
    expect(await rejection(() => dropped)).toMatchObject({ name: 'NetworkError', reason: 'aborted' })
    expect((await kept).verification?.status).toBe('unverified')
    expect(emu.outbox.list().filter((sms) => sms.to === number)).toHaveLength(1)
  })
})

import { describe, expect, it } from 'vitest'
import { createTestEmulator } from './helpers.js'

const REAL = '+14155552671'
const P = '/v1/me/phone_numbers'

async function withNumber(settings: Parameters<typeof createTestEmulator>[0] = {}, number = REAL) {
  const emu = createTestEmulator(settings)
  const { userId } = await emu.signIn()
  const created = await emu.fapi('POST', P, { phone_number: number })
  const id = created.body.response.id as string
  const prepare = () => emu.fapi('POST', `${P}/${id}/prepare_verification`, { strategy: 'phone_code' })
  const attempt = (code: string) => emu.fapi('POST', `${P}/${id}/attempt_verification`, { code })
  const latestCode = () => emu.ctx.outbox.latest(number)!.code
  return { emu, id, userId, prepare, attempt, latestCode }
}

const wrong = (code: string) => (code === '000000' ? '111111' : '000000')

describe('verification rules', () => {
  it('refuses an attempt before any prepare with verification_not_sent (400)', async () => {
    const { attempt } = await withNumber()
    const reply = await attempt('123456')
    expect(reply.status).toBe(400)
    expect(reply.body.errors[0]).toMatchObject({ code: 'verification_not_sent', message: 'not sent' })
  })

  it('sends a six-digit code valid for ten minutes and stores only its keyed hash', async () => {
    const { emu, prepare, latestCode } = await withNumber()
    const now = emu.ctx.clock.now()
    const reply = await prepare()
    expect(latestCode()).toMatch(/^\d{6}$/)
    expect(reply.body.response.verification.expire_at - now).toBeGreaterThanOrEqual(600_000)
    expect(reply.body.response.verification.expire_at - now).toBeLessThan(601_000)
    const stored = JSON.stringify([...emu.ctx.store.phoneNumbers.values()])
    expect(stored).not.toContain(`"${latestCode()}"`)
    expect(stored).toMatch(/"codeHash":"[0-9a-f]{64}"/)
  })

  it('answers a wrong code with 422 form_code_incorrect on param code', async () => {
    const { prepare, attempt, latestCode } = await withNumber()
    await prepare()
    const reply = await attempt(wrong(latestCode()))
    expect(reply.status).toBe(422)
    expect(reply.body.errors[0]).toEqual({ code: 'form_code_incorrect', message: 'is incorrect', long_message: 'Incorrect code', meta: { param_name: 'code' } })
  })

  it('expires a code after its lifetime with 400 verification_expired', async () => {
    const { emu, prepare, attempt, latestCode } = await withNumber()
    await prepare()
    emu.ctx.clock.advance(600_001)
    const reply = await attempt(latestCode())
    expect(reply.status).toBe(400)
    expect(reply.body.errors[0].code).toBe('verification_expired')
    expect((await emu.fapi('GET', P)).body[0].verification.status).toBe('expired')
  })

  it('fails the verification at the configured attempt limit; the right code then fails too', async () => {
    const { prepare, attempt, latestCode } = await withNumber({ maxAttempts: 2 })
    await prepare()
    const code = latestCode()
    expect((await attempt(wrong(code))).status).toBe(422)
    const limit = await attempt(wrong(code))
    expect(limit.status).toBe(400)
    expect(limit.body.errors[0].code).toBe('verification_failed')
    const after = await attempt(code)
    expect(after.body.errors[0].code).toBe('verification_failed')
  })

  it('never counts past the limit under concurrent attempts', async () => {
    const { emu, id, prepare, attempt, latestCode } = await withNumber()
    await prepare()
    const code = latestCode()
    const replies = await Promise.all(Array.from({ length: 12 }, () => attempt(wrong(code))))
    expect(replies.every((r) => r.status >= 400)).toBe(true)
    expect(replies.filter((r) => r.body.errors[0].code === 'form_code_incorrect')).toHaveLength(2)
    expect(emu.ctx.store.phoneNumbers.get(id)?.verification).toMatchObject({ status: 'failed', attempts: 3 })
    expect((await attempt(code)).status).toBe(400)
  })

  it('never lets the right code win after the limit when it races wrong ones', async () => {
    for (const position of [0, 2, 3, 6]) {
      const { emu, id, prepare, attempt, latestCode } = await withNumber()
      await prepare()
      const code = latestCode()
      const codes: string[] = Array.from({ length: 6 }, () => wrong(code))
      codes.splice(position, 0, code)
      const replies = await Promise.all(codes.map((c) => attempt(c)))
      const right = replies[position]!
      const wrongCodes = replies.filter((_, index) => index !== position).map((r) => r.body.errors?.[0]?.code as string)
      const verification = emu.ctx.store.phoneNumbers.get(id)!.verification!
      expect(verification.attempts).toBeLessThanOrEqual(3)
      if (right.status === 200) {
        expect(verification.status).toBe('verified')
        expect(wrongCodes.filter((c) => c === 'form_code_incorrect').length).toBeLessThanOrEqual(2)
      } else {
        expect(right.body.errors[0].code).toBe('verification_failed')
        expect(verification).toMatchObject({ status: 'failed', attempts: 3 })
        expect(wrongCodes.filter((c) => c === 'form_code_incorrect')).toHaveLength(2)
      }
    }
  })

  it('throttles a resend per number with 429 and Retry-After, then replaces the old code', async () => {
    const { emu, prepare, attempt, latestCode } = await withNumber()
    await prepare()
    const first = latestCode()
    emu.ctx.clock.advance(10_500)
    const throttled = await prepare()
    expect(throttled.status).toBe(429)
    expect(throttled.headers.get('retry-after')).toBe('20')
    expect(throttled.body.errors[0]).toMatchObject({ code: 'verification_code_too_many_requests', message: 'Too many verification code requests' })
    expect(throttled.body.errors[0].long_message).toContain('at least 30 seconds')
    emu.ctx.clock.advance(20_000)
    expect((await prepare()).status).toBe(200)
    const second = latestCode()
    if (second !== first) expect((await attempt(first)).status).toBe(422)
    expect((await attempt(second)).body.response.verification.status).toBe('verified')
  })

  it('keeps the throttle when the number is deleted and added again', async () => {
    const { emu, id, prepare } = await withNumber()
    await prepare()
    await emu.fapi('DELETE', `${P}/${id}`)
    const again = (await emu.fapi('POST', P, { phone_number: REAL })).body.response.id as string
    const reply = await emu.fapi('POST', `${P}/${again}/prepare_verification`, { strategy: 'phone_code' })
    expect(reply.status).toBe(429)
  })

  it('lets a test number verify with 424242 without sending anything', async () => {
    const { emu, prepare, attempt } = await withNumber({}, '+12015550123')
    await prepare()
    expect(emu.ctx.outbox.list()).toEqual([])
    const reply = await attempt('424242')
    expect(reply.body.response.verification).toMatchObject({ status: 'verified', strategy: 'phone_code' })
  })

  it('never throttles a test number: CI may ask for its 424242 as often as it likes', async () => {
    const { prepare, attempt } = await withNumber({ resendThrottleSeconds: 30 }, '+12015550124')
    for (let i = 0; i < 5; i += 1) expect((await prepare()).status).toBe(200)
    expect((await attempt('424242')).body.response.verification.status).toBe('verified')
  })

  it('writes the WebOTP line for the request origin', async () => {
    const { emu, id } = await withNumber()
    await emu.send(`${P}/${id}/prepare_verification`, {
      method: 'POST',
      headers: { authorization: emu.token!, origin: 'http://localhost:5173', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'strategy=phone_code',
    })
    const sms = emu.ctx.outbox.latest()!
    expect(sms.body).toBe(`Your verification code is ${sms.code}.\n\n@localhost #${sms.code}`)
  })

  it('makes the first verified number primary and bumps updated_at on every change', async () => {
    const { emu, prepare, attempt, latestCode } = await withNumber()
    const stamps = [(await emu.fapi('GET', '/v1/me')).body.response.updated_at]
    await prepare()
    stamps.push((await emu.fapi('GET', '/v1/me')).body.response.updated_at)
    const verified = await attempt(latestCode())
    stamps.push(verified.body.client.sessions[0].user.updated_at)
    expect(stamps[1]).toBeGreaterThan(stamps[0])
    expect(stamps[2]).toBeGreaterThan(stamps[1])
    expect(verified.body.client.sessions[0].user.primary_phone_number_id).toBe(verified.body.response.id)
  })

  it('refuses a second prepare once verified and a second attempt with already verified', async () => {
    const { emu, prepare, attempt, latestCode } = await withNumber()
    await prepare()
    await attempt(latestCode())
    emu.ctx.clock.advance(60_000)
    expect((await prepare()).body.errors[0].code).toBe('verification_already_verified')
    expect((await attempt('123456')).body.errors[0].code).toBe('verification_already_verified')
  })

  it('asks for a code with form_param_nil when it is empty', async () => {
    const { prepare, attempt } = await withNumber()
    await prepare()
    const reply = await attempt('')
    expect(reply.status).toBe(422)
    expect(reply.body.errors[0]).toMatchObject({ code: 'form_param_nil', meta: { param_name: 'code' } })
  })
})

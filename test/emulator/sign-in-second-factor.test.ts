import { describe, expect, it } from 'vitest'
import { createTestEmulator } from './helpers.js'
import { phoneUser, signInSteps, wrongCode } from './sign-in-helpers.js'

const NUMBER = '+14155552671'

/** A user with SMS as second factor, past the first factor on a fresh emulator client. */
async function atSecondFactor(emu = createTestEmulator(), token?: string) {
  const user = token === undefined ? await phoneUser(emu, NUMBER, { mfa: true }) : undefined
  if (token !== undefined) emu.token = token
  const steps = signInSteps(emu)
  const created = await steps.create({ identifier: NUMBER, strategy: 'phone_code' })
  const id = created.body.response.id as string
  const first = await steps.attemptFirst(id, emu.ctx.outbox.latest(NUMBER, 'sign_in_first_factor')!.code)
  return { emu, steps, id, user, first }
}

describe('phone sign-in: second factor', () => {
  it('asks for the second factor after the first, listing the SMS number (masked, default) and backup codes', async () => {
    const { first, user } = await atSecondFactor()
    expect(first.body.response).toMatchObject({
      status: 'needs_second_factor',
      created_session_id: null,
      first_factor_verification: { status: 'verified' },
      second_factor_verification: null,
      supported_second_factors: [
        { strategy: 'phone_code', safe_identifier: '+*********71', phone_number_id: user!.phoneId, default: true },
        { strategy: 'backup_code' },
      ],
    })
    expect(first.body.client.sessions).toEqual([])
    expect(first.body.client.sign_in.status).toBe('needs_second_factor')
  })

  it('sends the second-factor SMS, refuses a wrong code and completes with the right one', async () => {
    const { emu, steps, id } = await atSecondFactor()
    const prepared = await steps.prepareSecond(id)
    expect(prepared.body.response.second_factor_verification).toMatchObject({ object: 'verification_otp', status: 'unverified', strategy: 'phone_code' })
    const sms = emu.ctx.outbox.latest(NUMBER)!
    expect(sms.purpose).toBe('sign_in_second_factor')
    expect((await steps.attemptSecond(id, wrongCode(sms.code))).body.errors[0]).toMatchObject({ code: 'form_code_incorrect', meta: { param_name: 'code' } })
    const done = await steps.attemptSecond(id, sms.code)
    expect(done.body.response).toMatchObject({ status: 'complete', second_factor_verification: { status: 'verified', attempts: 2 } })
    expect(done.body.client).toMatchObject({ sign_in: null, last_active_session_id: done.body.response.created_session_id })
  })

  it('texts the second factor right after the first factor\'s code, and throttles a second-factor resend', async () => {
    const { emu, steps, id } = await atSecondFactor()
    const prepared = await steps.prepareSecond(id)
    expect(prepared.status).toBe(200)
    expect(emu.ctx.outbox.latest(NUMBER)!.purpose).toBe('sign_in_second_factor')
    const resent = await steps.prepareSecond(id)
    expect(resent.status).toBe(429)
    expect(resent.body.errors[0].code).toBe('verification_code_too_many_requests')
    expect(Number(resent.headers.get('retry-after'))).toBe(30)
    emu.ctx.clock.advance(30_000)
    expect((await steps.prepareSecond(id)).status).toBe(200)
  })

  it('still throttles a new sign-in\'s first factor to the same number', async () => {
    const { steps } = await atSecondFactor()
    const again = await steps.create({ identifier: NUMBER, strategy: 'phone_code' })
    expect(again.status).toBe(429)
  })

  it('takes each backup code once, with no prepare step', async () => {
    const emu = createTestEmulator()
    const user = await phoneUser(emu, NUMBER, { mfa: true })
    expect(user.backupCodes.length).toBeGreaterThan(1)
    const { steps, id } = await atSecondFactor(emu, '')
    const done = await steps.attemptSecond(id, user.backupCodes[0]!, 'backup_code')
    expect(done.body.response).toMatchObject({
      status: 'complete',
      second_factor_verification: { object: 'verification_backup_code', status: 'verified', strategy: 'backup_code', attempts: null, expire_at: null },
    })
    emu.ctx.clock.advance(30_000)
    const again = await atSecondFactor(emu, '')
    const reused = await again.steps.attemptSecond(again.id, user.backupCodes[0]!, 'backup_code')
    expect(reused.status).toBe(422)
    expect(reused.body.errors[0]).toMatchObject({ code: 'form_code_incorrect', meta: { param_name: 'code' } })
    expect((await again.steps.attemptSecond(again.id, user.backupCodes[1]!, 'backup_code')).body.response.status).toBe('complete')
    const stored = JSON.stringify([...emu.ctx.store.users.values()])
    expect(stored).not.toContain(user.backupCodes[2]!)
  })

  it('refuses second-factor strategies the user has not and steps in the wrong state', async () => {
    const { emu, steps, id } = await atSecondFactor()
    const email = await steps.prepareSecond(id, { strategy: 'email_code' })
    expect(email.status).toBe(400)
    expect(email.body.errors[0]).toMatchObject({ code: 'no_second_factors', long_message: 'No second factors were found for strategy email_code.' })
    expect((await steps.attemptSecond(id, '123456', 'totp')).body.errors[0].code).toBe('strategy_for_user_invalid')
    expect((await steps.attemptSecond(id, '123456')).body.errors[0].code).toBe('verification_not_sent')
    expect((await steps.prepareFirst(id)).body.errors[0].code).toBe('client_state_invalid')
    const stranger = await phoneUser(emu, '+14155552673')
    emu.ctx.clock.advance(30_000)
    expect((await steps.prepareSecond(id, { strategy: 'phone_code', phone_number_id: stranger.phoneId })).status).toBe(403)
    expect((await steps.get(id)).body.response.status).toBe('needs_second_factor')
  })

  it('answers no_second_factors when the number stopped being a second factor mid-sign-in', async () => {
    const { emu, steps, id, user } = await atSecondFactor()
    await emu.bapi('PATCH', `/v1/phone_numbers/${user!.phoneId}`, { reserved_for_second_factor: false })
    const reply = await steps.prepareSecond(id)
    expect(reply.body.errors[0]).toMatchObject({ code: 'no_second_factors', long_message: 'No second factors were found for strategy phone_code.' })
  })
})

describe('POST /v1/me/backup_codes', () => {
  it('issues new backup codes and voids the old ones', async () => {
    const emu = createTestEmulator()
    const user = await phoneUser(emu, NUMBER, { mfa: true })
    const { steps, id } = await atSecondFactor(emu, '')
    await steps.attemptSecond(id, user.backupCodes[0]!, 'backup_code')
    const fresh = await emu.fapi('POST', '/v1/me/backup_codes')
    expect(fresh.status).toBe(200)
    expect(fresh.body.response).toMatchObject({ object: 'backup_code', id: expect.stringMatching(/^bcode_/), codes: expect.any(Array) })
    const codes = fresh.body.response.codes as string[]
    expect(codes).toHaveLength(10)
    expect(codes.some((code) => user.backupCodes.includes(code))).toBe(false)

    emu.ctx.clock.advance(30_000)
    const next = await atSecondFactor(emu, '')
    expect((await next.steps.attemptSecond(next.id, user.backupCodes[1]!, 'backup_code')).body.errors[0].code).toBe('form_code_incorrect')
    expect((await next.steps.attemptSecond(next.id, codes[0]!, 'backup_code')).body.response.status).toBe('complete')
  })

  it('needs a signed-in user with a second factor', async () => {
    const emu = createTestEmulator()
    expect((await emu.fapi('POST', '/v1/me/backup_codes')).status).toBe(401)
    await emu.signIn()
    const reply = await emu.fapi('POST', '/v1/me/backup_codes')
    expect(reply.status).toBe(400)
    expect(reply.body.errors[0].code).toBe('backup_codes_not_available')
  })
})

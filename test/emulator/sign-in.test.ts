import { describe, expect, it } from 'vitest'
import { createTestEmulator } from './helpers.js'
import { phoneUser, signInSteps, wrongCode } from './sign-in-helpers.js'

const NUMBER = '+14155552671'

async function started(settings: Parameters<typeof createTestEmulator>[0] = {}, options: { mfa?: boolean } = {}) {
  const emu = createTestEmulator(settings)
  const user = await phoneUser(emu, NUMBER, options)
  const steps = signInSteps(emu)
  const created = await steps.create({ identifier: NUMBER })
  return { emu, steps, user, id: created.body.response.id as string, created }
}

const latest = (emu: ReturnType<typeof createTestEmulator>, purpose: 'sign_in_first_factor' | 'sign_in_second_factor') =>
  emu.ctx.outbox.latest(NUMBER, purpose)!.code

describe('phone sign-in: first factor', () => {
  it('creates a needs_first_factor sign-in that lists the number as a phone_code factor, sending nothing yet', async () => {
    const { emu, created, user } = await started()
    expect(created.status).toBe(200)
    expect(created.body.response).toMatchObject({
      object: 'sign_in_attempt',
      id: expect.stringMatching(/^sia_/),
      status: 'needs_first_factor',
      identifier: NUMBER,
      supported_identifiers: ['phone_number'],
      supported_first_factors: [{ strategy: 'phone_code', safe_identifier: NUMBER, phone_number_id: user.phoneId, primary: true }],
      supported_second_factors: null,
      first_factor_verification: null,
      created_session_id: null,
      user_data: { first_name: 'Ada', last_name: null, has_image: false },
    })
    expect(created.body.client.sign_in).toEqual(created.body.response)
    expect(emu.ctx.outbox.list()).toEqual([])
  })

  it('sends a code on prepare, refuses a wrong one and signs in with the right one', async () => {
    const { emu, steps, id, user } = await started()
    const before = emu.ctx.clock.now()
    const prepared = await steps.prepareFirst(id, { strategy: 'phone_code', phone_number_id: user.phoneId })
    expect(prepared.body.response.first_factor_verification).toMatchObject({ object: 'verification_otp', status: 'unverified', strategy: 'phone_code', attempts: 0 })
    expect(prepared.body.response.first_factor_verification.expire_at - before).toBeGreaterThanOrEqual(600_000)
    expect(prepared.body.response.first_factor_verification.expire_at - before).toBeLessThan(601_000)
    const sms = emu.ctx.outbox.latest(NUMBER)!
    expect(sms).toMatchObject({ purpose: 'sign_in_first_factor', code: expect.stringMatching(/^\d{6}$/) })
    const wrong = await steps.attemptFirst(id, wrongCode(sms.code))
    expect(wrong.status).toBe(422)
    expect(wrong.body.errors[0]).toMatchObject({ code: 'form_code_incorrect', meta: { param_name: 'code' } })
    const done = await steps.attemptFirst(id, sms.code)
    expect(done.status).toBe(200)
    const { response, client } = done.body
    expect(response).toMatchObject({ status: 'complete', created_session_id: expect.stringMatching(/^sess_/), supported_second_factors: [] })
    expect(response.first_factor_verification).toMatchObject({ status: 'verified', attempts: 2 })
    expect(client).toMatchObject({ sign_in: null, last_active_session_id: response.created_session_id, last_authentication_strategy: 'phone_code' })
    expect(client.sessions).toHaveLength(1)
    expect(client.sessions[0]).toMatchObject({ id: response.created_session_id, status: 'active', user: { id: user.userId } })
    expect((await emu.fapi('GET', '/v1/me')).body.response.id).toBe(user.userId)
  })

  it('prepares the first factor in the create request with strategy=phone_code', async () => {
    const emu = createTestEmulator()
    await phoneUser(emu, NUMBER)
    const steps = signInSteps(emu)
    const created = await steps.create({ identifier: '14155552671', strategy: 'phone_code', locale: 'en-US' })
    expect(created.body.response.first_factor_verification).toMatchObject({ status: 'unverified', strategy: 'phone_code' })
    const done = await steps.attemptFirst(created.body.response.id, latest(emu, 'sign_in_first_factor'))
    expect(done.body.response.status).toBe('complete')
  })

  it('takes 424242 for a test number and sends no SMS', async () => {
    const emu = createTestEmulator()
    await phoneUser(emu, '+12015550123')
    const steps = signInSteps(emu)
    const created = await steps.create({ identifier: '+12015550123', strategy: 'phone_code' })
    expect(emu.ctx.outbox.list()).toEqual([])
    expect((await steps.attemptFirst(created.body.response.id, '424242')).body.response.status).toBe('complete')
  })

  it('reads the sign-in back, and a new create replaces it: the old one answers 403 resource_forbidden', async () => {
    const { steps, id } = await started()
    expect((await steps.get(id)).body.response).toMatchObject({ id, status: 'needs_first_factor' })
    const second = await steps.create({ identifier: NUMBER })
    expect(second.body.client.sign_in.id).toBe(second.body.response.id)
    const old = await steps.prepareFirst(id)
    expect(old.status).toBe(403)
    expect(old.body.errors[0]).toMatchObject({ code: 'resource_forbidden', long_message: 'Update operations are not allowed on older sign ins.' })
    expect((await steps.attemptFirst(id, '123456')).status).toBe(403)
  })

  it('answers 404 resource_not_found for an unknown sign-in or another client’s', async () => {
    const { emu, steps, id } = await started()
    expect((await steps.get('sia_missing')).status).toBe(404)
    expect((await steps.prepareFirst('sia_missing')).body.errors[0].code).toBe('resource_not_found')
    const other = await emu.fapi('GET', `/v1/client/sign_ins/${id}`, undefined, '')
    expect(other.status).toBe(404)
  })
})

describe('phone sign-in: refusals', () => {
  it('finds users only by a verified number: unknown and unverified numbers are form_identifier_not_found', async () => {
    const emu = createTestEmulator()
    await emu.bapi('POST', '/v1/users', { phone_number: ['+14155552672'], phone_number_identification_status: ['reserved'] })
    const steps = signInSteps(emu)
    for (const identifier of [NUMBER, '+14155552672']) {
      const reply = await steps.create({ identifier })
      expect(reply.status).toBe(422)
      expect(reply.body.errors[0]).toEqual({
        code: 'form_identifier_not_found',
        message: "Couldn't find your account.",
        long_message: "Couldn't find your account.",
        meta: { param_name: 'identifier' },
      })
    }
    expect((await steps.create({ identifier: 'not a number' })).body.errors[0]).toMatchObject({ code: 'form_param_format_invalid', meta: { param_name: 'identifier' } })
    expect((await steps.create({})).body.errors[0]).toMatchObject({ code: 'form_param_nil', meta: { param_name: 'identifier' } })
    expect((await steps.create({ identifier: NUMBER, strategy: 'password' })).body.errors[0]).toMatchObject({ code: 'form_param_value_invalid', meta: { param_name: 'strategy' } })
    expect((await emu.fapi('GET', '/v1/client')).body.response.sign_in).toBeNull()
  })

  it('refuses strategies the user has not: strategy_for_user_invalid', async () => {
    const { steps, id } = await started()
    const prepare = await steps.prepareFirst(id, { strategy: 'email_code' })
    expect(prepare.status).toBe(400)
    expect(prepare.body.errors[0]).toMatchObject({ code: 'strategy_for_user_invalid', meta: { param_name: 'strategy' } })
    expect((await steps.attemptFirst(id, '123456', 'password')).body.errors[0].code).toBe('strategy_for_user_invalid')
    expect((await steps.prepareFirst(id, {})).body.errors[0]).toMatchObject({ code: 'form_param_missing', meta: { param_name: 'strategy' } })
  })

  it('sends to a phone_number_id only if it is one of the user’s verified numbers', async () => {
    const { emu, steps, id } = await started()
    const stranger = await phoneUser(emu, '+14155552673')
    const foreign = await steps.prepareFirst(id, { strategy: 'phone_code', phone_number_id: stranger.phoneId })
    expect(foreign.status).toBe(403)
    expect(foreign.body.errors[0]).toMatchObject({ code: 'resource_forbidden', meta: { param_name: 'phone_number_id' } })
    expect((await steps.prepareFirst(id, { strategy: 'phone_code', phone_number_id: 'idn_missing' })).status).toBe(404)
    expect(emu.ctx.outbox.list()).toEqual([])
  })

  it('refuses an attempt before any prepare (verification_not_sent) and steps out of order (client_state_invalid)', async () => {
    const { steps, id } = await started()
    expect((await steps.attemptFirst(id, '123456')).body.errors[0].code).toBe('verification_not_sent')
    const early = await steps.prepareSecond(id)
    expect(early.status).toBe(400)
    expect(early.body.errors[0].code).toBe('client_state_invalid')
    expect((await steps.attemptSecond(id, '123456')).body.errors[0].code).toBe('client_state_invalid')
  })

  it('throttles resends with 429 and Retry-After, also on create, leaving the current sign-in in place', async () => {
    const { emu, steps, id } = await started({ resendThrottleSeconds: 30 })
    await steps.prepareFirst(id)
    emu.ctx.clock.advance(10_000)
    const again = await steps.prepareFirst(id)
    expect(again.status).toBe(429)
    expect(again.headers.get('retry-after')).toBe('20')
    expect(again.body.errors[0].code).toBe('verification_code_too_many_requests')
    const create = await steps.create({ identifier: NUMBER, strategy: 'phone_code' })
    expect(create.status).toBe(429)
    expect((await emu.fapi('GET', '/v1/client')).body.response.sign_in.id).toBe(id)
    emu.ctx.clock.advance(20_000)
    expect((await steps.prepareFirst(id)).status).toBe(200)
  })

  it('never throttles a test number: first and second factor at once, on sign-in after sign-in', async () => {
    const emu = createTestEmulator({ resendThrottleSeconds: 30 })
    const TEST = '+12015550177'
    await phoneUser(emu, TEST, { mfa: true })
    const steps = signInSteps(emu)
    for (let round = 0; round < 3; round += 1) {
      const id = (await steps.create({ identifier: TEST, strategy: 'phone_code' })).body.response.id as string
      expect((await steps.prepareFirst(id)).status).toBe(200)
      expect((await steps.attemptFirst(id, '424242')).body.response.status).toBe('needs_second_factor')
      expect((await steps.prepareSecond(id)).status).toBe(200)
      expect((await steps.attemptSecond(id, '424242')).body.response.status).toBe('complete')
      await emu.fapi('DELETE', '/v1/client/sessions')
    }
    expect(emu.ctx.outbox.list()).toEqual([])
  })

  it('expires codes (verification_expired) and fails after the attempt limit (verification_failed)', async () => {
    const { emu, steps, id } = await started({ maxAttempts: 2 })
    await steps.prepareFirst(id)
    const code = latest(emu, 'sign_in_first_factor')
    emu.ctx.clock.advance(600_001)
    expect((await steps.attemptFirst(id, code)).body.errors[0].code).toBe('verification_expired')
    expect((await steps.get(id)).body.response.first_factor_verification.status).toBe('expired')
    await steps.prepareFirst(id)
    const fresh = latest(emu, 'sign_in_first_factor')
    expect((await steps.attemptFirst(id, wrongCode(fresh))).status).toBe(422)
    expect((await steps.attemptFirst(id, wrongCode(fresh))).body.errors[0].code).toBe('verification_failed')
    expect((await steps.attemptFirst(id, fresh)).body.errors[0].code).toBe('verification_failed')
    expect((await steps.get(id)).body.response).toMatchObject({ status: 'needs_first_factor', first_factor_verification: { status: 'failed', attempts: 2 } })
  })

  it('refuses a sign-in or ticket while signed in (session_exists), unless multi-session mode is on', async () => {
    const { emu, steps, id } = await started()
    await steps.prepareFirst(id)
    await steps.attemptFirst(id, latest(emu, 'sign_in_first_factor'))
    const again = await steps.create({ identifier: NUMBER })
    expect(again.status).toBe(400)
    expect(again.body.errors[0]).toMatchObject({ code: 'session_exists', message: "You're already signed in." })
    const ticket = await emu.bapi('POST', '/v1/sign_in_tokens', { user_id: (await emu.fapi('GET', '/v1/me')).body.response.id })
    expect((await steps.create({ strategy: 'ticket', ticket: ticket.body.token })).body.errors[0].code).toBe('session_exists')

    const multi = await started({ singleSessionMode: false })
    await multi.steps.prepareFirst(multi.id)
    await multi.steps.attemptFirst(multi.id, latest(multi.emu, 'sign_in_first_factor'))
    expect((await multi.steps.create({ identifier: NUMBER })).status).toBe(200)
  })
})

describe('environment', () => {
  it('offers the phone number as identifier, phone_code as first and second factor, backup codes, one session', async () => {
    const emu = createTestEmulator()
    const { body } = await emu.send('/v1/environment', {})
    expect(body.auth_config.single_session_mode).toBe(true)
    expect(body.user_settings.attributes.phone_number).toMatchObject({
      enabled: true,
      required: true,
      used_for_first_factor: true,
      first_factors: ['phone_code'],
      used_for_second_factor: true,
      second_factors: ['phone_code'],
      verify_at_sign_up: true,
    })
    expect(body.user_settings.attributes.backup_code).toMatchObject({ enabled: true, used_for_second_factor: true, second_factors: ['backup_code'] })
    expect(body.user_settings.attributes.password.enabled).toBe(false)
    expect(body.user_settings.sign_up.mode).toBe('public')
    const multi = await createTestEmulator({ singleSessionMode: false }).send('/v1/environment', {})
    expect(multi.body.auth_config.single_session_mode).toBe(false)
  })
})

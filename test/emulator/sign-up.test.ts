import { describe, expect, it } from 'vitest'
import { assertMatchesSpec } from './openapi.js'
import { createTestEmulator, type Reply } from './helpers.js'
import { phoneUser, wrongCode } from './sign-in-helpers.js'

const NUMBER = '+14155552671'
const CREATE = '/v1/client/sign_ups'
const ITEM = '/v1/client/sign_ups/{sign_up_id}'

function steps(emu: ReturnType<typeof createTestEmulator>) {
  return {
    create: (form: Record<string, string>) => emu.fapi('POST', CREATE, form),
    get: (id: string) => emu.fapi('GET', `${CREATE}/${id}`),
    prepare: (id: string) => emu.fapi('POST', `${CREATE}/${id}/prepare_verification`, { strategy: 'phone_code' }),
    attempt: (id: string, code: string) => emu.fapi('POST', `${CREATE}/${id}/attempt_verification`, { strategy: 'phone_code', code }),
  }
}

/** Checks the status and validates the body against the spec's documented response. */
function check(path: string, method: string, reply: Reply, status: number) {
  expect(reply.status).toBe(status)
  assertMatchesSpec('fapi', path, method, reply.status, reply.body)
}

describe('phone sign-up', { timeout: 60_000 }, () => {
  it('creates, sends the code, and on the right one creates the user with a verified number and signs in', async () => {
    const emu = createTestEmulator()
    const s = steps(emu)
    const created = await s.create({ phone_number: '415 555 2671'.replace(/ /g, ''), first_name: 'Grace', unsafe_metadata: '{"plan":"free"}', locale: 'en' })
    check(CREATE, 'post', created, 200)
    const id = created.body.response.id as string
    expect(created.body.response).toMatchObject({
      object: 'sign_up_attempt',
      id: expect.stringMatching(/^sua_/),
      status: 'missing_requirements',
      phone_number: '+4155552671',
      required_fields: ['phone_number'],
      missing_fields: [],
      unverified_fields: ['phone_number'],
      verifications: { phone_number: null },
      first_name: 'Grace',
      unsafe_metadata: { plan: 'free' },
      created_user_id: null,
      created_session_id: null,
    })
    expect(created.body.client.sign_up.id).toBe(id)
    expect(emu.ctx.outbox.list()).toEqual([])
    check(ITEM, 'get', await s.get(id), 200)

    const prepared = await s.prepare(id)
    check(`${ITEM}/prepare_verification`, 'post', prepared, 200)
    expect(prepared.body.response.verifications.phone_number).toMatchObject({ status: 'unverified', strategy: 'phone_code', next_action: 'needs_attempt', supported_strategies: ['phone_code'] })
    check(`${ITEM}/prepare_verification`, 'post', await s.prepare(id), 429)
    const sms = emu.ctx.outbox.latest('+4155552671', 'sign_up_verification')!
    check(`${ITEM}/attempt_verification`, 'post', await s.attempt(id, wrongCode(sms.code)), 422)
    const done = await s.attempt(id, sms.code)
    check(`${ITEM}/attempt_verification`, 'post', done, 200)
    const { response, client } = done.body
    expect(response).toMatchObject({ status: 'complete', unverified_fields: [], created_user_id: expect.stringMatching(/^user_/), created_session_id: expect.stringMatching(/^sess_/) })
    expect(response.verifications.phone_number).toMatchObject({ status: 'verified', next_action: '' })
    expect(client).toMatchObject({ sign_up: null, last_active_session_id: response.created_session_id })
    const me = (await emu.fapi('GET', '/v1/me')).body.response
    expect(me).toMatchObject({ id: response.created_user_id, first_name: 'Grace', unsafe_metadata: { plan: 'free' } })
    expect(me.phone_numbers[0]).toMatchObject({ phone_number: '+4155552671', verification: { status: 'verified', strategy: 'phone_code' } })
    expect(me.primary_phone_number_id).toBe(me.phone_numbers[0].id)
    check(`${ITEM}/attempt_verification`, 'post', await s.attempt(id, sms.code), 403)
    check(CREATE, 'post', await s.create({ phone_number: '+14155552679' }), 400)
  })

  it('sends the code on create with strategy=phone_code; a test number takes 424242 and signs in afterwards', async () => {
    const emu = createTestEmulator()
    const s = steps(emu)
    const created = await s.create({ phone_number: '+12015550123', strategy: 'phone_code' })
    expect(created.body.response.verifications.phone_number.status).toBe('unverified')
    expect(emu.ctx.outbox.list()).toEqual([])
    const done = await s.attempt(created.body.response.id, '424242')
    expect(done.body.response.status).toBe('complete')
    await emu.fapi('POST', `/v1/client/sessions/${done.body.response.created_session_id}/remove`)
    emu.ctx.clock.advance(30_000) // the resend throttle covers test numbers too
    const signIn = await emu.fapi('POST', '/v1/client/sign_ins', { identifier: '+12015550123', strategy: 'phone_code' })
    expect((await emu.fapi('POST', `/v1/client/sign_ins/${signIn.body.response.id}/attempt_first_factor`, { strategy: 'phone_code', code: '424242' })).body.response.status).toBe('complete')
  })

  it('refuses a taken number, a malformed one, other identifiers, and a sign-up while signed in', async () => {
    const emu = createTestEmulator()
    await phoneUser(emu, NUMBER)
    const s = steps(emu)
    const taken = await s.create({ phone_number: NUMBER })
    check(CREATE, 'post', taken, 422)
    expect(taken.body.errors[0]).toMatchObject({ code: 'form_identifier_exists', meta: { param_name: 'phone_number' } })
    check(CREATE, 'post', await s.create({ phone_number: 'abc' }), 422)
    expect((await s.create({})).body.errors[0]).toMatchObject({ code: 'form_param_nil', meta: { param_name: 'phone_number' } })
    expect((await s.create({ phone_number: '+14155552672', password: 'x' })).body.errors[0]).toMatchObject({ code: 'form_param_unknown', meta: { param_name: 'password' } })
    expect((await s.create({ phone_number: '+14155552672', unsafe_metadata: '[1]' })).body.errors[0].code).toBe('form_param_type_invalid')
    expect((await emu.fapi('GET', '/v1/client')).body.response.sign_up).toBeNull()
    await emu.signIn()
    const signedIn = await s.create({ phone_number: '+14155552672' })
    expect(signedIn.body.errors[0].code).toBe('session_exists')
  })

  it('replaces the sign-up on a new create, 404s another client’s, and refuses a number claimed meanwhile', async () => {
    const emu = createTestEmulator()
    const s = steps(emu)
    const first = (await s.create({ phone_number: NUMBER })).body.response.id as string
    const second = (await s.create({ phone_number: NUMBER })).body.response.id as string
    const old = await s.prepare(first)
    expect(old.status).toBe(403)
    expect(old.body.errors[0].code).toBe('resource_forbidden')
    check(ITEM, 'get', await emu.fapi('GET', `${CREATE}/${second}`, undefined, ''), 404)
    await s.prepare(second)
    const code = emu.ctx.outbox.latest(NUMBER, 'sign_up_verification')!.code
    await phoneUser(emu, NUMBER)
    const claimed = await s.attempt(second, code)
    expect(claimed.status).toBe(400)
    expect(claimed.body.errors[0].code).toBe('identification_claimed')
    expect([...emu.ctx.store.users.values()]).toHaveLength(1)
  })

  it('applies the code rules: not sent, expired, failed after the limit', async () => {
    const emu = createTestEmulator({ maxAttempts: 2 })
    const s = steps(emu)
    const id = (await s.create({ phone_number: NUMBER })).body.response.id as string
    expect((await s.attempt(id, '123456')).body.errors[0].code).toBe('verification_not_sent')
    await s.prepare(id)
    const code = emu.ctx.outbox.latest(NUMBER)!.code
    emu.ctx.clock.advance(600_001)
    expect((await s.attempt(id, code)).body.errors[0].code).toBe('verification_expired')
    await s.prepare(id)
    const fresh = emu.ctx.outbox.latest(NUMBER)!.code
    await s.attempt(id, wrongCode(fresh))
    expect((await s.attempt(id, wrongCode(fresh))).body.errors[0].code).toBe('verification_failed')
    expect((await s.attempt(id, fresh)).body.errors[0].code).toBe('verification_failed')
    expect((await s.get(id)).body.response).toMatchObject({ status: 'missing_requirements', verifications: { phone_number: { status: 'failed' } } })
  })
})

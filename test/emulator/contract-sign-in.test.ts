import { describe, expect, it } from 'vitest'
import { assertMatchesSpec } from './openapi.js'
import { createTestEmulator, type Reply } from './helpers.js'
import { phoneUser, signInSteps, wrongCode } from './sign-in-helpers.js'

const CREATE = '/v1/client/sign_ins'
const ITEM = '/v1/client/sign_ins/{sign_in_id}'
const NUMBER = '+14155552671'

function check(path: string, method: string, reply: Reply, status: number) {
  expect(reply.status).toBe(status)
  assertMatchesSpec('fapi', path, method, reply.status, reply.body)
}

describe('sign-in responses match fapi-2026-05-12.yml', { timeout: 60_000 }, () => {
  it('first factor, second factor by SMS, every documented error', async () => {
    const emu = createTestEmulator()
    const user = await phoneUser(emu, NUMBER, { mfa: true })
    const steps = signInSteps(emu)
    check(CREATE, 'post', await steps.create({ identifier: '+14155550000' }), 422)
    const created = await steps.create({ identifier: NUMBER })
    check(CREATE, 'post', created, 200)
    const id = created.body.response.id as string
    check('/v1/client', 'get', await emu.fapi('GET', '/v1/client'), 200)
    check(ITEM, 'get', await steps.get(id), 200)
    check(ITEM, 'get', await steps.get('sia_missing'), 404)

    check(`${ITEM}/attempt_first_factor`, 'post', await steps.attemptFirst(id, '123456'), 400)
    check(`${ITEM}/prepare_first_factor`, 'post', await steps.prepareFirst(id, { strategy: 'email_code' }), 400)
    check(`${ITEM}/prepare_first_factor`, 'post', await steps.prepareFirst(id, { strategy: 'phone_code', phone_number_id: 'idn_missing' }), 404)
    check(`${ITEM}/prepare_first_factor`, 'post', await steps.prepareFirst(id), 200)
    check(`${ITEM}/prepare_first_factor`, 'post', await steps.prepareFirst(id), 429)
    const code = emu.ctx.outbox.latest(NUMBER, 'sign_in_first_factor')!.code
    check(`${ITEM}/attempt_first_factor`, 'post', await steps.attemptFirst(id, wrongCode(code)), 422)
    const first = await steps.attemptFirst(id, code)
    check(`${ITEM}/attempt_first_factor`, 'post', first, 200)
    expect(first.body.response.status).toBe('needs_second_factor')

    check(`${ITEM}/prepare_second_factor`, 'post', await steps.prepareSecond(id, { strategy: 'email_code' }), 400)
    const stranger = await phoneUser(emu, '+14155552673')
    check(`${ITEM}/prepare_second_factor`, 'post', await steps.prepareSecond(id, { strategy: 'phone_code', phone_number_id: stranger.phoneId }), 403)
    emu.ctx.clock.advance(30_000)
    check(`${ITEM}/prepare_second_factor`, 'post', await steps.prepareSecond(id), 200)
    const second = emu.ctx.outbox.latest(NUMBER, 'sign_in_second_factor')!.code
    check(`${ITEM}/attempt_second_factor`, 'post', await steps.attemptSecond(id, wrongCode(second)), 422)
    check(`${ITEM}/attempt_second_factor`, 'post', await steps.attemptSecond(id, second), 200)
    check(`${ITEM}/attempt_second_factor`, 'post', await steps.attemptSecond(id, second), 403)
    check(CREATE, 'post', await steps.create({ identifier: NUMBER }), 400)

    const codes = await emu.fapi('POST', '/v1/me/backup_codes')
    check('/v1/me/backup_codes', 'post', codes, 200)
    expect(codes.body.response.codes).not.toEqual(user.backupCodes)
  })

  it('a backup-code second factor, a one-step create, and the backup-code errors', async () => {
    const emu = createTestEmulator()
    const user = await phoneUser(emu, '+12015550123', { mfa: true })
    const steps = signInSteps(emu)
    const created = await steps.create({ identifier: '+12015550123', strategy: 'phone_code' })
    check(CREATE, 'post', created, 200)
    const id = created.body.response.id as string
    check(`${ITEM}/attempt_first_factor`, 'post', await steps.attemptFirst(id, '424242'), 200)
    check(`${ITEM}/attempt_second_factor`, 'post', await steps.attemptSecond(id, 'nope', 'backup_code'), 422)
    check(`${ITEM}/attempt_second_factor`, 'post', await steps.attemptSecond(id, user.backupCodes[0]!, 'backup_code'), 200)

    const fresh = createTestEmulator()
    check('/v1/me/backup_codes', 'post', await fresh.fapi('POST', '/v1/me/backup_codes'), 401)
    await fresh.signIn()
    check('/v1/me/backup_codes', 'post', await fresh.fapi('POST', '/v1/me/backup_codes'), 400)
  })

  it('is not vacuous: an unknown sign-in field or a factor field fails', async () => {
    const emu = createTestEmulator()
    await phoneUser(emu, NUMBER)
    const { body } = await signInSteps(emu).create({ identifier: NUMBER })
    expect(() => assertMatchesSpec('fapi', CREATE, 'post', 200, body)).not.toThrow()
    expect(() => assertMatchesSpec('fapi', CREATE, 'post', 200, { ...body, response: { ...body.response, extra: 1 } })).toThrow(/does not match/)
    const factor = { ...body.response.supported_first_factors[0], channel: 'sms' }
    expect(() => assertMatchesSpec('fapi', CREATE, 'post', 200, { ...body, response: { ...body.response, supported_first_factors: [factor] } })).toThrow()
  })
})

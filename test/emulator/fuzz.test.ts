import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createTestEmulator, SECRET } from './helpers.js'

const PATHS = [
  '/v1/environment',
  '/v1/client',
  '/v1/client/sign_ins',
  '/v1/client/sign_ins/SIA',
  '/v1/client/sign_ins/SIA/prepare_first_factor',
  '/v1/client/sign_ins/SIA/attempt_first_factor',
  '/v1/client/sign_ins/SIA/prepare_second_factor',
  '/v1/client/sign_ins/SIA/attempt_second_factor',
  '/v1/me/backup_codes',
  '/v1/client/sign_ups',
  '/v1/client/sign_ups/SUA',
  '/v1/client/sign_ups/SUA/prepare_verification',
  '/v1/client/sign_ups/SUA/attempt_verification',
  '/v1/client/sessions/sess_x/remove',
  '/v1/me',
  '/v1/me/phone_numbers',
  '/v1/me/phone_numbers/IDN',
  '/v1/me/phone_numbers/IDN/prepare_verification',
  '/v1/me/phone_numbers/IDN/attempt_verification',
  '/v1/users',
  '/v1/users/USER',
  '/v1/phone_numbers',
  '/v1/phone_numbers/IDN',
  '/v1/sign_in_tokens',
  '/__dev/sms',
  '/__dev/clock',
]

const jsonish = fc.oneof(
  fc.string(),
  fc.json(),
  fc.dictionary(fc.constantFrom('phone_number', 'code', 'user_id', 'verified', 'primary', 'reserved_for_second_factor', 'strategy', 'ticket', 'x'), fc.jsonValue()).map((o) => JSON.stringify(o)),
)
const FORM_KEYS = ['phone_number', 'code', 'strategy', 'ticket', 'identifier', 'phone_number_id', 'first_name', 'unsafe_metadata', 'reserved_for_second_factor', 'default_second_factor', 'primary_phone_number_id', '_method', 'zzz']
const formish = fc.dictionary(fc.constantFrom(...FORM_KEYS), fc.string()).map((o) => new URLSearchParams(o).toString())

describe('fuzz', () => {
  it('never answers 5xx and always uses the Clerk error shape', { timeout: 30_000 }, async () => {
    // Multi-session, so the signed-in fuzz client can also hold a sign-in in progress.
    const emu = createTestEmulator({ singleSessionMode: false })
    const { userId } = await emu.signIn()
    const phone = await emu.fapi('POST', '/v1/me/phone_numbers', { phone_number: '+12015550100' })
    await emu.bapi('POST', '/v1/users', { phone_number: ['+12015550101'] })
    const signIn = await emu.fapi('POST', '/v1/client/sign_ins', { identifier: '+12015550101' })
    const signUp = await emu.fapi('POST', '/v1/client/sign_ups', { phone_number: '+12015550102' })
    const fill = (path: string) => path.replace('IDN', phone.body.response.id).replace('USER', userId).replace('SIA', signIn.body.response.id).replace('SUA', signUp.body.response.id)
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PATHS),
        fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE', 'PUT'),
        fc.constantFrom('', '?_method=PATCH', '?_method=DELETE', '?_method=BOGUS', '?_clerk_session_id=sess_nope'),
        fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x'),
        fc.oneof(jsonish, formish),
        fc.boolean(),
        async (path, method, query, type, body, bapiAuth) => {
          const headers: Record<string, string> = { 'content-type': type, authorization: bapiAuth ? `Bearer ${SECRET}` : emu.token! }
          const init: RequestInit = { method, headers, ...(method !== 'GET' && { body }) }
          const reply = await emu.send(`${fill(path)}${query}`, init)
          expect(reply.status).toBeLessThan(500)
          if (reply.status >= 400) {
            expect(reply.body.errors[0]).toEqual({ code: expect.any(String), message: expect.any(String), long_message: expect.any(String), meta: expect.any(Object) })
          }
        },
      ),
      { numRuns: 250 },
    )
  })
})

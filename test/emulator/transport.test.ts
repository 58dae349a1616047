import { describe, expect, it } from 'vitest'
import { createTestEmulator } from './helpers.js'

const FORM = { 'content-type': 'application/x-www-form-urlencoded' }

describe('FAPI transport', () => {
  it('serves both trailing-slash forms and ignores Clerk query params', async () => {
    const emu = createTestEmulator()
    await emu.signIn()
    const q = '__clerk_api_version=2026-05-12&_clerk_js_version=6.29.3&_clerk_retry_attempt=1&__clerk_db_jwt=x&_is_native=1'
    const slash = await emu.fapi('POST', `/v1/me/phone_numbers/?${q}`, { phone_number: '+14155552671' })
    expect(slash.status).toBe(200)
    expect((await emu.fapi('GET', `/v1/me/phone_numbers?${q}`)).body).toHaveLength(1)
    expect((await emu.fapi('GET', `/v1/me/phone_numbers/?${q}`)).body).toHaveLength(1)
  })

  it('honours _method=PATCH and _method=DELETE on POST', async () => {
    const emu = createTestEmulator()
    await emu.signIn()
    const id = (await emu.fapi('POST', '/v1/me/phone_numbers', { phone_number: '+12015550100' })).body.response.id as string
    const del = await emu.send(`/v1/me/phone_numbers/${id}?_method=DELETE&_clerk_session_id=`, { method: 'POST', headers: { ...FORM, authorization: emu.token! } })
    expect(del.status).toBe(200)
    expect(del.body.response.deleted).toBe(true)
  })

  it('reads key= as null, accepts JSON and multipart bodies, and ignores proof_token/channel', async () => {
    const emu = createTestEmulator()
    await emu.signIn()
    const auth = { authorization: emu.token! }
    const nil = await emu.send('/v1/me/phone_numbers', { method: 'POST', headers: { ...FORM, ...auth }, body: 'phone_number=' })
    expect(nil.body.errors[0]).toMatchObject({ code: 'form_param_nil', meta: { param_name: 'phone_number' } })
    const json = await emu.send('/v1/me/phone_numbers', { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: '{"phone_number":"+12015550101"}' })
    expect(json.status).toBe(200)
    const form = new FormData()
    form.set('strategy', 'phone_code')
    form.set('proof_token', 'x')
    form.set('channel', 'sms')
    const multipart = await emu.send(`/v1/me/phone_numbers/${json.body.response.id}/prepare_verification`, { method: 'POST', headers: auth, body: form })
    expect(multipart.status).toBe(200)
  })

  it('rejects unknown fields, bad booleans and unknown strategies with 422 on the offending param', async () => {
    const emu = createTestEmulator()
    await emu.signIn()
    const unknown = await emu.fapi('POST', '/v1/me/phone_numbers', { phone_number: '+12015550100', evil: '1' })
    expect(unknown.body.errors[0]).toMatchObject({ code: 'form_param_unknown', meta: { param_name: 'evil' } })
    const id = (await emu.fapi('POST', '/v1/me/phone_numbers', { phone_number: '+12015550100' })).body.response.id as string
    const bool = await emu.fapi('PATCH', `/v1/me/phone_numbers/${id}`, { reserved_for_second_factor: 'yes' })
    expect(bool.body.errors[0]).toMatchObject({ code: 'form_param_value_invalid', meta: { param_name: 'reserved_for_second_factor' } })
    const strategy = await emu.fapi('POST', `/v1/me/phone_numbers/${id}/prepare_verification`, { strategy: 'email_code' })
    expect(strategy.body.errors[0]).toMatchObject({ code: 'form_param_value_invalid', meta: { param_name: 'strategy' } })
  })

  it('accepts E.164 with or without + and refuses other shapes with form_param_format_invalid', async () => {
    const emu = createTestEmulator()
    await emu.signIn()
    expect((await emu.fapi('POST', '/v1/me/phone_numbers', { phone_number: '12015550100' })).body.response.phone_number).toBe('+12015550100')
    for (const bad of ['+1 201 555 0100', '123456', '+0123456789', '+1234567890123456', 'tel:+12015550100']) {
      const reply = await emu.fapi('POST', '/v1/me/phone_numbers', { phone_number: bad })
      expect(reply.status).toBe(422)
      expect(reply.body.errors[0]).toMatchObject({ code: 'form_param_format_invalid', meta: { param_name: 'phone_number' } })
    }
    const dup = await emu.fapi('POST', '/v1/me/phone_numbers', { phone_number: '+12015550100' })
    expect(dup.body.errors[0]).toMatchObject({ code: 'form_identifier_exists', meta: { param_name: 'phone_number' } })
  })

  it('refuses bodies over 64 KB with 413 in Clerk shape', async () => {
    const emu = createTestEmulator()
    const reply = await emu.send('/v1/users', { method: 'POST', headers: { authorization: 'Bearer x', 'content-type': 'application/json' }, body: `{"a":"${'x'.repeat(70_000)}"}` })
    expect(reply.status).toBe(413)
    expect(reply.body.errors[0].code).toBe('request_body_too_large')
  })

  it('answers unknown routes with 404 resource_not_found and a trace id', async () => {
    const emu = createTestEmulator()
    const reply = await emu.send('/v1/nowhere', {})
    expect(reply.status).toBe(404)
    expect(reply.body).toMatchObject({ errors: [{ code: 'resource_not_found' }], clerk_trace_id: expect.stringMatching(/^[0-9a-f]{32}$/) })
  })
})

describe('CORS', () => {
  it('allows loopback origins by default with credentials and exposes Authorization', async () => {
    const emu = createTestEmulator()
    const preflight = await emu.send('/v1/me/phone_numbers', {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    })
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true')
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization')
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST')
    const actual = await emu.send('/v1/client', { headers: { origin: 'http://127.0.0.1:3000' } })
    expect(actual.headers.get('access-control-expose-headers')).toContain('Authorization')
    const error = await emu.send('/v1/me', { headers: { origin: 'http://127.0.0.1:3000' } })
    expect(error.status).toBe(401)
    expect(error.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3000')
  })

  it('allows only the configured origins when given', async () => {
    const emu = createTestEmulator({ corsOrigins: ['https://app.example'] })
    expect((await emu.send('/v1/client', { headers: { origin: 'https://app.example' } })).headers.get('access-control-allow-origin')).toBe('https://app.example')
    expect((await emu.send('/v1/client', { headers: { origin: 'http://localhost:5173' } })).headers.get('access-control-allow-origin')).toBeNull()
  })
})

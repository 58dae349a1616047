// PATCH /v1/me applies the profile fields a clerk-js user.update() sends, in Clerk's wire names, and
// refuses a bad one before changing anything.
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startEmulator } from '../../src/emulator/index.js'
import { assertMatchesSpec } from './openapi.js'
import { createTestEmulator } from './helpers.js'

describe('PATCH /v1/me profile fields', { timeout: 60_000 }, () => {
  it('sets first_name, last_name, username and unsafe_metadata, answers in the spec\'s shape and serves them on GET', async () => {
    const emu = createTestEmulator()
    await emu.signIn()
    const patched = await emu.fapi('PATCH', '/v1/me', { first_name: 'Ada', last_name: 'Lovelace', username: 'ada', unsafe_metadata: '{"theme":"dark"}' })
    expect(patched.status).toBe(200)
    assertMatchesSpec('fapi', '/v1/me', 'patch', patched.status, patched.body)
    const fields = { first_name: 'Ada', last_name: 'Lovelace', username: 'ada', unsafe_metadata: { theme: 'dark' } }
    expect(patched.body.response).toMatchObject(fields)
    expect((await emu.fapi('GET', '/v1/me')).body.response).toMatchObject(fields)
    expect(patched.body.client.sessions[0].user).toMatchObject(fields)
  })

  it.each([
    [{ unsafe_metadata: 'not json' }, 'form_param_format_invalid', 'unsafe_metadata'],
    [{ unsafe_metadata: '[1,2]' }, 'form_param_format_invalid', 'unsafe_metadata'],
    [{ username: 'taken' }, 'form_identifier_exists', 'username'],
  ])('refuses %j with %s and changes nothing', async (form, code, param) => {
    const emu = createTestEmulator()
    await emu.bapi('POST', '/v1/users', { username: 'taken' })
    await emu.signIn()
    const before = structuredClone(emu.ctx.store)
    const refused = await emu.fapi('PATCH', '/v1/me', { first_name: 'Ada', ...form })
    expect(refused.status).toBe(422)
    expect(refused.body.errors[0]).toMatchObject({ code, meta: { param_name: param } })
    expect(emu.ctx.store).toEqual(before)
  })

  it('keeps them across a restart with a data file', async () => {
    const dataFile = join(await mkdtemp(join(tmpdir(), 'dialkit-emu-')), 'state.json')
    const first = await startEmulator({ dataFile })
    const user = await bapi(first, 'POST', '/v1/users', {})
    const { token } = await bapi(first, 'POST', '/v1/sign_in_tokens', { user_id: user.id })
    const signIn = await fetch(`${first.url}/v1/client/sign_ins?_is_native=1`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: '' }, body: `strategy=ticket&ticket=${token as string}` })
    const auth = signIn.headers.get('authorization')!
    const patch = await fetch(`${first.url}/v1/me?_method=PATCH&_is_native=1`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: auth }, body: 'username=ada&unsafe_metadata=%7B%22a%22%3A1%7D' })
    expect(patch.status).toBe(200)
    await first.stop()
    const second = await startEmulator({ dataFile })
    try {
      expect(await bapi(second, 'GET', `/v1/users/${user.id as string}`)).toMatchObject({ username: 'ada', unsafe_metadata: { a: 1 } })
    } finally {
      await second.stop()
    }
  })
})

async function bapi(emu: { url: string; secretKey: string }, method: string, path: string, body?: unknown) {
  const res = await fetch(`${emu.url}${path}`, { method, headers: { authorization: `Bearer ${emu.secretKey}`, 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) })
  return (await res.json()) as Record<string, unknown>
}

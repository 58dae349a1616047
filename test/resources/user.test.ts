import { describe, expect, it } from 'vitest'
import { User, createClient } from '../../src/index.js'
import { jsonResponse } from '../support/fake-fetch.js'
import { NOW, clientJSON, envelope, errorsJSON, phoneJSON, userJSON } from './fixtures.js'
import { signedIn } from './harness.js'

const first = phoneJSON({ id: 'idn_1' })
const second = phoneJSON({ id: 'idn_2', phone_number: '+14155552671' })
const client = createClient({ frontendApi: 'http://localhost:4010', fetch: async () => new Response(null, { status: 204 }), crossTab: false })

describe('User', () => {
  it('exposes its numbers and the primary one', () => {
    const user = User.fromJSON(userJSON([first, second], { primary_phone_number_id: 'idn_2' }), client)
    expect(user.phoneNumbers.map((phone) => phone.id)).toEqual(['idn_1', 'idn_2'])
    expect(user.primaryPhoneNumber?.id).toBe('idn_2')
    expect(Object.isFrozen(user) && Object.isFrozen(user.phoneNumbers)).toBe(true)
  })

  it('has no primary number when the id matches none', () => {
    const user = User.fromJSON(userJSON([first], { primary_phone_number_id: 'idn_x' }), client)
    expect(user.primaryPhoneNumber).toBeNull()
  })
})

describe('user.update', () => {
  it('PATCHes /v1/me with primary_phone_number_id and emits user:updated', async () => {
    const h = await signedIn([first, second])
    const next = userJSON([first, second], { primary_phone_number_id: 'idn_2' })
    h.reply(() => jsonResponse(200, envelope(next, clientJSON(next))))
    const user = await h.client.user!.update({ primaryPhoneNumberId: 'idn_2' })
    expect(h.sent[0]).toMatchObject({ method: 'POST', path: '/v1/me', query: { _method: 'PATCH', _clerk_session_id: 'sess_1' }, body: { primary_phone_number_id: 'idn_2' } })
    expect(user).toBeInstanceOf(User)
    expect(user.primaryPhoneNumberId).toBe('idn_2')
    expect(h.events).toEqual([['user:updated', user]])
    expect(h.client.user!.primaryPhoneNumber?.id).toBe('idn_2')
  })

  it('refuses a missing id before sending anything', async () => {
    const h = await signedIn([first])
    await expect(h.client.user!.update({ primaryPhoneNumberId: '' })).rejects.toMatchObject({ name: 'ValidationError', paramName: 'primary_phone_number_id' })
    expect(h.sent).toHaveLength(0)
  })

  it('passes on form_verification_needed (422)', async () => {
    const h = await signedIn([first, second])
    h.reply(() => jsonResponse(422, errorsJSON('form_verification_needed', 'primary_phone_number_id')))
    const before = h.client.store.get()
    const error = await h.client.user!.update({ primaryPhoneNumberId: 'idn_2' }).catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'ApiResponseError', status: 422, code: 'form_verification_needed', paramName: 'primary_phone_number_id' })
    expect(h.client.store.get()).toBe(before)
    expect(h.events).toEqual([])
  })
})

describe('user.reload', () => {
  it('GETs /v1/me and emits user:updated', async () => {
    const h = await signedIn([first])
    const fresh = userJSON([first, second], { updated_at: NOW + 1 })
    h.reply(() => jsonResponse(200, envelope(fresh, clientJSON(fresh))))
    const user = await h.client.user!.reload()
    expect(h.sent[0]).toMatchObject({ method: 'GET', path: '/v1/me', body: null })
    expect(user).toBeInstanceOf(User)
    expect(user.phoneNumbers).toHaveLength(2)
    expect(h.events).toEqual([['user:updated', user]])
    expect(h.client.user!.phoneNumbers).toHaveLength(2)
  })
})

import { describe, expect, it } from 'vitest'
import { User, createClient } from '../../src/index.js'
import { jsonResponse } from '../support/fake-fetch.js'
import { NOW, clientJSON, envelope, errorsJSON, phoneJSON, userJSON, verificationJSON } from './fixtures.js'
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

  it('exposes the profile a clerk-js user has', () => {
    const verified = phoneJSON({ id: 'idn_2', verification: verificationJSON({ status: 'verified' }) })
    const json = userJSON([first, verified], {
      first_name: 'Ada',
      last_name: 'Lovelace',
      username: 'ada',
      image_url: 'https://img.example/ada.png',
      external_id: 'crm_42',
      public_metadata: { plan: 'pro' },
      unsafe_metadata: { theme: { dark: true } },
    })
    const user = User.fromJSON(json, client)
    expect(user).toMatchObject({
      firstName: 'Ada',
      lastName: 'Lovelace',
      fullName: 'Ada Lovelace',
      username: 'ada',
      imageUrl: 'https://img.example/ada.png',
      externalId: 'crm_42',
      publicMetadata: { plan: 'pro' },
      unsafeMetadata: { theme: { dark: true } },
      hasVerifiedPhoneNumber: true,
    })
  })

  it('reads an unset profile as null, an empty image and empty metadata', () => {
    const user = User.fromJSON(userJSON([first]), client)
    expect(user).toMatchObject({ firstName: null, lastName: null, fullName: null, username: null, imageUrl: '', externalId: null, publicMetadata: {}, unsafeMetadata: {} })
    expect(user.hasVerifiedPhoneNumber).toBe(false)
    expect(User.fromJSON(userJSON([], { last_name: 'Hopper' }), client).fullName).toBe('Hopper')
    expect(User.fromJSON(userJSON([], { first_name: 'Grace', last_name: null }), client).fullName).toBe('Grace')
  })

  it('hands out metadata frozen all the way down, apart from the JSON it was built from', () => {
    const json = userJSON([], { unsafe_metadata: { theme: { dark: true }, tags: ['a'] } })
    const user = User.fromJSON(json, client)
    const metadata = user.unsafeMetadata as { theme: { dark: boolean }; tags: string[] }
    expect(Object.isFrozen(metadata) && Object.isFrozen(metadata.theme) && Object.isFrozen(metadata.tags)).toBe(true)
    ;(json.unsafe_metadata as { theme: { dark: boolean } }).theme.dark = false
    expect(metadata.theme.dark).toBe(true)
    // toJSON() is a copy of its own: changing it leaves the instance as it was.
    const saved = user.toJSON()
    ;(saved.unsafe_metadata as { theme: { dark: boolean } }).theme.dark = false
    expect(user.toJSON().unsafe_metadata).toEqual({ theme: { dark: true }, tags: ['a'] })
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

  it('sends only the profile fields it was given, metadata as JSON and a cleared name as empty', async () => {
    const h = await signedIn([first])
    const next = userJSON([first], { first_name: 'Ada', last_name: null, unsafe_metadata: { theme: 'dark' } })
    h.reply(() => jsonResponse(200, envelope(next, clientJSON(next))))
    const user = await h.client.user!.update({ firstName: 'Ada', lastName: null, unsafeMetadata: { theme: 'dark' } })
    expect(h.sent[0]).toMatchObject({ method: 'POST', path: '/v1/me', query: { _method: 'PATCH' } })
    expect(h.sent[0]!.body).toEqual({ first_name: 'Ada', last_name: '', unsafe_metadata: '{"theme":"dark"}' })
    expect(user).toMatchObject({ firstName: 'Ada', lastName: null, fullName: 'Ada', unsafeMetadata: { theme: 'dark' } })
    expect(h.events).toEqual([['user:updated', user]])
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

describe('user.createBackupCode', () => {
  const codesJSON = { object: 'backup_code', id: 'bcode_1', codes: ['a1b2c3d4', 'e5f6a7b8'], created_at: NOW + 1, updated_at: NOW + 1 }

  it('POSTs /v1/me/backup_codes, resolves to the new codes once, and emits user:updated after the store took the user', async () => {
    const h = await signedIn([first])
    const next = userJSON([first], { backup_code_enabled: true, updated_at: NOW + 1 })
    h.reply(() => jsonResponse(200, envelope(codesJSON, clientJSON(next))))
    const userAtEvent: unknown[] = []
    h.client.on('user:updated', () => userAtEvent.push(h.client.user))

    const created = await h.client.user!.createBackupCode()

    expect(h.sent).toHaveLength(1)
    expect(h.sent[0]).toMatchObject({ method: 'POST', path: '/v1/me/backup_codes', query: { _clerk_session_id: 'sess_1' } })
    expect(created).toEqual({ id: 'bcode_1', codes: ['a1b2c3d4', 'e5f6a7b8'], createdAt: new Date(NOW + 1), updatedAt: new Date(NOW + 1) })
    expect(Object.isFrozen(created) && Object.isFrozen(created.codes)).toBe(true)
    expect(h.events.map(([name]) => name)).toEqual(['user:updated'])
    expect(h.events[0]![1]).toMatchObject({ id: 'user_1', backupCodeEnabled: true })
    expect(userAtEvent).toEqual([h.client.user])
    expect(h.client.user).toMatchObject({ backupCodeEnabled: true })
    // The codes are in the answer only: nothing the store holds carries them.
    expect(JSON.stringify(h.client.store.get().client)).not.toContain('a1b2c3d4')
  })

  it('passes on backup_codes_not_available and leaves the store and the events as they were', async () => {
    const h = await signedIn([first])
    h.reply(() => jsonResponse(400, errorsJSON('backup_codes_not_available')))
    const before = h.client.store.get()
    const error = await h.client.user!.createBackupCode().catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'ApiResponseError', status: 400, code: 'backup_codes_not_available' })
    expect(h.client.store.get()).toBe(before)
    expect(h.events).toEqual([])
  })

  it('refuses an answer without a list of string codes as malformed_response, emitting nothing', async () => {
    const h = await signedIn([first])
    for (const damaged of [{ ...codesJSON, codes: 'a1b2c3d4' }, { ...codesJSON, codes: [1] }, { ...codesJSON, id: undefined }, null]) {
      h.reply(() => jsonResponse(200, envelope(damaged, clientJSON(userJSON([first])))))
      const error = await h.client.user!.createBackupCode().catch((e: unknown) => e)
      expect(error).toMatchObject({ name: 'NetworkError', reason: 'malformed_response' })
    }
    expect(h.events).toEqual([])
  })

  it('refuses a bad signal or timeout before sending anything', async () => {
    const h = await signedIn([first])
    await expect(h.client.user!.createBackupCode({ timeout: 0 })).rejects.toMatchObject({ name: 'ValidationError', paramName: 'timeout' })
    expect(h.sent).toHaveLength(0)
  })
})

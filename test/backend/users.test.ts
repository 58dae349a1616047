import { describe, expect, it } from 'vitest'
import { ValidationError } from '../../src/backend/index.js'
import { fakeBackend, userJSON } from './fixtures.js'
import { jsonResponse } from '../support/fake-fetch.js'

describe('users.createUser', () => {
  it('posts the user in snake_case and returns it in camelCase', async () => {
    const { backend, sent } = fakeBackend(() => jsonResponse(200, userJSON()))
    const user = await backend.users.createUser({
      phoneNumber: ['14155552671'],
      phoneNumberIdentificationStatus: ['verified'],
      emailAddress: ['ada@example.com'],
      externalId: 'ext-1',
      firstName: 'Ada',
      lastName: 'Lovelace',
      username: 'ada',
      password: 'correct horse battery',
      skipPasswordRequirement: true,
      publicMetadata: { plan: 'pro' },
      privateMetadata: { notes: 1 },
      unsafeMetadata: { theme: 'dark' },
    })
    expect(sent[0]!.method).toBe('POST')
    expect(sent[0]!.url.pathname).toBe('/v1/users')
    expect(sent[0]!.json).toEqual({
      phone_number: ['+14155552671'],
      phone_number_identification_status: ['verified'],
      email_address: ['ada@example.com'],
      external_id: 'ext-1',
      first_name: 'Ada',
      last_name: 'Lovelace',
      username: 'ada',
      password: 'correct horse battery',
      skip_password_requirement: true,
      public_metadata: { plan: 'pro' },
      private_metadata: { notes: 1 },
      unsafe_metadata: { theme: 'dark' },
    })
    expect(user).toMatchObject({
      id: 'user_1',
      externalId: 'ext-1',
      firstName: 'Ada',
      lastName: 'Lovelace',
      username: null,
      primaryPhoneNumberId: 'idn_1',
      twoFactorEnabled: false,
      backupCodeEnabled: false,
      publicMetadata: { plan: 'pro' },
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_002,
    })
    expect(user.phoneNumbers.map((phone) => phone.phoneNumber)).toEqual(['+14155552671'])
  })

  it('sends an empty body when called with no parameters', async () => {
    const { backend, sent } = fakeBackend(() => jsonResponse(200, userJSON()))
    await backend.users.createUser()
    expect(sent[0]!.json).toEqual({})
  })

  it('fills absent user fields with null, false or empty', async () => {
    const sparse = { id: 'user_2', object: 'user', created_at: 1, updated_at: 2 }
    const { backend } = fakeBackend(() => jsonResponse(200, sparse))
    expect(await backend.users.createUser()).toEqual({
      id: 'user_2',
      externalId: null,
      firstName: null,
      lastName: null,
      username: null,
      primaryPhoneNumberId: null,
      phoneNumbers: [],
      twoFactorEnabled: false,
      backupCodeEnabled: false,
      publicMetadata: {},
      createdAt: 1,
      updatedAt: 2,
    })
  })

  it.each([
    [{ phoneNumber: '+14155552671' }, 'phone_number'],
    [{ phoneNumber: ['+14155552671', 42] }, 'phone_number'],
    [{ phoneNumber: ['not a number'] }, 'phone_number'],
    [{ externalId: 7 }, 'external_id'],
    [{ firstName: null }, 'first_name'],
    [{ skipPasswordRequirement: 'yes' }, 'skip_password_requirement'],
  ])('refuses %j before sending anything (%s)', async (params, paramName) => {
    const { backend, fetch } = fakeBackend(() => jsonResponse(200, userJSON()))
    const error = await backend.users.createUser(params as never).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ValidationError)
    expect(error).toMatchObject({ paramName })
    expect(fetch).not.toHaveBeenCalled()
  })
})

describe('users.getUser', () => {
  it('gets the user by id', async () => {
    const { backend, sent } = fakeBackend(() => jsonResponse(200, userJSON()))
    const user = await backend.users.getUser('user_1')
    expect(sent[0]!.method).toBe('GET')
    expect(sent[0]!.url.pathname).toBe('/v1/users/user_1')
    expect(user.id).toBe('user_1')
  })

  it('refuses a missing id before sending anything', async () => {
    const { backend, fetch } = fakeBackend(() => jsonResponse(200, userJSON()))
    await expect(backend.users.getUser(undefined as never)).rejects.toMatchObject({ code: 'param_invalid', paramName: 'user_id' })
    expect(fetch).not.toHaveBeenCalled()
  })
})

import { describe, expect, it } from 'vitest'
import { createBackendClient, isApiResponseError, ValidationError } from '../../src/backend/index.js'
import { API_URL, fakeBackend, SECRET_KEY, userJSON } from './fixtures.js'
import { fakeFetch, jsonResponse } from '../support/fake-fetch.js'

describe('users.getUserList', () => {
  it('asks for the page and the count with the same filters, and returns camelCase users with the total', async () => {
    const { fetch, sent } = fakeFetch((request) =>
      request.path === '/v1/users/count' ? jsonResponse(200, { object: 'total_count', total_count: 7 }) : jsonResponse(200, [userJSON()]),
    )
    const backend = createBackendClient({ secretKey: SECRET_KEY, apiUrl: API_URL, fetch })
    const list = await backend.users.getUserList({ phoneNumber: ['14155552671'], externalId: ['a', 'b'], userId: ['user_1'], limit: 5, offset: 10, orderBy: '+created_at' })
    expect(list.totalCount).toBe(7)
    expect(list.data).toEqual([expect.objectContaining({ id: 'user_1', externalId: 'ext-1', firstName: 'Ada' })])
    const page = sent.find((request) => request.path === '/v1/users')!
    const count = sent.find((request) => request.path === '/v1/users/count')!
    expect(page.method).toBe('GET')
    expect(page.url.search).toBe('?phone_number=%2B14155552671&external_id=a&external_id=b&user_id=user_1&limit=5&offset=10&order_by=%2Bcreated_at')
    expect(count.url.search).toBe('?phone_number=%2B14155552671&external_id=a&external_id=b&user_id=user_1')
    expect(page.authorization).toBe(`Bearer ${SECRET_KEY}`)
  })

  it('sends no query without filters', async () => {
    const { fetch, sent } = fakeFetch((request) => (request.path.endsWith('/count') ? jsonResponse(200, { total_count: 0 }) : jsonResponse(200, [])))
    const backend = createBackendClient({ secretKey: SECRET_KEY, apiUrl: API_URL, fetch })
    expect(await backend.users.getUserList()).toEqual({ data: [], totalCount: 0 })
    expect(sent.map((request) => request.url.search)).toEqual(['', ''])
  })

  it('rejects a lone string for a list, a bad number and a limit out of range before sending', async () => {
    const { backend, sent } = fakeBackend(() => jsonResponse(200, []))
    for (const params of [{ phoneNumber: '+14155552671' }, { phoneNumber: ['12'] }, { limit: 0 }, { limit: 501 }, { offset: -1 }, { orderBy: 1 }]) {
      const error = await backend.users.getUserList(params as never).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ValidationError)
    }
    expect(sent).toEqual([])
  })
})

describe('users.updateUser', () => {
  it('patches only the given fields in snake_case, null included', async () => {
    const { backend, sent } = fakeBackend(() => jsonResponse(200, userJSON({ first_name: 'Grace', external_id: null })))
    const user = await backend.users.updateUser('user_1', { firstName: 'Grace', externalId: null, primaryPhoneNumberId: 'idn_2', publicMetadata: { plan: 'team' } })
    expect(sent[0]!.method).toBe('PATCH')
    expect(sent[0]!.path).toBe('/v1/users/user_1')
    expect(sent[0]!.json).toEqual({ first_name: 'Grace', external_id: null, primary_phone_number_id: 'idn_2', public_metadata: { plan: 'team' } })
    expect(user).toMatchObject({ firstName: 'Grace', externalId: null })
  })

  it('rejects an empty id, a non-string name and array metadata before sending', async () => {
    const { backend, sent } = fakeBackend(() => jsonResponse(200, userJSON()))
    await expect(backend.users.updateUser('', {})).rejects.toBeInstanceOf(ValidationError)
    await expect(backend.users.updateUser('user_1', { firstName: 1 } as never)).rejects.toMatchObject({ paramName: 'first_name' })
    await expect(backend.users.updateUser('user_1', { publicMetadata: [] } as never)).rejects.toMatchObject({ paramName: 'public_metadata' })
    expect(sent).toEqual([])
  })
})

describe('users.deleteUser', () => {
  it('deletes by id and returns the deleted object', async () => {
    const { backend, sent } = fakeBackend(() => jsonResponse(200, { object: 'user', id: 'user_1', deleted: true }))
    expect(await backend.users.deleteUser('user_1')).toEqual({ object: 'user', id: 'user_1', deleted: true })
    expect(sent[0]).toMatchObject({ method: 'DELETE', path: '/v1/users/user_1' })
  })

  it('surfaces a 404 as an ApiResponseError', async () => {
    const { backend } = fakeBackend(() => jsonResponse(404, { errors: [{ code: 'resource_not_found', message: 'not found', long_message: 'not found', meta: { param_name: 'user_id' } }] }))
    const error = await backend.users.deleteUser('user_x').catch((e: unknown) => e)
    expect(isApiResponseError(error) && error.status).toBe(404)
  })
})

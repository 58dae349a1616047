import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest'
import { BAPI_VERSION, createBackendClient, ValidationError, type BackendClient, type BackendPhoneNumber } from '../../src/backend/index.js'
import { phoneNumberJSON, SECRET_KEY } from './fixtures.js'
import { fakeFetch, jsonResponse } from '../support/fake-fetch.js'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('createBackendClient', () => {
  it.each([
    ['http://localhost:4010', 'http://localhost:4010/v1/phone_numbers/idn_1'],
    ['http://localhost:4010/', 'http://localhost:4010/v1/phone_numbers/idn_1'],
    ['https://api.clerk.com/v1', 'https://api.clerk.com/v1/phone_numbers/idn_1'],
    ['https://api.clerk.com/v1/', 'https://api.clerk.com/v1/phone_numbers/idn_1'],
    ['http://127.0.0.1:9/proxy?x=1', 'http://127.0.0.1:9/proxy/v1/phone_numbers/idn_1'],
  ])('builds request URLs under /v1 from apiUrl %s', async (apiUrl, expected) => {
    const { fetch, sent } = fakeFetch(() => jsonResponse(200, phoneNumberJSON()))
    await createBackendClient({ secretKey: SECRET_KEY, apiUrl, fetch }).phoneNumbers.getPhoneNumber('idn_1')
    expect(sent.map((request) => [request.method, request.url.href])).toEqual([['GET', expected]])
  })

  it.each([
    [{ secretKey: 'pk_test_abc', apiUrl: 'http://localhost:4010' }, 'secret_key'],
    [{ secretKey: 'sk_test_', apiUrl: 'http://localhost:4010' }, 'secret_key'],
    [{ secretKey: undefined, apiUrl: 'http://localhost:4010' }, 'secret_key'],
    [{ secretKey: SECRET_KEY, apiUrl: 'localhost:4010' }, 'api_url'],
    [{ secretKey: SECRET_KEY, apiUrl: 'not a url' }, 'api_url'],
    [{ secretKey: SECRET_KEY, apiUrl: 'ftp://example.com' }, 'api_url'],
    [{ secretKey: SECRET_KEY, apiUrl: 'http://localhost:4010', timeout: 0 }, 'timeout'],
    [{ secretKey: SECRET_KEY, apiUrl: 'http://localhost:4010', timeout: Number.NaN }, 'timeout'],
    [{ secretKey: SECRET_KEY, apiUrl: 'http://localhost:4010', timeout: 2 ** 31 }, 'timeout'],
    [{ secretKey: SECRET_KEY, apiUrl: 'http://localhost:4010', timeout: 2 ** 32 }, 'timeout'],
    [{ secretKey: SECRET_KEY, apiUrl: 'http://localhost:4010', timeout: '5000' }, 'timeout'],
  ])('refuses bad options %j (%s)', (options, paramName) => {
    const error = (() => {
      try {
        createBackendClient(options as never)
      } catch (caught) {
        return caught
      }
    })()
    expect(error).toBeInstanceOf(ValidationError)
    expect(error).toMatchObject({ code: 'config_invalid', paramName })
  })

  it('refuses a missing options object', () => {
    expect(() => createBackendClient(undefined as never)).toThrow(ValidationError)
  })

  it('accepts a live key', () => {
    expect(() => createBackendClient({ secretKey: 'sk_live_xyz', apiUrl: 'https://api.clerk.com', fetch: vi.fn() })).not.toThrow()
  })

  it('uses the global fetch when none is given', async () => {
    const { fetch } = fakeFetch(() => jsonResponse(200, phoneNumberJSON()))
    vi.stubGlobal('fetch', fetch)
    await createBackendClient({ secretKey: SECRET_KEY, apiUrl: 'http://localhost:4010' }).phoneNumbers.getPhoneNumber('idn_1')
    expect(fetch).toHaveBeenCalledOnce()
  })

  it('refuses to start without any fetch', () => {
    vi.stubGlobal('fetch', undefined)
    expect(() => createBackendClient({ secretKey: SECRET_KEY, apiUrl: 'http://localhost:4010' })).toThrow(
      expect.objectContaining({ paramName: 'fetch' }),
    )
  })

  it('exposes the pinned API version and typed methods', () => {
    expect(BAPI_VERSION).toBe('2026-05-12')
    expectTypeOf<ReturnType<BackendClient['phoneNumbers']['getPhoneNumber']>>().toEqualTypeOf<Promise<BackendPhoneNumber>>()
    expectTypeOf<Parameters<BackendClient['phoneNumbers']['createPhoneNumber']>[0]>().toHaveProperty('userId').toEqualTypeOf<string>()
    // @ts-expect-error userId is required
    expectTypeOf<{ phoneNumber: string }>().toMatchTypeOf<Parameters<BackendClient['phoneNumbers']['createPhoneNumber']>[0]>()
  })
})

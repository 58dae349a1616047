// Every failure path of the one HTTP choke point, seen through a public method.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiResponseError, isApiResponseError, isNetworkError, NetworkError } from '../../src/backend/index.js'
import { fakeBackend, phoneNumberJSON } from './fixtures.js'
import { hangingFetch, jsonResponse } from '../support/fake-fetch.js'

const clerkError = (code: string, paramName?: string) => ({
  code,
  message: 'is incorrect',
  long_message: 'Incorrect code',
  meta: paramName ? { param_name: paramName } : {},
})

async function failure(respond: () => Response | Promise<Response>, options: { timeout?: number } = {}) {
  const { backend } = fakeBackend(respond, options)
  return backend.phoneNumbers.getPhoneNumber('idn_1').catch((error: unknown) => error)
}

afterEach(() => {
  vi.useRealTimers()
})

describe('API errors', () => {
  it('maps a 422 form error with its param name, long message and trace id', async () => {
    const error = await failure(() => jsonResponse(422, { errors: [clerkError('form_identifier_exists', 'phone_number')], clerk_trace_id: 'trace_1' }))
    expect(error).toBeInstanceOf(ApiResponseError)
    expect(error).toMatchObject({
      status: 422,
      code: 'form_identifier_exists',
      paramName: 'phone_number',
      traceId: 'trace_1',
      retryAfter: undefined,
      message: 'Incorrect code',
    })
    expect((error as ApiResponseError).errors).toEqual([
      { code: 'form_identifier_exists', message: 'is incorrect', longMessage: 'Incorrect code', meta: { paramName: 'phone_number' } },
    ])
  })

  it('keeps every error and turns other meta keys camelCase', async () => {
    const body = { errors: [clerkError('a'), { code: 'b', message: 'second', meta: { session_id: 'sess_1' } }] }
    const error = (await failure(() => jsonResponse(400, body))) as ApiResponseError
    expect(error.errors.map((entry) => entry.code)).toEqual(['a', 'b'])
    expect(error.errors[1]).toEqual({ code: 'b', message: 'second', longMessage: undefined, meta: { sessionId: 'sess_1' } })
  })

  it('maps a 401 for a wrong secret key', async () => {
    const error = await failure(() => jsonResponse(401, { errors: [{ code: 'authentication_invalid', message: 'Invalid authentication' }] }))
    expect(isApiResponseError(error)).toBe(true)
    expect(error).toMatchObject({ status: 401, code: 'authentication_invalid' })
  })

  it('maps a 404 resource_not_found', async () => {
    const error = await failure(() => jsonResponse(404, { errors: [{ code: 'resource_not_found', message: 'not found' }] }))
    expect(error).toMatchObject({ name: 'ApiResponseError', status: 404, code: 'resource_not_found' })
  })

  it('reads Retry-After seconds from a 429', async () => {
    const error = await failure(() => jsonResponse(429, { errors: [clerkError('too_many_requests')] }, { 'retry-after': '17' }))
    expect(error).toMatchObject({ status: 429, retryAfter: 17 })
  })

  it('reads Retry-After only on a 429, as the browser SDK does', async () => {
    const error = await failure(() => jsonResponse(503, { errors: [clerkError('unavailable')] }, { 'retry-after': '17' }))
    expect(error).toMatchObject({ status: 503, retryAfter: undefined })
  })

  it('ignores a Retry-After that is not whole seconds', async () => {
    const error = await failure(() => jsonResponse(429, { errors: [clerkError('too_many_requests')] }, { 'retry-after': 'Wed, 21 Oct 2026 07:28:00 GMT' }))
    expect(error).toMatchObject({ status: 429, retryAfter: undefined })
  })

  it('falls back to the cf-ray header for the trace id', async () => {
    const error = await failure(() => jsonResponse(500, { errors: [clerkError('x')] }, { 'cf-ray': 'ray_9' }))
    expect(error).toMatchObject({ traceId: 'ray_9' })
  })

  it('still gives an ApiResponseError when the error body is not JSON', async () => {
    const error = await failure(() => new Response('<html>Bad gateway</html>', { status: 502 }))
    expect(error).toBeInstanceOf(ApiResponseError)
    expect(error).toMatchObject({ status: 502, code: 'unknown_error', errors: [], message: 'Request failed with status 502' })
    expect((error as Error).cause).toBe('<html>Bad gateway</html>')
  })

  it('skips entries of errors[] that have no code', async () => {
    const error = (await failure(() => jsonResponse(400, { errors: ['oops', null, clerkError('real')] }))) as ApiResponseError
    expect(error.errors.map((entry) => entry.code)).toEqual(['real'])
  })

  it('treats a JSON error body without errors[] as having none', async () => {
    const error = await failure(() => jsonResponse(400, { message: 'nope' }))
    expect(error).toMatchObject({ code: 'unknown_error', errors: [] })
  })
})

describe('network errors', () => {
  it('maps a connection failure with its cause', async () => {
    const refused = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:4010') })
    const error = await failure(() => Promise.reject(refused))
    expect(error).toBeInstanceOf(NetworkError)
    expect(error).toMatchObject({ reason: 'failed', url: 'http://localhost:4010/v1/phone_numbers/idn_1' })
    // The same message as the browser SDK's; the reason why stays in `cause`, which Node prints with the error.
    expect((error as Error).message).toBe('Could not reach http://localhost:4010/v1/phone_numbers/idn_1')
    expect((error as Error).cause).toBe(refused)
  })

  it('maps a non-Error rejection', async () => {
    const error = await failure(() => Promise.reject('boom'))
    expect(error).toMatchObject({ name: 'NetworkError', reason: 'failed', cause: 'boom' })
  })

  it('maps a 2xx body that is not JSON to malformed_response', async () => {
    const error = await failure(() => new Response('OK', { status: 200 }))
    expect(error).toMatchObject({ name: 'NetworkError', reason: 'malformed_response' })
  })

  it('times out a request that never answers, on the fake clock', async () => {
    vi.useFakeTimers()
    const { backend, fetch } = fakeBackend(() => jsonResponse(200, {}), { timeout: 20_000 })
    fetch.mockImplementation(hangingFetch())
    const pending = backend.phoneNumbers.getPhoneNumber('idn_1').catch((caught: unknown) => caught)
    await vi.advanceTimersByTimeAsync(19_999)
    expect(fetch).toHaveBeenCalledOnce()
    await vi.advanceTimersByTimeAsync(1)
    const error = await pending
    expect(isNetworkError(error)).toBe(true)
    expect(error).toMatchObject({ reason: 'timeout' })
  })

  it('aborts when the caller aborts', async () => {
    const { backend, fetch } = fakeBackend(() => jsonResponse(200, {}))
    fetch.mockImplementation(hangingFetch())
    const controller = new AbortController()
    const pending = backend.phoneNumbers.getPhoneNumber('idn_1', { signal: controller.signal }).catch((caught: unknown) => caught)
    controller.abort()
    expect(await pending).toMatchObject({ name: 'NetworkError', reason: 'aborted' })
  })

  it('maps a failure while the body streams in', async () => {
    const broken = new Response(new ReadableStream({ start: (controller) => controller.error(new Error('socket hang up')) }), { status: 200 })
    const error = await failure(() => broken)
    expect(error).toMatchObject({ name: 'NetworkError', reason: 'failed' })
  })
})

describe('success bodies', () => {
  it('treats a 204 on delete as a successful delete of that id', async () => {
    const { backend } = fakeBackend(() => new Response(null, { status: 204 }))
    expect(await backend.phoneNumbers.deletePhoneNumber('idn_1')).toEqual({ object: 'phone_number', id: 'idn_1', deleted: true })
  })

  it('refuses a 204 or a JSON null where an object is expected', async () => {
    expect(await failure(() => new Response(null, { status: 204 }))).toMatchObject({ name: 'NetworkError', reason: 'malformed_response' })
    expect(await failure(() => jsonResponse(200, null))).toMatchObject({ name: 'NetworkError', reason: 'malformed_response' })
  })

  it('passes the caller signal through to fetch', async () => {
    const { backend, fetch } = fakeBackend(() => jsonResponse(200, phoneNumberJSON()))
    const controller = new AbortController()
    await backend.phoneNumbers.getPhoneNumber('idn_1', { signal: controller.signal })
    const signal = fetch.mock.calls[0]![1]!.signal!
    controller.abort()
    expect(signal.aborted).toBe(true)
  })
})

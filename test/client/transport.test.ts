import { afterEach, describe, expect, it, vi } from 'vitest'
import { resolveTokenStorage } from '../../src/client/token-storage.js'
import { createTransport, type TransportOptions } from '../../src/client/transport.js'
import { ApiResponseError, NetworkError } from '../../src/errors/index.js'
import { clientJSON, envelope, errorsJSON, phoneJSON } from '../resources/fixtures.js'
import { fakeFetch, hangingFetch, jsonResponse } from '../support/fake-fetch.js'

function transport(fetch: typeof globalThis.fetch, options: Partial<TransportOptions> = {}) {
  const onClient = vi.fn()
  const request = createTransport({
    baseUrl: 'http://localhost:4010',
    authMode: 'cookie',
    fetch,
    timeout: 1000,
    retry: 2,
    tokens: resolveTokenStorage(undefined, 'http://localhost:4010'),
    sessionId: () => 'sess_1',
    onClient,
    ...options,
  })
  return { request, onClient }
}

async function failure(promise: Promise<unknown>) {
  return promise.then(
    () => expect.unreachable('expected a rejection'),
    (error: unknown) => error,
  )
}

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('createTransport requests', () => {
  it('sends a PATCH as POST with _method, the version params, the session and a snake_case form body', async () => {
    const fake = fakeFetch([jsonResponse(200, envelope(phoneJSON()))])
    await transport(fake.fetch).request({ method: 'PATCH', path: '/me/phone_numbers/idn_1', body: { reservedForSecondFactor: true } })
    expect(fake.sent[0]).toMatchObject({
      method: 'POST',
      path: '/v1/me/phone_numbers/idn_1',
      query: { __clerk_api_version: '2026-05-12', _clerk_js_version: '0.1.0', _method: 'PATCH', _clerk_session_id: 'sess_1' },
      body: { reserved_for_second_factor: 'true' },
      credentials: 'include',
    })
    expect(fake.sent[0]?.contentType).toMatch(/^application\/x-www-form-urlencoded/)
  })

  it('keeps GET and POST as they are and leaves the session off /client paths', async () => {
    const fake = fakeFetch([jsonResponse(200, envelope(null)), jsonResponse(200, envelope(null))])
    const { request } = transport(fake.fetch)
    await request({ method: 'GET', path: '/client' })
    await request({ method: 'POST', path: '/client/sign_ins', body: { strategy: 'ticket' } })
    expect(fake.sent.map((sent) => [sent.method, sent.query._method, sent.query._clerk_session_id, sent.query._is_native])).toEqual([
      ['GET', undefined, undefined, undefined],
      ['POST', undefined, undefined, undefined],
    ])
  })

  it('unwraps the envelope and hands the piggybacked client (or meta.client) to onClient', async () => {
    const client = clientJSON()
    const fake = fakeFetch([jsonResponse(200, { response: { ok: 1 }, client }), jsonResponse(200, { response: 2, meta: { client } })])
    const { request, onClient } = transport(fake.fetch)
    await expect(request({ method: 'GET', path: '/me' })).resolves.toEqual({ response: { ok: 1 }, client })
    await expect(request({ method: 'GET', path: '/me' })).resolves.toEqual({ response: 2, client })
    expect(onClient).toHaveBeenCalledTimes(2)
  })

  it('gives null for a 204', async () => {
    const fake = fakeFetch([new Response(null, { status: 204 })])
    await expect(transport(fake.fetch).request({ method: 'DELETE', path: '/me/phone_numbers/idn_1' })).resolves.toBeNull()
  })

  it('in header mode omits cookies, flags the call as native, keeps the Authorization token and sends it back', async () => {
    const fake = fakeFetch([
      jsonResponse(200, envelope(null), { Authorization: 'tok_1' }),
      jsonResponse(401, errorsJSON('authentication_invalid'), { Authorization: 'tok_2' }),
      jsonResponse(200, envelope(null)),
    ])
    const { request } = transport(fake.fetch, { authMode: 'header' })
    await request({ method: 'GET', path: '/client' })
    await request({ method: 'POST', path: '/client/sign_ins' }).catch(() => undefined)
    await request({ method: 'GET', path: '/client' })
    expect(fake.sent.map((sent) => [sent.credentials, sent.authorization, sent.query._is_native])).toEqual([
      ['omit', null, '1'],
      ['omit', 'tok_1', '1'],
      ['omit', 'tok_2', '1'],
    ])
  })
})

describe('createTransport failures', () => {
  it('maps a 422 to ApiResponseError with camelCase errors and param names', async () => {
    const body = errorsJSON('form_param_format_invalid', 'phone_number', { clerk_trace_id: 'trace_1' })
    const fake = fakeFetch([jsonResponse(422, body)])
    const error = await failure(transport(fake.fetch).request({ method: 'POST', path: '/me/phone_numbers' }))
    expect(error).toBeInstanceOf(ApiResponseError)
    expect(error).toMatchObject({
      status: 422,
      code: 'form_param_format_invalid',
      paramName: 'phone_number',
      traceId: 'trace_1',
      retryAfter: undefined,
      message: 'form_param_format_invalid long message',
      errors: [{ code: 'form_param_format_invalid', message: 'form_param_format_invalid message', longMessage: 'form_param_format_invalid long message', meta: { paramName: 'phone_number' } }],
    })
    expect((error as Error).cause).toBeDefined()
  })

  it('reads Retry-After seconds on a 429 only', async () => {
    const fake = fakeFetch([
      jsonResponse(429, errorsJSON('verification_code_too_many_requests'), { 'Retry-After': '27' }),
      jsonResponse(400, errorsJSON('verification_expired'), { 'Retry-After': '27' }),
    ])
    const { request } = transport(fake.fetch)
    expect(await failure(request({ method: 'POST', path: '/x' }))).toMatchObject({ status: 429, retryAfter: 27 })
    expect(await failure(request({ method: 'POST', path: '/x' }))).toMatchObject({ status: 400, code: 'verification_expired', retryAfter: undefined })
  })

  it('feeds a client carried by an error body to onClient', async () => {
    const client = clientJSON()
    const fake = fakeFetch([jsonResponse(422, { ...errorsJSON('form_code_incorrect', 'code'), meta: { client } })])
    const { request, onClient } = transport(fake.fetch)
    await failure(request({ method: 'POST', path: '/x' }))
    expect(onClient).toHaveBeenCalledWith(client)
  })

  it('keeps the status of an error page that is not JSON', async () => {
    const fake = fakeFetch([new Response('<h1>Bad gateway</h1>', { status: 404 })])
    const error = await failure(transport(fake.fetch).request({ method: 'POST', path: '/x' }))
    expect(error).toMatchObject({ name: 'ApiResponseError', status: 404, code: 'unknown_error', errors: [] })
  })

  it('maps a refused connection to NetworkError failed, keeping the cause', async () => {
    const cause = new TypeError('fetch failed')
    const error = await failure(transport(fakeFetch([cause]).fetch, { retry: 0 }).request({ method: 'POST', path: '/x' }))
    expect(error).toBeInstanceOf(NetworkError)
    expect(error).toMatchObject({ reason: 'failed', cause, url: expect.stringContaining('/v1/x?'), message: 'Could not reach http://localhost:4010/v1/x' })
  })

  it('reports an offline send as NetworkError offline, never as success', async () => {
    vi.stubGlobal('navigator', { onLine: false })
    const error = await failure(transport(fakeFetch([new TypeError('offline')]).fetch).request({ method: 'POST', path: '/x' }))
    expect(error).toMatchObject({ name: 'NetworkError', reason: 'offline' })
  })

  it('maps malformed JSON and a body without an envelope to malformed_response', async () => {
    const fake = fakeFetch([new Response('{not json', { status: 200 }), jsonResponse(200, { id: 'x' }), jsonResponse(200, 3)])
    const { request } = transport(fake.fetch)
    // The cause is what the server sent, for a bug report.
    for (const sent of ['{not json', '{"id":"x"}', '3']) {
      expect(await failure(request({ method: 'POST', path: '/x' }))).toMatchObject({ name: 'NetworkError', reason: 'malformed_response', cause: sent })
    }
  })

  it('takes a session token’s bare answer ({ object: "token", jwt }, no envelope) as its own response', async () => {
    const token = { object: 'token', jwt: 'h.p.s' }
    const fake = fakeFetch([jsonResponse(200, token), jsonResponse(200, { object: 'token', jwt: '' })])
    const { request, onClient } = transport(fake.fetch)
    expect(await request({ method: 'POST', path: '/client/sessions/sess_1/tokens' })).toEqual({ response: token, client: undefined })
    expect(onClient).not.toHaveBeenCalled()
    // An empty jwt is no token, and without an envelope nothing else either.
    expect(await failure(request({ method: 'POST', path: '/x' }))).toMatchObject({ name: 'NetworkError', reason: 'malformed_response' })
  })

  it('times out with NetworkError timeout', async () => {
    vi.useFakeTimers()
    const pending = failure(transport(hangingFetch(), { retry: 0 }).request({ method: 'POST', path: '/x', timeout: 50 }))
    await vi.advanceTimersByTimeAsync(60)
    expect(await pending).toMatchObject({ name: 'NetworkError', reason: 'timeout' })
  })

  it('rejects with NetworkError aborted when the caller aborts', async () => {
    const controller = new AbortController()
    const pending = failure(transport(hangingFetch()).request({ method: 'GET', path: '/x', signal: controller.signal }))
    controller.abort()
    expect(await pending).toMatchObject({ name: 'NetworkError', reason: 'aborted' })
  })
})

describe('createTransport retries', () => {
  it('retries a GET after a network failure or a 503', async () => {
    const fake = fakeFetch([new TypeError('reset'), jsonResponse(503, {}), jsonResponse(200, envelope('ok'))])
    vi.useFakeTimers()
    const pending = transport(fake.fetch).request({ method: 'GET', path: '/me' })
    await vi.advanceTimersByTimeAsync(1000)
    await expect(pending).resolves.toMatchObject({ response: 'ok' })
    expect(fake.sent).toHaveLength(3)
  })

  it('never repeats a POST', async () => {
    const fake = fakeFetch([new TypeError('reset'), jsonResponse(200, envelope('second'))])
    await failure(transport(fake.fetch).request({ method: 'POST', path: '/me/phone_numbers/idn_1/prepare_verification' }))
    expect(fake.sent).toHaveLength(1)
  })

  it('does not retry a GET the server refused', async () => {
    const fake = fakeFetch([jsonResponse(404, errorsJSON('resource_not_found'))])
    expect(await failure(transport(fake.fetch).request({ method: 'GET', path: '/me' }))).toMatchObject({ status: 404, code: 'resource_not_found' })
    expect(fake.sent).toHaveLength(1)
  })
})

describe('createTransport with a cancelled signal', () => {
  it('sends nothing when the signal is already aborted', async () => {
    const fake = fakeFetch([jsonResponse(200, envelope(null))])
    const error = await failure(transport(fake.fetch).request({ method: 'POST', path: '/x', signal: AbortSignal.abort() }))
    expect(error).toMatchObject({ name: 'NetworkError', reason: 'aborted' })
    expect(fake.sent).toHaveLength(0)
  })

  it('aborts a request in flight', async () => {
    const controller = new AbortController()
    const hanging = hangingFetch()
    // Aborted once the request is really in flight (fetch called), not after a guessed delay.
    const inFlight: typeof fetch = (input, init) => {
      const sent = hanging(input, init)
      controller.abort()
      return sent
    }
    const pending = failure(transport(inFlight).request({ method: 'POST', path: '/x', signal: controller.signal }))
    expect(await pending).toMatchObject({ name: 'NetworkError', reason: 'aborted' })
  })
})

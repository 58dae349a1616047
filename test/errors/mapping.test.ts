// The browser SDK and the backend client map failures through one mapping: the same wire answer gives the
// same error, field for field, whichever entry received it.
import { describe, expect, it } from 'vitest'
import { createBackendClient } from '../../src/backend/index.js'
import { createClient, isApiResponseError, isNetworkError } from '../../src/index.js'
import { fakeFetch, jsonResponse } from '../support/fake-fetch.js'

type Respond = () => Response | Promise<Response>

async function fromBrowser(respond: Respond): Promise<unknown> {
  const { fetch } = fakeFetch(() => respond())
  const client = createClient({ frontendApi: 'http://localhost:4010', authMode: 'header', retry: 0, fetch })
  return client.load().catch((error: unknown) => error)
}

async function fromBackend(respond: Respond): Promise<unknown> {
  const { fetch } = fakeFetch(() => respond())
  const backend = createBackendClient({ secretKey: 'sk_test_abc123', apiUrl: 'http://localhost:4010', fetch })
  return backend.users.getUser('user_1').catch((error: unknown) => error)
}

/** What an app reads off an API error; the `cause` differs by entry (ky's HTTPError, the body). */
function fields(error: unknown) {
  expect(isApiResponseError(error)).toBe(true)
  const { name, status, code, paramName, errors, retryAfter, traceId, message } = error as Record<string, unknown>
  return { name, status, code, paramName, errors, retryAfter, traceId, message }
}

const wireError = { code: 'form_param_format_invalid', message: 'is invalid', long_message: 'Phone number is invalid' }

describe('one error mapping for dialkit and dialkit/backend', () => {
  it.each<[string, Respond, Record<string, unknown>]>([
    [
      'camelCases every meta key, param_name included',
      () => jsonResponse(422, { errors: [{ ...wireError, meta: { param_name: 'phone_number', session_id: 'sess_1' } }] }),
      { paramName: 'phone_number', errors: [{ code: 'form_param_format_invalid', message: 'is invalid', longMessage: 'Phone number is invalid', meta: { paramName: 'phone_number', sessionId: 'sess_1' } }] },
    ],
    ['reads whole Retry-After seconds on a 429', () => jsonResponse(429, { errors: [] }, { 'retry-after': ' 17 ' }), { retryAfter: 17 }],
    ['ignores a Retry-After that is not whole seconds', () => jsonResponse(429, { errors: [] }, { 'retry-after': '1.5' }), { retryAfter: undefined }],
    ['ignores Retry-After on anything but a 429', () => jsonResponse(503, { errors: [] }, { 'retry-after': '17' }), { retryAfter: undefined }],
    ['takes the trace id from the body first', () => jsonResponse(400, { errors: [], clerk_trace_id: 'trace_1' }, { 'cf-ray': 'ray_1' }), { traceId: 'trace_1' }],
    ['falls back to the cf-ray header for the trace id', () => jsonResponse(400, { errors: [] }, { 'cf-ray': 'ray_1' }), { traceId: 'ray_1' }],
    [
      'drops errors[] entries that are not Clerk errors instead of throwing on them',
      () => jsonResponse(400, { errors: [null, 'x', { ...wireError, meta: null }] }),
      { errors: [{ code: 'form_param_format_invalid', message: 'is invalid', longMessage: 'Phone number is invalid', meta: {} }] },
    ],
    ['gives a status-only error for a body that is not JSON', () => new Response('<h1>Bad gateway</h1>', { status: 502 }), { code: 'unknown_error', errors: [], message: 'Request failed with status 502' }],
  ])('%s', async (_, respond, expected) => {
    const browser = fields(await fromBrowser(respond))
    const backend = fields(await fromBackend(respond))
    expect(browser).toEqual(backend)
    expect(browser).toMatchObject(expected)
  })

  it('gives the same network error for a connection failure, the cause kept', async () => {
    const refused = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:4010') })
    const [browser, backend] = [await fromBrowser(() => Promise.reject(refused)), await fromBackend(() => Promise.reject(refused))]
    for (const error of [browser, backend]) {
      expect(isNetworkError(error)).toBe(true)
      expect(error).toMatchObject({ reason: 'failed', cause: refused, message: expect.stringMatching(/^Could not reach http:\/\/localhost:4010\/v1\/[^?]+$/) })
    }
  })
})

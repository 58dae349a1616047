// The backend client's only HTTP path: every endpoint function goes through `request()`.
import { toApiResponseError } from '../errors/map-response.js'
import { parseObject } from '../errors/parse-object.js'
import { createNetworkError, toNetworkError } from '../errors/network-error.js'
import { ValidationError } from '../errors/validation-error.js'

/** The Backend API version whose wire format dialkit speaks, sent as `Clerk-API-Version`. @example BAPI_VERSION // '2026-05-12' */
export const BAPI_VERSION = '2026-05-12'

/** What every endpoint function gets: the settings of one backend client. */
export interface BackendContext {
  /** Base URL ending in `/v1`, no trailing slash. */
  baseUrl: string
  secretKey: string
  fetch: typeof fetch
  timeout: number
}

/** One Backend API call, as the endpoint functions describe it. */
export interface BackendRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  /** Path below `/v1`, already URL-encoded, starting with `/`. */
  path: string
  /** Sent as JSON; keys must already be snake_case. */
  body?: Record<string, unknown>
  signal?: AbortSignal | undefined
  /** Whether a 204 (no body) is a success; it then resolves to null. */
  emptyOk?: boolean
}

/**
 * Sends one request and resolves to what `read` makes of the parsed JSON (`null` for an accepted 204); throws
 * only dialkit errors. `read` may throw on anything it cannot use: a 2xx of the wrong shape is then
 * `NetworkError` `malformed_response`, never a raw TypeError or an object with holes.
 */
export async function request<T, R>(context: BackendContext, init: BackendRequest, read: (json: T) => R): Promise<R> {
  const url = `${context.baseUrl}${init.path}`
  // The brand, not duck typing: AbortSignal.any() and fetch() need a real signal, and Node's own check only
  // asks for an `aborted` key. A signal of another realm carries the same brand.
  if (init.signal !== undefined && Object.prototype.toString.call(init.signal) != '[object AbortSignal]') {
    throw new ValidationError('param_invalid', 'signal must be an AbortSignal', { paramName: 'signal' })
  }
  // A timer rather than AbortSignal.timeout(): it is cleared once the body is in, and fake timers drive it.
  const timeout = new AbortController()
  const timer = setTimeout(() => timeout.abort(new DOMException('The Backend API did not answer in time', 'TimeoutError')), context.timeout)
  const timeoutSignal = timeout.signal
  const signal = init.signal ? AbortSignal.any([init.signal, timeoutSignal]) : timeoutSignal
  let response: Response
  let text: string
  try {
    response = await context.fetch(url, {
      method: init.method,
      headers: headers(context, init.body !== undefined),
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal,
    })
    // Read inside the try: the timeout or an abort can also fire while the body streams in.
    text = await response.text()
  } catch (error) {
    throw toNetworkError(error, url, init.signal?.aborted, timeoutSignal.aborted)
  } finally {
    clearTimeout(timer)
  }
  // The same mapping as the browser SDK's, so one answer gives the same error in both entries.
  const body = parseObject(text)
  if (!response.ok) throw toApiResponseError(response, body, body ?? text)
  const empty = response.status === 204 && init.emptyOk === true
  // A 2xx whose body is not a JSON object means a proxy or a wrong apiUrl answered, not the Backend API.
  if (!body && !empty) throw createNetworkError('malformed_response', text, url)
  try {
    return read((empty ? null : body) as T)
  } catch (error) {
    throw createNetworkError('malformed_response', error, url)
  }
}

function headers(context: BackendContext, hasBody: boolean): Record<string, string> {
  return {
    Authorization: `Bearer ${context.secretKey}`,
    'Clerk-API-Version': BAPI_VERSION,
    Accept: 'application/json',
    ...(hasBody ? { 'Content-Type': 'application/json' } : {}),
  }
}

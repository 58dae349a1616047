// The backend client's only HTTP path: every endpoint function goes through `request()`.
import { NetworkError } from '../errors/network-error.js'
import { mapErrorResponse, mapFetchFailure } from './map-error.js'

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

/** Sends one request and resolves to the parsed JSON object; throws only dialkit errors. */
export async function request<T>(context: BackendContext, init: BackendRequest): Promise<T> {
  const url = `${context.baseUrl}${init.path}`
  const timeoutSignal = AbortSignal.timeout(context.timeout)
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
    throw mapFetchFailure(error, url, init.signal, timeoutSignal.aborted)
  }
  if (!response.ok) throw mapErrorResponse(response, text)
  return parseJson<T>(response.status === 204 && init.emptyOk === true, text, url)
}

function headers(context: BackendContext, hasBody: boolean): Record<string, string> {
  return {
    Authorization: `Bearer ${context.secretKey}`,
    'Clerk-API-Version': BAPI_VERSION,
    Accept: 'application/json',
    ...(hasBody ? { 'Content-Type': 'application/json' } : {}),
  }
}

// A 2xx whose body is not a JSON object means a proxy or a wrong apiUrl answered, not the Backend API.
function parseJson<T>(empty: boolean, text: string, url: string): T {
  if (empty) return null as T
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new NetworkError('malformed_response', `Response from ${url} was not JSON`, { cause: error, url })
  }
  if (typeof value !== 'object' || value === null) {
    throw new NetworkError('malformed_response', `Response from ${url} was not a JSON object`, { url })
  }
  return value as T
}

import ky from 'ky'
import { parseObject } from '../errors/parse-object.js'
import { createNetworkError } from '../errors/network-error.js'
import type { ClientJSON } from '../wire/index.js'
import { encodeForm } from './form.js'
import { mapFailure, pickClient } from './map-failure.js'
import type { Send } from './dev-browser.js'
import type { TokenStorage } from './token-storage.js'
import { API_VERSION, SDK_VERSION } from './version.js'

/** The logical method; everything but GET goes out as POST with `_method`, as Clerk does for Safari's CORS. */
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE'

/** One Frontend API call. `path` is below `/v1`, e.g. `/me/phone_numbers`. */
export interface FapiRequest {
  /** The logical method; non-GET ones go out as POST with `_method`. */
  method: HttpMethod
  /** Below `/v1`, starting with `/`; ids already URL-encoded. */
  path: string
  /** camelCase keys, sent form-encoded in snake_case; a GET has none. */
  body?: Record<string, unknown> | undefined
  /** Cancels the call; it then rejects with `NetworkError` reason `aborted`. */
  signal?: AbortSignal | undefined
  /** Milliseconds for this call; the client's default otherwise. */
  timeout?: number | undefined
}

/** A successful body with the envelope unwrapped; `null` for a 204. */
export interface FapiResult<T = unknown> {
  /** The envelope's `response`. */
  response: T
  /** The piggybacked client (`client` or `meta.client`), already fed to the store; `undefined` when absent. */
  client: ClientJSON | undefined
}

export interface TransportOptions {
  baseUrl: string
  authMode: 'cookie' | 'header'
  fetch?: typeof fetch | undefined
  timeout: number
  retry: number
  /** Header mode's client token, read before every request so tabs sharing a storage share one client. */
  tokens: TokenStorage
  /** A Clerk development key in cookie mode: every call then goes through the dev-browser handshake. */
  dev?: string | undefined
  sessionId: () => string | undefined
  /** Called with every client the server sends, on success and on failure. */
  onClient: (client: ClientJSON) => void
}

/**
 * The one function resources talk to the Frontend API through (`ResourceContext.request`, internal): it
 * applies Clerk's request rules, feeds the piggybacked client to the store and throws only dialkit errors.
 */
export type Transport = <T>(request: FapiRequest) => Promise<FapiResult<T> | null>

/**
 * Builds the one function every resource uses to talk to the Frontend API. In header mode it keeps the
 * client token the server hands out and sends it back, since cookies don't cross origins or exist in Node.
 */
export function createTransport(options: TransportOptions): Transport {
  const { tokens } = options
  // ky throws HTTPError for every non-2xx status (its default), which mapFailure turns into ours; the hook
  // sees every answer first, errors included, so a token handed out with a 401 is kept too.
  const http = ky.create({
    fetch: options.fetch,
    credentials: options.authMode === 'cookie' ? 'include' : 'omit',
    hooks: {
      afterResponse: [
        (_request, _options, response) => {
          const token = options.authMode == 'header' && response.headers.get('Authorization')
          if (token && token != tokens.get()) tokens.set(token)
        },
      ],
    },
  })
  // The handshake's code arrives with the first call of a development key (development only, so a chunk that
  // failed to load stays failed until the page reloads: every call is then a NetworkError).
  let dev: Promise<Send> | undefined
  const devSend = () => (dev ??= import('./dev-browser.js').then((lazy) => lazy.dev(http, options)))
  // Only reads are retried: repeating a POST could send a second SMS or create a second number. Every
  // other method goes out as POST (with `_method`), which ky never retries, so one rule serves every call.
  const retry = {
    limit: options.retry,
    statusCodes: [408, 500, 502, 503, 504],
    afterStatusCodes: [],
    // Like clerk-js: the first retry is immediate, then back off from 700 ms up to 5 s.
    // An abort needs no rule here: ky's wait before a retry rejects on the caller's aborted signal.
    delay: (attempt: number) => (attempt <= 1 ? 0 : Math.min(700 * 2 ** (attempt - 2), 5000)),
  }
  return async <T>(request: FapiRequest) => {
    const url = buildUrl(options, request)
    try {
      // An already-cancelled call sends nothing.
      request.signal?.throwIfAborted()
      const token = tokens.get()
      const response = await (options.dev ? await devSend() : http)(url, {
        method: request.method === 'GET' ? 'GET' : 'POST',
        body: request.body && encodeForm(request.body),
        // Cookie mode never writes a token (and refuses a storage), so this is header mode's alone.
        headers: token ? { Authorization: token } : {},
        signal: request.signal,
        timeout: request.timeout ?? options.timeout,
        retry,
      })
      const result = await unwrap<T>(response)
      if (result?.client !== undefined) options.onClient(result.client)
      return result
    } catch (thrown) {
      const failure = await mapFailure(thrown, url, request.signal)
      if (failure.client !== undefined) options.onClient(failure.client)
      throw failure.error
    }
  }
}

function buildUrl(options: TransportOptions, request: FapiRequest): string {
  const query = new URLSearchParams({ __clerk_api_version: API_VERSION, _clerk_js_version: SDK_VERSION })
  const sessionId = options.sessionId()
  // Clerk's native flag: it is what makes the Frontend API hand the client token out in `Authorization`.
  if (options.authMode === 'header') query.set('_is_native', '1')
  if (request.method === 'PATCH' || request.method === 'DELETE') query.set('_method', request.method)
  // The client endpoints act on the whole client, so Clerk never scopes them to a session.
  if (sessionId && !/^\/(client|waitlist)\b/.test(request.path)) query.set('_clerk_session_id', sessionId)
  // The base URL is an origin and path, and paths are dialkit's own: neither carries a query of its own.
  return `${options.baseUrl}/v1${request.path}?${query}`
}

async function unwrap<T>(response: Response): Promise<FapiResult<T> | null> {
  if (response.status === 204) return null
  const text = await response.text()
  const body = parseObject(text)
  // A session token is the one answer Clerk sends bare (`{ object: 'token', jwt }`): it is its own `response`.
  const unwrapped = body?.jwt ? body : body?.response
  // Not JSON, or JSON without the envelope (JSON has no `undefined`): a 2xx we cannot use either way.
  if (unwrapped === undefined) throw createNetworkError('malformed_response', text, response.url)
  return { response: unwrapped as T, client: pickClient(body) }
}

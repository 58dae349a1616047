import { HTTPError, TimeoutError } from 'ky'
import { ApiResponseError, NetworkError, isDialkitError, type ApiError, type DialkitError } from '../errors/index.js'
import type { ClerkErrorJSON, ClientJSON } from '../wire/index.js'

/** Turns one wire error into the camelCase shape our errors carry, frozen down to its `meta`. */
export function toApiError(json: ClerkErrorJSON): ApiError {
  const { param_name: paramName, ...rest } = json.meta ?? {}
  const meta = Object.freeze(paramName === undefined ? rest : { ...rest, paramName })
  return Object.freeze({ code: json.code, message: json.message, longMessage: json.long_message, meta })
}

/** What the choke point learnt from a failed response: the error, plus a client the server sent with it. */
export interface Failure {
  error: DialkitError
  client: ClientJSON | undefined
}

/**
 * The one place that turns anything a request can throw into a dialkit error, keeping the original as `cause`.
 * Abort wins over everything: a caller who cancelled gets `aborted`, whatever the wire did meanwhile.
 */
export async function mapFailure(thrown: unknown, url: string, signal: AbortSignal | undefined): Promise<Failure> {
  if (thrown instanceof HTTPError) return fromResponse(thrown.response, thrown)
  if (isDialkitError(thrown)) return { error: thrown, client: undefined }
  return { error: toNetworkError(thrown, url, signal), client: undefined }
}

function toNetworkError(thrown: unknown, url: string, signal: AbortSignal | undefined): NetworkError {
  if (signal?.aborted || (thrown instanceof Error && thrown.name === 'AbortError')) {
    return new NetworkError('aborted', 'The request was aborted', { cause: thrown, url })
  }
  if (thrown instanceof TimeoutError) {
    return new NetworkError('timeout', 'The server did not answer in time', { cause: thrown, url })
  }
  // navigator is read at call time only, so importing dialkit never touches browser globals.
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false
  return offline
    ? new NetworkError('offline', 'You are offline; nothing was sent', { cause: thrown, url })
    : // The query (API version, session id) is noise in a message a UI may show; `url` keeps it.
      new NetworkError('failed', `Could not reach ${url.replace(/\?.*/, '')}`, { cause: thrown, url })
}

async function fromResponse(response: Response, cause: unknown): Promise<Failure> {
  const body = await readBody(response)
  const errors = Array.isArray(body?.errors) ? (body.errors as ClerkErrorJSON[]).map(toApiError) : []
  const error = new ApiResponseError({
    status: response.status,
    errors,
    retryAfter: response.status === 429 ? parseRetryAfter(response.headers.get('Retry-After')) : undefined,
    traceId: typeof body?.clerk_trace_id === 'string' ? body.clerk_trace_id : undefined,
    cause,
  })
  return { error, client: pickClient(body) }
}

// An error page from a proxy is still an API error with a status; only its details are lost.
async function readBody(response: Response): Promise<Record<string, unknown> | undefined> {
  try {
    const body: unknown = JSON.parse(await response.text())
    return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** The piggybacked client of a body, success or error: `client`, or `meta.client` as clerk-js also accepts. */
export function pickClient(body: { client?: unknown; meta?: unknown } | undefined): ClientJSON | undefined {
  const client = body?.client ?? (body?.meta as { client?: unknown } | undefined)?.client
  return client && typeof client === 'object' ? (client as ClientJSON) : undefined
}

/** `Retry-After` in whole seconds, the only form Clerk sends (like clerk-js, anything else is ignored). */
export function parseRetryAfter(header: string | null): number | undefined {
  const seconds = header?.trim() ? Number(header) : NaN
  return Number.isFinite(seconds) ? Math.max(0, Math.ceil(seconds)) : undefined
}

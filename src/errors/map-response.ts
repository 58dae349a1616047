// The one mapping from a failed answer to an ApiResponseError, for the browser SDK and dialkit/backend alike.
import type { ClerkErrorJSON } from '../wire/index.js'
import { ApiResponseError, type ApiError } from './api-response-error.js'

/**
 * One wire error in the camelCase shape our errors carry, frozen down to its `meta`. Every `meta` key is
 * camelCased (`param_name` → `paramName`, `session_id` → `sessionId`), as Clerk's own SDKs name them.
 */
export function toApiError(json: ClerkErrorJSON): ApiError {
  const meta: ApiError['meta'] = {}
  for (const key in json.meta) meta[key.replace(/_([a-z\d])/g, (_, char: string) => char.toUpperCase())] = json.meta[key]
  return Object.freeze({ code: json.code, message: json.message, longMessage: json.long_message, meta: Object.freeze(meta) })
}

/**
 * A non-2xx answer as an ApiResponseError. A body that is not Clerk's shape (a proxy's error page) still
 * gives one, with its status; `errors[]` entries that are not Clerk errors are dropped, not thrown on.
 */
export function toApiResponseError(response: Response, body: Record<string, unknown> | undefined, cause: unknown): ApiResponseError {
  const errors = Array.isArray(body?.errors) ? (body.errors as unknown[]).filter(isClerkError).map(toApiError) : []
  return new ApiResponseError({
    status: response.status,
    errors,
    // Only a 429's wait is a throttle; a 503's Retry-After is not ours to promise.
    retryAfter: response.status == 429 ? parseRetryAfter(response.headers.get('Retry-After')) : undefined,
    // Clerk's own SDKs fall back to Cloudflare's ray id when the body has no trace id.
    traceId: typeof body?.clerk_trace_id == 'string' ? body.clerk_trace_id : (response.headers.get('cf-ray') ?? undefined),
    cause,
  })
}

/** JSON text that holds an object (an array included, as BAPI lists are), else `undefined`. */
export function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return value && typeof value == 'object' ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

function isClerkError(value: unknown): value is ClerkErrorJSON {
  return typeof (value as ClerkErrorJSON | null)?.code == 'string'
}

/** `Retry-After` in whole seconds, the only form Clerk sends; an HTTP date or garbage is ignored, not guessed at. */
function parseRetryAfter(header: string | null): number | undefined {
  return /^\s*\d+\s*$/.test(header ?? '') ? Number(header) : undefined
}

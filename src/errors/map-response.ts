// The one mapping from a failed answer to an ApiResponseError, for the browser SDK and dialkit/backend alike.
// The browser SDK loads it as a lazy chunk on its first error answer: an add-and-verify page that never
// gets one never needs it, nor the ApiResponseError class behind it.
import type { ClerkErrorJSON } from '../wire/index.js'
import { toApiError } from './api-error.js'
import { ApiResponseError } from './api-response-error.js'

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

function isClerkError(value: unknown): value is ClerkErrorJSON {
  return typeof (value as ClerkErrorJSON | null)?.code == 'string'
}

/** `Retry-After` in whole seconds, the only form Clerk sends; an HTTP date or garbage is ignored, not guessed at. */
function parseRetryAfter(header: string | null): number | undefined {
  return /^\s*\d+\s*$/.test(header ?? '') ? Number(header) : undefined
}

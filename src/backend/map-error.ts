// The one place where backend HTTP and network failures become dialkit errors.
import { ApiResponseError, type ApiError } from '../errors/api-response-error.js'
import { NetworkError } from '../errors/network-error.js'
import type { ClerkErrorJSON } from '../wire/index.js'

/** Turns a failed `fetch()` (it threw) into a NetworkError, telling timeout and caller abort apart. */
export function mapFetchFailure(error: unknown, url: string, caller: AbortSignal | undefined, timedOut: boolean): NetworkError {
  if (timedOut) return new NetworkError('timeout', `Request to ${url} timed out`, { cause: error, url })
  if (caller?.aborted) return new NetworkError('aborted', `Request to ${url} was aborted`, { cause: error, url })
  return new NetworkError('failed', `Request to ${url} failed: ${describe(error)}`, { cause: error, url })
}

/** Turns a non-2xx response into an ApiResponseError; a body that is not Clerk's shape still gives one. */
export function mapErrorResponse(response: Response, text: string): ApiResponseError {
  const body = parseObject(text)
  const wireErrors = Array.isArray(body?.errors) ? (body.errors as unknown[]) : []
  return new ApiResponseError({
    status: response.status,
    errors: wireErrors.filter(isClerkError).map(toApiError),
    // Only a 429's wait is a throttle, as in the browser SDK; a 503's Retry-After is not ours to promise.
    retryAfter: response.status === 429 ? parseRetryAfter(response.headers.get('retry-after')) : undefined,
    // Clerk's own backend SDK falls back to Cloudflare's ray id when the body has no trace id.
    traceId: typeof body?.clerk_trace_id === 'string' ? body.clerk_trace_id : (response.headers.get('cf-ray') ?? undefined),
    cause: body ?? text,
  })
}

function toApiError(error: ClerkErrorJSON): ApiError {
  const { param_name: paramName, ...rest } = error.meta ?? {}
  const meta: ApiError['meta'] = {}
  for (const [key, value] of Object.entries(rest)) meta[snakeToCamel(key)] = value
  if (typeof paramName === 'string') meta.paramName = paramName
  return { code: error.code, message: error.message, longMessage: error.long_message, meta }
}

function isClerkError(value: unknown): value is ClerkErrorJSON {
  return typeof value === 'object' && value !== null && typeof (value as ClerkErrorJSON).code === 'string'
}

// Only whole seconds count: an HTTP date or garbage is ignored rather than guessed at.
function parseRetryAfter(header: string | null): number | undefined {
  if (header === null || !/^\d+$/.test(header.trim())) return undefined
  return Number(header.trim())
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

function snakeToCamel(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, char: string) => char.toUpperCase())
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message
  }
  return String(error)
}

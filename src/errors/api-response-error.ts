import { DialkitError } from './dialkit-error.js'

/**
 * One entry of the server's `errors[]`, in camelCase.
 *
 * @example
 * ```ts
 * const fieldErrors = error.errors.filter((entry) => entry.meta.paramName === 'phone_number')
 * ```
 */
export interface ApiError {
  /** Machine-readable, e.g. `form_code_incorrect`, `too_many_requests`; branch on this, not on the text. */
  code: string
  /** Short text, e.g. `is incorrect`. */
  message: string
  /** The full sentence (wire `long_message`); `undefined` when the server sent none. */
  longMessage: string | undefined
  /** The wire `meta`; `{}` when there was none. */
  meta: ApiErrorMeta
}

/** The wire `meta` of an error, every key camelCased (`param_name` as `paramName`). @example error.errors[0]?.meta.paramName // 'code' */
export interface ApiErrorMeta {
  /** The form field the error is about (`phone_number`, `code`, ...), in the server's snake_case. */
  paramName?: string
  /** Any other `meta` key, camelCased the same way by `dialkit` and `dialkit/backend` (`session_id` as `sessionId`). */
  [key: string]: unknown
}

/**
 * What `new ApiResponseError()` takes, e.g. to fake a server error in a test.
 *
 * @example
 * ```ts
 * new ApiResponseError({ status: 429, errors: [], retryAfter: 30 })
 * ```
 */
export interface ApiResponseErrorInit {
  /** HTTP status of the answer. */
  status: number
  /** The server's `errors[]`, already camelCase; may be empty. */
  errors: ApiError[]
  /** Seconds, as {@link ApiResponseError.retryAfter}. */
  retryAfter?: number | undefined
  /** As {@link ApiResponseError.traceId}. */
  traceId?: string | undefined
  /** The original failure, kept as the error's `cause`. */
  cause?: unknown
}

/**
 * The server answered with an error status. `errors[0]` is the main reason.
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (isApiResponseError(error) && error.code === 'form_code_incorrect') showFieldError('code', error.message)
 *   if (isApiResponseError(error) && error.retryAfter) startCooldown(error.retryAfter)
 * }
 * ```
 */
export class ApiResponseError extends DialkitError {
  /** Always `'ApiResponseError'`, also across realms, where `instanceof` fails. */
  override name = 'ApiResponseError' as const
  // Fields are `declare`d and set in the constructor, like the resources': no class-field emit on the first load.
  /** HTTP status, e.g. 422 for a rejected field, 429 when throttled. */
  declare readonly status: number
  /** Every error the body listed, frozen; empty when the body was not Clerk's shape (e.g. a proxy's page). */
  declare readonly errors: readonly ApiError[]
  /** Seconds to wait before retrying, from a 429's `Retry-After`. */
  declare readonly retryAfter: number | undefined
  /** The server's `clerk_trace_id`, else its `cf-ray` header (where readable), for support requests. */
  declare readonly traceId: string | undefined

  constructor(init: ApiResponseErrorInit) {
    const first = init.errors[0]
    super(first ? (first.longMessage ?? first.message) : `Request failed with status ${init.status}`, {
      cause: init.cause,
    })
    this.status = init.status
    this.errors = Object.freeze(init.errors.map((error) => Object.freeze({ ...error, meta: Object.freeze({ ...error.meta }) })))
    this.retryAfter = init.retryAfter
    this.traceId = init.traceId
  }

  /** The first error's code, e.g. `form_code_incorrect`; `unknown_error` when the body had none. */
  get code(): string {
    return this.errors[0]?.code ?? 'unknown_error'
  }

  /** The first error's field, e.g. `phone_number` or `code`. */
  get paramName(): string | undefined {
    return this.errors[0]?.meta.paramName
  }
}

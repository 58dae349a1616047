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
  code: string
  message: string
  longMessage: string | undefined
  meta: ApiErrorMeta
}

/** The wire `meta` of an error, with `param_name` as `paramName`. @example error.errors[0]?.meta.paramName // 'code' */
export interface ApiErrorMeta {
  /** The form field the error is about (`phone_number`, `code`, ...), in the server's snake_case. */
  paramName?: string
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
  status: number
  errors: ApiError[]
  retryAfter?: number | undefined
  traceId?: string | undefined
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
  override name = 'ApiResponseError' as const
  // Fields are `declare`d and set in the constructor, like the resources': no class-field emit on the first load.
  declare readonly status: number
  declare readonly errors: readonly ApiError[]
  /** Seconds to wait before retrying, from a 429's `Retry-After`. */
  declare readonly retryAfter: number | undefined
  /** The server's `clerk_trace_id`, for support requests. */
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

import type { ApiResponseError } from './api-response-error.js'
import { DIALKIT_ERROR_BRAND, type DialkitError } from './dialkit-error.js'
import type { NetworkError } from './network-error.js'
import type { ValidationError } from './validation-error.js'

/**
 * True for any dialkit error, even one from another realm or another copy of dialkit.
 *
 * @example
 * if (isDialkitError(error)) showToast(error.message); else throw error
 */
export function isDialkitError(value: unknown): value is DialkitError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[DIALKIT_ERROR_BRAND] === true
}

/**
 * True for an {@link ApiResponseError}, from any realm or copy of dialkit.
 *
 * @example if (isApiResponseError(error) && error.status === 429) wait(error.retryAfter)
 */
export function isApiResponseError(value: unknown): value is ApiResponseError {
  return isDialkitError(value) && value.name === 'ApiResponseError'
}

/**
 * True for a {@link NetworkError}, from any realm or copy of dialkit.
 *
 * @example if (isNetworkError(error)) retryLater()
 */
export function isNetworkError(value: unknown): value is NetworkError {
  return isDialkitError(value) && value.name === 'NetworkError'
}

/**
 * True for a {@link ValidationError}, from any realm or copy of dialkit.
 *
 * @example if (isValidationError(error)) showFieldError(error.paramName, error.message)
 */
export function isValidationError(value: unknown): value is ValidationError {
  return isDialkitError(value) && value.name === 'ValidationError'
}

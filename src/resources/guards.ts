import { invalid } from '../client/config.js'
import { createNetworkError } from '../errors/network-error.js'
import type { FapiResult } from '../client/transport.js'

/**
 * A code is 4–10 digits once spaces are removed (people paste `123 456`).
 *
 * @throws ValidationError `code_invalid` (paramName `code`)
 */
export function normalizeCode(code: unknown): string {
  const digits = typeof code === 'string' ? code.replace(/\s+/g, '') : ''
  if (!/^\d{4,10}$/.test(digits)) {
    invalid('code', 'code_invalid', 'The code must be 4 to 10 digits')
  }
  return digits
}

/** @throws ValidationError `param_invalid` when `value` is not a boolean. */
export function requireBoolean(value: unknown, paramName: string): boolean {
  if (typeof value !== 'boolean') {
    invalid(paramName, 'param_invalid')
  }
  return value
}

/** @throws ValidationError `param_invalid` when `value` is not a non-empty string. */
export function requireString(value: unknown, paramName: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    invalid(paramName, 'param_invalid')
  }
  return value
}

/**
 * The envelope's `response`, checked to be an object with the given string fields; a 2xx without it
 * is as useless as garbage, so it is a `malformed_response`.
 */
export function expectResponse<T>(result: FapiResult<unknown> | null, fields: string[]): T {
  const response = result?.response as Record<string, unknown> | null | undefined
  if (!response || typeof response !== 'object' || fields.some((field) => typeof response[field] !== 'string')) {
    throw createNetworkError('malformed_response', `The answer lacks ${fields.join(', ')}`)
  }
  return response as T
}

import { invalid } from '../client/config.js'

/**
 * A code is 4–10 digits once spaces are removed (people paste `123 456`).
 *
 * @throws ValidationError `code_invalid` (paramName `code`)
 */
export function normalizeCode(code: unknown): string {
  const digits = typeof code === 'string' ? code.replace(/\s+/g, '') : ''
  if (!/^\d{4,10}$/.test(digits)) {
    invalid('code', 'code_invalid', '4 to 10 digits')
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

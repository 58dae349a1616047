// Input checks that run before any request, so a bad call sends nothing and fails with a ValidationError
// naming the offending field in the server's snake_case.
import { ValidationError } from '../errors/validation-error.js'

const SECRET_KEY = /^sk_(test|live)_\S+$/
// E.164: up to 15 digits, no leading zero. Separators people paste are tolerated and stripped.
const E164_DIGITS = /^\+?[1-9]\d{6,14}$/
const SEPARATORS = /[\s().-]/g

export function checkSecretKey(value: unknown): string {
  if (typeof value !== 'string' || !SECRET_KEY.test(value)) {
    throw new ValidationError('config_invalid', 'secretKey must look like sk_test_... or sk_live_...', {
      paramName: 'secret_key',
    })
  }
  return value
}

/** Returns the base URL with `/v1` appended once, whether or not the caller included it. */
export function checkApiUrl(value: unknown): string {
  let url: URL
  try {
    url = new URL(String(value))
  } catch (error) {
    throw new ValidationError('config_invalid', `apiUrl is not a URL: ${String(value)}`, { paramName: 'api_url', cause: error })
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ValidationError('config_invalid', 'apiUrl must be an http(s) URL', { paramName: 'api_url' })
  }
  const base = `${url.origin}${url.pathname}`.replace(/\/+$/, '')
  return base.endsWith('/v1') ? base : `${base}/v1`
}

export function checkTimeout(value: unknown): number {
  if (value === undefined) return 10_000
  // Up to 2^31-1 ms, what timers hold: a larger one fires at once in a browser, and AbortSignal.timeout()
  // throws a RangeError on every call past 2^32-1 in Node.
  if (typeof value !== 'number' || !(value > 0 && value <= 2_147_483_647)) {
    throw new ValidationError('config_invalid', 'timeout must be 1 to 2147483647 milliseconds', { paramName: 'timeout' })
  }
  return value
}

/** An id that goes into a path: non-empty, and encoded so it can never add path segments. */
export function checkId(value: unknown, paramName: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ValidationError('param_invalid', `${paramName} must be a non-empty string`, { paramName })
  }
  return encodeURIComponent(value)
}

/** Normalizes to E.164 with `+`, the form the server stores. */
export function checkPhoneNumber(value: unknown, paramName = 'phone_number'): string {
  const compact = typeof value === 'string' ? value.replace(SEPARATORS, '') : ''
  if (!E164_DIGITS.test(compact)) {
    throw new ValidationError('phone_number_invalid', `${paramName} must be an E.164 number such as +14155552671`, {
      paramName,
    })
  }
  return compact.startsWith('+') ? compact : `+${compact}`
}

export function checkOptionalBoolean(value: unknown, paramName: string): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value
  throw new ValidationError('param_invalid', `${paramName} must be a boolean`, { paramName })
}

export function checkOptionalString(value: unknown, paramName: string): string | undefined {
  if (value === undefined || typeof value === 'string') return value
  throw new ValidationError('param_invalid', `${paramName} must be a string`, { paramName })
}

export function checkOptionalPositiveInteger(value: unknown, paramName: string): number | undefined {
  if (value === undefined || (Number.isInteger(value) && (value as number) > 0)) return value as number | undefined
  throw new ValidationError('param_invalid', `${paramName} must be a positive integer`, { paramName })
}

export function checkParams(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValidationError('param_invalid', `${what} expects an object of parameters`)
  }
  return value as Record<string, unknown>
}

/** Drops undefined values: the Backend API reads a present `null` as "clear", an absent key as "keep". */
export function compact(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined))
}

// A lone string where a list is expected is the classic mistake (`phoneNumber: '+1...'`); say so up front.
export function checkOptionalStringList(value: unknown, paramName: string): string[] | undefined {
  if (value === undefined) return undefined
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value
  throw new ValidationError('param_invalid', `${paramName} must be an array of strings`, { paramName })
}

export function checkOptionalInteger(value: unknown, paramName: string, min: number, max: number): number | undefined {
  if (value === undefined || (Number.isInteger(value) && (value as number) >= min && (value as number) <= max)) return value as number | undefined
  throw new ValidationError('param_invalid', `${paramName} must be an integer from ${min} to ${max}`, { paramName })
}

/** `?a=1&b=x&b=y` from the defined entries (lists repeat their key); empty when there are none. */
export function queryString(params: Record<string, string | number | string[] | undefined>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    for (const item of value === undefined ? [] : [value].flat()) search.append(key, String(item))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}

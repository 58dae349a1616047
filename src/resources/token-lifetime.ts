import { ValidationError } from '../errors/validation-error.js'

/**
 * How long a session JWT lives, in ms: `exp - iat` from its payload. The lifetime, not `exp` itself, because
 * `exp` is on the server's clock and the device's may be off by minutes; measured from when the token
 * arrived, the cache never outlives the token (a device clock off by more than the token's life breaks
 * nothing either). Nothing is verified here: the app's server does that.
 *
 * @throws ValidationError `json_invalid` when `jwt` is not a JWT with numeric `iat` and `exp`
 */
export function readTokenLifetime(jwt: unknown): number {
  let claims: { iat?: unknown; exp?: unknown } | undefined
  try {
    const payload = (jwt as string).split('.')[1]!
    claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')))
  } catch {
    // Not a string, not three parts, not base64url, not JSON: all the same damaged answer.
  }
  const { iat, exp } = claims ?? {}
  if (typeof iat !== 'number' || typeof exp !== 'number' || typeof jwt !== 'string') throw new ValidationError('json_invalid', 'json_invalid')
  return (exp - iat) * 1000
}

import { randomBytes } from 'node:crypto'

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** Clerk-looking id such as `idn_2x7…` (prefix + 27 base62 chars; the slight modulo bias is fine, ids are not secrets). */
export function createId(prefix: string): string {
  const bytes = randomBytes(27)
  let out = ''
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length]
  return `${prefix}_${out}`
}

/** Opaque bearer token (client tokens, sign-in tickets): 32 random bytes, base64url. */
export function createToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Trace id for error bodies, like Clerk's `clerk_trace_id`. */
export function createTraceId(): string {
  return randomBytes(16).toString('hex')
}

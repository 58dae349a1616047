// Session JWTs for FAPI's `POST /v1/client/sessions/{id}/tokens`. clerk-js only decodes them (it reads
// `exp`/`iat` to cache and refresh, `sid`/`sub` to match the session); nothing in the emulator verifies
// them, so HS256 over the secret key is enough and keeps the key set out of the emulator.
import { createHmac } from 'node:crypto'
import type { SessionRecord } from './state.js'

/** Clerk's session tokens live 60 seconds; clerk-js refreshes them shortly before `exp`. */
export const SESSION_TOKEN_SECONDS = 60

export interface SessionTokenInput {
  session: SessionRecord
  /** Issuer: the Frontend API URL. */
  issuer: string
  /** The page's origin (`azp`), when the request had one. */
  origin: string | undefined
  nowMs: number
  secretKey: string
}

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

/** A signed `header.payload.signature` JWT with Clerk's v2 session claims. */
export function createSessionToken({ session, issuer, origin, nowMs, secretKey }: SessionTokenInput): string {
  const iat = Math.floor(nowMs / 1000)
  const claims = {
    ...(origin ? { azp: origin } : {}),
    exp: iat + SESSION_TOKEN_SECONDS,
    fva: [0, -1],
    iat,
    iss: issuer,
    nbf: iat - 10,
    sid: session.id,
    sts: 'active',
    sub: session.userId,
    v: 2,
  }
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`
  return `${unsigned}.${createHmac('sha256', secretKey).update(unsigned).digest('base64url')}`
}

// Session JWTs for FAPI's `POST /v1/client/sessions/{id}/tokens`: RS256 with the instance's key and
// Clerk's v2 session claims, so the app's backend verifies them with Clerk's own `@clerk/backend`
// (networkless with the PEM, or through the JWKS) exactly as it would a real instance's tokens.
import { SignJWT } from 'jose'
import type { SigningKey } from './signing-key.js'
import type { SessionRecord } from './state.js'

/** Clerk's session tokens live 60 seconds; clerk-js refreshes them shortly before `exp`. */
export const SESSION_TOKEN_SECONDS = 60
/** Clerk backdates `nbf` a little so a verifier whose clock runs behind still accepts a fresh token. */
const NOT_BEFORE_LEEWAY_SECONDS = 10

export interface SessionTokenInput {
  session: SessionRecord
  /** Issuer: the Frontend API URL. */
  issuer: string
  /** The page's origin (`azp`), when the request had one. */
  origin: string | undefined
  nowMs: number
  key: SigningKey
}

/**
 * The claims `@clerk/backend` checks (`sub`, `iss`, `azp`, `exp`, `nbf`, `iat`) and those clerk-js and
 * `auth()` read (`sid`, `sts`, `v`, `fva`). `fva` is minutes since the first and second factor were
 * verified; -1 means "no second factor".
 */
export function sessionClaims({ session, issuer, origin, nowMs }: Omit<SessionTokenInput, 'key'>) {
  const iat = Math.floor(nowMs / 1000)
  return {
    ...(origin ? { azp: origin } : {}),
    exp: iat + SESSION_TOKEN_SECONDS,
    fva: [Math.max(0, Math.floor((nowMs - session.createdAt) / 60_000)), -1],
    iat,
    iss: issuer,
    nbf: iat - NOT_BEFORE_LEEWAY_SECONDS,
    sid: session.id,
    sts: 'active',
    sub: session.userId,
    v: 2,
  }
}

/** A signed compact JWS (`header.payload.signature`) whose header names the key (`kid`). */
export function createSessionToken(input: SessionTokenInput): Promise<string> {
  return new SignJWT(sessionClaims(input)).setProtectedHeader({ alg: 'RS256', kid: input.key.kid, typ: 'JWT' }).sign(input.key.privateKey)
}

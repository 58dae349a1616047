// An app's own backend, in a few lines: one protected route that trusts a caller only after Clerk's own
// @clerk/backend has verified the session token the browser SDK got (`client.session.getToken()`), then asks
// the Backend API about that user through dialkit/backend. Against the emulator and against Clerk alike.
import { verifyToken } from '@clerk/backend'
import { Hono } from 'hono'
// In your app: `import { createBackendClient, isApiResponseError } from 'dialkit/backend'`. The demo runs from
// a clone without a build, so it reaches the same entry through its source.
import { createBackendClient, isApiResponseError } from '../../src/backend/index.js'

export interface ServerAppOptions {
  /** The instance's secret key: it reads the user, and fetches the keys that verify tokens. */
  secretKey: string
  /** The Backend API (the emulator's URL, or `https://api.clerk.com`); the JWKS is fetched from `<apiUrl>/v1/jwks`. */
  apiUrl: string
  /** The instance's PEM public key: given, tokens are verified without fetching any key (networkless). */
  jwtKey?: string | undefined
  /** Origins a token may have been minted for (its `azp`); every origin when left out. */
  authorizedParties?: string[] | undefined
  /**
   * How far the issuer's clock may be from this server's, asked per request; @clerk/backend's 5 s when left
   * out. The demo passes its emulator's offset, since "Clock +10 min" mints tokens ten minutes ahead.
   */
  clockSkewInMs?: (() => number) | undefined
}

/** What `GET /api/me` answers for a verified caller. */
export interface MeResponse {
  userId: string
  sessionId: string
  phoneNumbers: Array<{ id: string; phoneNumber: string; verified: boolean; primary: boolean }>
}

/**
 * A Hono app with `GET /api/me`: `Authorization: Bearer <session token>` in, the caller's user and phone
 * numbers out; `401` without a token or with one @clerk/backend refuses (expired, tampered, another instance's).
 *
 * @example
 * ```ts
 * const app = createServerApp({ secretKey: process.env.CLERK_SECRET_KEY!, apiUrl: 'http://localhost:4010' })
 * serve({ fetch: app.fetch, port: 3000 }) // @hono/node-server
 * ```
 */
export function createServerApp({ secretKey, apiUrl, jwtKey, authorizedParties, clockSkewInMs }: ServerAppOptions): Hono {
  const backend = createBackendClient({ secretKey, apiUrl })
  const app = new Hono()
  app.get('/api/me', async (c) => {
    const token = /^Bearer (\S+)$/.exec(c.req.header('authorization') ?? '')?.[1]
    if (!token) return c.json({ error: 'unauthenticated', reason: 'no session token' }, 401)
    let claims: { sub: string; sid?: string }
    try {
      const checks = { authorizedParties, clockSkewInMs: clockSkewInMs?.() }
      claims = await verifyToken(token, jwtKey ? { jwtKey, ...checks } : { secretKey, apiUrl, ...checks })
    } catch (error) {
      // @clerk/backend names why (`token-expired`, `token-invalid-signature`, ...); the caller only needs "no".
      return c.json({ error: 'unauthenticated', reason: (error as { reason?: string }).reason ?? 'token-invalid' }, 401)
    }
    try {
      const user = await backend.users.getUser(claims.sub)
      const me: MeResponse = {
        userId: user.id,
        sessionId: claims.sid ?? '',
        phoneNumbers: user.phoneNumbers.map((phone) => ({
          id: phone.id,
          phoneNumber: phone.phoneNumber,
          verified: phone.verification?.status === 'verified',
          primary: phone.id === user.primaryPhoneNumberId,
        })),
      }
      return c.json(me)
    } catch (error) {
      // A token outlives its user by up to a minute: deleted meanwhile is "not signed in" too.
      if (isApiResponseError(error) && error.status === 404) return c.json({ error: 'unauthenticated', reason: 'user-not-found' }, 401)
      throw error
    }
  })
  return app
}

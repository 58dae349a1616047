import type { Hono } from 'hono'
import type { EmulatorContext } from '../context.js'
import { requireSecretKey } from './bapi-routes.js'
import type { AppEnv } from './types.js'

/**
 * The session-token public key as a JWKS, where Clerk serves it: the Frontend API's public
 * `/.well-known/jwks.json` and the Backend API's `GET /v1/jwks` (secret key), which `@clerk/backend`
 * fetches when it has a secret key but no `jwtKey`.
 */
export function registerJwksRoutes(app: Hono<AppEnv>, ctx: EmulatorContext): void {
  const jwks = () => ({ keys: [ctx.signingKeys.get().publicJwk] })
  app.get('/.well-known/jwks.json', (c) => c.json(jwks()))
  app.get('/v1/jwks', requireSecretKey(ctx), (c) => c.json(jwks()))
}

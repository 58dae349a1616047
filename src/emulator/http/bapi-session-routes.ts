import type { Hono } from 'hono'
import { randomBytes } from 'node:crypto'
import type { EmulatorContext } from '../context.js'
import { revokeSession } from '../domain/session-lifecycle.js'
import { formParamValueInvalid, resourceNotFound } from '../errors.js'
import { bapiSessionJSON } from '../json/bapi-session-json.js'
import type { SessionRecord } from '../state.js'
import { requireSecretKey } from './bapi-routes.js'
import { queryPage } from './query.js'
import type { AppEnv } from './types.js'

const STATUSES = ['abandoned', 'active', 'ended', 'expired', 'removed', 'replaced', 'revoked']
/** Testing tokens live an hour, as the spec's example shows (`expires_at` in seconds). */
const TESTING_TOKEN_SECONDS = 3600

/** BAPI sessions (`GET /v1/sessions`, `GET /v1/sessions/{id}`, `POST …/revoke`) and `POST /v1/testing_tokens`. */
export function registerBapiSessionRoutes(app: Hono<AppEnv>, ctx: EmulatorContext): void {
  const auth = requireSecretKey(ctx)
  // Newest first; `paginated=true` (what @clerk/backend sends) wraps the page as `{ data, total_count }`.
  app.get('/v1/sessions', auth, (c) => {
    const { user_id: userId, client_id: clientId, status } = c.req.query()
    if (status !== undefined && !STATUSES.includes(status)) throw formParamValueInvalid('status')
    const keep = (s: SessionRecord) => (!userId || s.userId === userId) && (!clientId || s.clientId === clientId) && (!status || s.status === status)
    const found = [...ctx.store.sessions.values()].filter(keep).sort((a, b) => b.createdAt - a.createdAt)
    const { limit, offset } = queryPage(c)
    const data = found.slice(offset, offset + limit).map(bapiSessionJSON)
    return c.json(c.req.query('paginated') === 'true' ? { data, total_count: found.length } : data)
  })
  app.get('/v1/sessions/:id', auth, (c) => {
    const session = ctx.store.sessions.get(c.req.param('id'))
    if (!session) throw resourceNotFound('session_id')
    return c.json(bapiSessionJSON(session))
  })
  app.post('/v1/sessions/:id/revoke', auth, async (c) => {
    const session = revokeSession(ctx, c.req.param('id'))
    await ctx.changed()
    return c.json(bapiSessionJSON(session))
  })
  // Clerk's FAPI lets these past its bot checks; the emulator has none, so a token is only ever handed out.
  app.post('/v1/testing_tokens', auth, (c) => {
    const issued = Math.floor(ctx.clock.now() / 1000)
    return c.json({ object: 'testing_token', token: `${issued}-${randomBytes(24).toString('base64url')}`, expires_at: issued + TESTING_TOKEN_SECONDS })
  })
}

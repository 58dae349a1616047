import type { Hono } from 'hono'
import { deleteCookie } from 'hono/cookie'
import type { EmulatorContext } from '../context.js'
import { createDevBrowser } from '../domain/dev-browser.js'
import { destroyClient, endSession, removeClientSessions } from '../domain/session-lifecycle.js'
import { clientJSON, sessionJSON } from '../json/client-json.js'
import { resolveClient } from './fapi-auth.js'
import { respond } from './respond.js'
import type { AppEnv } from './types.js'

/**
 * The rest of the session life clerk-js 6.40 goes through: `signOut()` (`DELETE /v1/client/sessions`,
 * or `DELETE /v1/client` with `persistClient: false`), `session.end()`, and the development-instance
 * dev-browser handshake.
 */
export function registerFapiLifecycleRoutes(app: Hono<AppEnv>, ctx: EmulatorContext): void {
  app.delete('/v1/client/sessions', async (c) => {
    const client = await resolveClient(c, ctx)
    removeClientSessions(ctx, client)
    await ctx.changed()
    return respond(c, ctx, clientJSON(ctx.store, client, ctx.clock.now()))
  })

  // The client is gone: no token goes back, the cookie is cleared, and the piggybacked client is null.
  app.delete('/v1/client', async (c) => {
    const client = await resolveClient(c, ctx)
    destroyClient(ctx, client)
    await ctx.changed()
    c.set('client', undefined)
    deleteCookie(c, '__client', { path: '/' })
    return c.json({ response: clientJSON(ctx.store, client, ctx.clock.now()), client: null })
  })

  app.post('/v1/client/sessions/:session_id/end', async (c) => {
    const client = await resolveClient(c, ctx)
    const session = endSession(ctx, client, c.req.param('session_id'))
    await ctx.changed()
    return respond(c, ctx, sessionJSON(ctx.store, session, ctx.clock.now()))
  })

  // clerk-js reads `id` (the JWT) and sends it back as `__clerk_db_jwt` on every request.
  app.post('/v1/dev_browser', async (c) => {
    const jwt = await createDevBrowser(ctx)
    await ctx.changed()
    return c.json({ object: 'dev_browser', id: jwt })
  })
}

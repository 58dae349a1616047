import type { Hono } from 'hono'
import type { EmulatorContext } from '../context.js'
import { removeSession } from '../domain/sessions.js'
import { clientJSON, sessionJSON } from '../json/client-json.js'
import { environmentJSON } from '../json/environment-json.js'
import { resolveClient } from './fapi-auth.js'
import { respond } from './respond.js'
import type { AppEnv } from './types.js'

/** GET|PATCH /v1/environment, GET /v1/client and sign-out (sign-in lives in fapi-sign-in-routes.ts). */
export function registerFapiClientRoutes(app: Hono<AppEnv>, ctx: EmulatorContext): void {
  app.get('/v1/environment', (c) => c.json(environmentJSON(ctx.config)))
  // clerk-js with development keys loads the environment with PATCH (Clerk records the origin); same body.
  app.patch('/v1/environment', (c) => c.json(environmentJSON(ctx.config)))

  app.get('/v1/client', async (c) => {
    const client = await resolveClient(c, ctx)
    return respond(c, ctx, clientJSON(ctx.store, client, ctx.clock.now()))
  })

  app.post('/v1/client/sessions/:session_id/remove', async (c) => {
    const client = await resolveClient(c, ctx)
    const session = removeSession(ctx, client, c.req.param('session_id'))
    await ctx.changed()
    return respond(c, ctx, sessionJSON(ctx.store, session, ctx.clock.now()))
  })
}

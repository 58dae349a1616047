import type { Hono } from 'hono'
import * as v from 'valibot'
import type { EmulatorContext } from '../context.js'
import { removeSession, signInWithTicket } from '../domain/sessions.js'
import { formParamNil } from '../errors.js'
import { clientJSON, sessionJSON } from '../json/client-json.js'
import { environmentJSON } from '../json/environment-json.js'
import { completedSignInJSON } from '../json/sign-in-json.js'
import { readForm, validate } from './body.js'
import { resolveClient } from './fapi-auth.js'
import { respond } from './respond.js'
import type { AppEnv } from './types.js'

// Only the ticket strategy is emulated; the other sign-in fields clerk-js may send are tolerated.
const SignInForm = v.looseObject({
  strategy: v.picklist(['ticket']),
  ticket: v.optional(v.nullable(v.string())),
})

/** GET|PATCH /v1/environment, GET /v1/client, ticket sign-in and sign-out. */
export function registerFapiClientRoutes(app: Hono<AppEnv>, ctx: EmulatorContext): void {
  app.get('/v1/environment', (c) => c.json(environmentJSON()))
  // clerk-js with development keys loads the environment with PATCH (Clerk records the origin); same body.
  app.patch('/v1/environment', (c) => c.json(environmentJSON()))

  app.get('/v1/client', async (c) => {
    const client = await resolveClient(c, ctx)
    return respond(c, ctx, clientJSON(ctx.store, client, ctx.clock.now()))
  })

  app.post('/v1/client/sign_ins', async (c) => {
    const client = await resolveClient(c, ctx)
    const form = validate(SignInForm, await readForm(c))
    if (typeof form.ticket !== 'string') throw formParamNil('ticket')
    const { user, session } = signInWithTicket(ctx, client, form.ticket)
    await ctx.changed()
    return respond(c, ctx, completedSignInJSON(user, session))
  })

  app.post('/v1/client/sessions/:session_id/remove', async (c) => {
    const client = await resolveClient(c, ctx)
    const session = removeSession(ctx, client, c.req.param('session_id'))
    await ctx.changed()
    return respond(c, ctx, sessionJSON(ctx.store, session, ctx.clock.now()))
  })
}

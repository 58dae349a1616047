import type { Context, Hono } from 'hono'
import * as v from 'valibot'
import type { EmulatorContext } from '../context.js'
import { activeSession, touchSession } from '../domain/sessions.js'
import { sessionJSON } from '../json/client-json.js'
import { createSessionToken } from '../session-token.js'
import { readForm, validate } from './body.js'
import { resolveClient } from './fapi-auth.js'
import { respond } from './respond.js'
import type { AppEnv } from './types.js'

const optionalString = v.optional(v.nullable(v.string()))
// Loose: clerk-js 6.40 adds fields the spec does not list (`tab_state=focused` on tokens). Organizations
// are not emulated: an organization id other than "none" is rejected by the domain.
const TouchForm = v.looseObject({
  active_organization_id: optionalString,
  intent: v.optional(v.nullable(v.picklist(['focus', 'select_session', 'select_org']))),
})
const TokenForm = v.looseObject({ organization_id: optionalString })

function origin(c: Context<AppEnv>): string | undefined {
  const value = c.req.header('origin')
  return value && value !== 'null' ? value : undefined
}

/** Session endpoints clerk-js calls around `setActive()` and `getToken()`: touch and session tokens. */
export function registerFapiSessionRoutes(app: Hono<AppEnv>, ctx: EmulatorContext): void {
  app.post('/v1/client/sessions/:session_id/touch', async (c) => {
    const client = await resolveClient(c, ctx)
    const form = validate(TouchForm, await readForm(c))
    const session = touchSession(ctx, client, c.req.param('session_id'), form.active_organization_id ?? null)
    await ctx.changed()
    return respond(c, ctx, sessionJSON(ctx.store, session, ctx.clock.now()))
  })

  // The spec's 200 is a bare `{ jwt }` (no envelope); clerk-js reads `{ object: 'token', jwt }`.
  app.post('/v1/client/sessions/:session_id/tokens', async (c) => {
    const client = await resolveClient(c, ctx)
    const form = validate(TokenForm, await readForm(c))
    const session = activeSession(ctx, client, c.req.param('session_id'), form.organization_id ?? null)
    // The key first: making it (first token only) can take a while, and the token's times must be those of its signing.
    const key = ctx.signingKeys.get()
    const jwt = await createSessionToken({ session, issuer: ctx.config.baseUrl, origin: origin(c), nowMs: ctx.clock.now(), key })
    return c.json({ object: 'token' as const, jwt })
  })
}

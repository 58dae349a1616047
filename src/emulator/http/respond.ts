import type { Context } from 'hono'
import { setCookie } from 'hono/cookie'
import type { EmulatorContext } from '../context.js'
import { clientJSON } from '../json/client-json.js'
import type { ClientRecord } from '../state.js'
import type { AppEnv } from './types.js'

/** Hands the client token back both ways: `__client` cookie for browsers, `Authorization` header for the rest. */
export function attachClientToken(c: Context<AppEnv>, client: ClientRecord): void {
  c.header('Authorization', client.token)
  setCookie(c, '__client', client.token, { httpOnly: true, sameSite: 'Lax', path: '/' })
}

/** FAPI success body `{ response, client }` with the whole piggybacked client. */
export function respond(c: Context<AppEnv>, ctx: EmulatorContext, response: unknown) {
  const client = c.get('client')
  if (client) attachClientToken(c, client)
  const now = ctx.clock.now()
  return c.json({ response, client: client ? clientJSON(ctx.store, client, now) : null })
}

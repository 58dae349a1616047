import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import type { EmulatorContext } from '../context.js'
import { clientByToken, createClientRecord, currentUser } from '../domain/sessions.js'
import type { ClientRecord, UserRecord } from '../state.js'
import type { AppEnv } from './types.js'

function headerToken(c: Context<AppEnv>): string | undefined {
  const value = c.req.header('authorization')?.trim()
  if (!value) return undefined
  return value.toLowerCase().startsWith('bearer ') ? value.slice(7).trim() : value
}

/**
 * The client of this request: header token first (native/test/cross-origin), then the `__client`
 * cookie; without a valid one a fresh client is created, as Clerk's FAPI does.
 */
export async function resolveClient(c: Context<AppEnv>, ctx: EmulatorContext): Promise<ClientRecord> {
  const known = c.get('client')
  if (known) return known
  const found = clientByToken(ctx, headerToken(c)) ?? clientByToken(ctx, getCookie(c, '__client'))
  const client = found ?? createClientRecord(ctx)
  c.set('client', client)
  if (!found) await ctx.changed()
  return client
}

/** The signed-in user for /v1/me*, honouring `_clerk_session_id`. */
export async function resolveUser(c: Context<AppEnv>, ctx: EmulatorContext): Promise<{ client: ClientRecord; user: UserRecord }> {
  const client = await resolveClient(c, ctx)
  return { client, user: currentUser(ctx, client, c.req.query('_clerk_session_id')) }
}

import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import type { EmulatorContext } from '../context.js'
import { clientOfDevBrowser } from '../domain/dev-browser.js'
import { clientByToken, createClientRecord, currentUser } from '../domain/sessions.js'
import type { ClientRecord, UserRecord } from '../state.js'
import type { AppEnv } from './types.js'

function headerToken(c: Context<AppEnv>): string | undefined {
  const value = c.req.header('authorization')?.trim()
  if (!value) return undefined
  return value.toLowerCase().startsWith('bearer ') ? value.slice(7).trim() : value
}

/** The dev browser JWT as clerk-js sends it (`__clerk_db_jwt` query), the spec's `__dev_session`, or the cookie. */
function devBrowserToken(c: Context<AppEnv>): string | undefined {
  return c.req.query('__clerk_db_jwt') || c.req.query('__dev_session') || getCookie(c, '__clerk_db_jwt') || undefined
}

async function findClient(c: Context<AppEnv>, ctx: EmulatorContext): Promise<{ client: ClientRecord; created: boolean }> {
  const byHeader = clientByToken(ctx, headerToken(c))
  if (byHeader) return { client: byHeader, created: false }
  const devBrowser = devBrowserToken(c)
  if (devBrowser) return clientOfDevBrowser(ctx, devBrowser)
  const byCookie = clientByToken(ctx, getCookie(c, '__client'))
  return byCookie ? { client: byCookie, created: false } : { client: createClientRecord(ctx), created: true }
}

/**
 * The client of this request: header token first (native/test/cross-origin), then the dev browser of a
 * development instance, then the `__client` cookie; without a valid one a fresh client is created, as
 * Clerk's FAPI does.
 */
export async function resolveClient(c: Context<AppEnv>, ctx: EmulatorContext): Promise<ClientRecord> {
  const known = c.get('client')
  if (known) return known
  const { client, created } = await findClient(c, ctx)
  c.set('client', client)
  if (created) await ctx.changed()
  return client
}

/** The signed-in user for /v1/me*, honouring `_clerk_session_id`. */
export async function resolveUser(c: Context<AppEnv>, ctx: EmulatorContext): Promise<{ client: ClientRecord; user: UserRecord }> {
  const client = await resolveClient(c, ctx)
  return { client, user: currentUser(ctx, client, c.req.query('_clerk_session_id')) }
}

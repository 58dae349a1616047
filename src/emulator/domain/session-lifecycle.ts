// How sessions end: signed out by the client (one, all of them, or the whole client) or revoked by the
// backend. Every path goes through closeSession, so the client's session list and last active session
// never point at a session that is no longer active.
import type { EmulatorContext } from '../context.js'
import { resourceNotFound } from '../errors.js'
import type { ClientRecord, SessionRecord, SessionStatus } from '../state.js'

/** Gives the session its final status and takes it off its client. */
export function closeSession(ctx: EmulatorContext, session: SessionRecord, status: Exclude<SessionStatus, 'active'>): void {
  const now = ctx.clock.now()
  session.status = status
  session.updatedAt = now
  const client = ctx.store.clients.get(session.clientId)
  if (!client) return
  client.sessionIds = client.sessionIds.filter((id) => id !== session.id)
  if (client.lastActiveSessionId === session.id) client.lastActiveSessionId = client.sessionIds.at(-1) ?? null
  client.updatedAt = now
}

function activeSessionsOf(ctx: EmulatorContext, client: ClientRecord): SessionRecord[] {
  return client.sessionIds.flatMap((id) => {
    const session = ctx.store.sessions.get(id)
    return session?.status === 'active' ? [session] : []
  })
}

/** `POST /v1/client/sessions/{id}/end`: one active session of this client; anything else is "not found". */
export function endSession(ctx: EmulatorContext, client: ClientRecord, sessionId: string): SessionRecord {
  const session = ctx.store.sessions.get(sessionId)
  if (!session || session.clientId !== client.id || session.status !== 'active') throw resourceNotFound('session_id')
  closeSession(ctx, session, 'ended')
  return session
}

/** `DELETE /v1/client/sessions` (clerk-js `signOut()`): every session removed, the client itself kept. */
export function removeClientSessions(ctx: EmulatorContext, client: ClientRecord): void {
  for (const session of activeSessionsOf(ctx, client)) closeSession(ctx, session, 'removed')
  client.lastActiveSessionId = null
}

/**
 * `DELETE /v1/client` (clerk-js `signOut()` with `persistClient: false`): the sessions are removed and
 * the client forgotten, so its token and its dev browser no longer reach it; the next request gets a
 * fresh client.
 */
export function destroyClient(ctx: EmulatorContext, client: ClientRecord): void {
  removeClientSessions(ctx, client)
  ctx.store.clients.delete(client.id)
  ctx.store.clientTokens.delete(client.token)
  if (client.devBrowserId) ctx.store.devBrowsers.delete(client.devBrowserId)
}

/** BAPI `POST /v1/sessions/{id}/revoke`: any client's session; revoking a closed one changes nothing. */
export function revokeSession(ctx: EmulatorContext, sessionId: string): SessionRecord {
  const session = ctx.store.sessions.get(sessionId)
  if (!session) throw resourceNotFound('session_id')
  if (session.status === 'active') closeSession(ctx, session, 'revoked')
  return session
}

/** A deleted user's sessions are revoked wherever they are signed in. */
export function revokeUserSessions(ctx: EmulatorContext, userId: string): void {
  for (const session of ctx.store.sessions.values()) {
    if (session.userId === userId && session.status === 'active') closeSession(ctx, session, 'revoked')
  }
}

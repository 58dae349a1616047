import type { EmulatorContext } from '../context.js'
import { authenticationInvalid, resourceNotFound, ticketExpired, ticketInvalid } from '../errors.js'
import { createId, createToken } from '../ids.js'
import type { ClientRecord, SessionRecord, SignInTokenRecord, UserRecord } from '../state.js'
import { getUser, touchUser } from './users.js'

const DAY_MS = 24 * 60 * 60 * 1000
const SESSION_LIFETIME_MS = 7 * DAY_MS
const SESSION_ABANDON_MS = 30 * DAY_MS
/** BAPI default for `expires_in_seconds` (spec: 2592000). */
export const DEFAULT_TICKET_SECONDS = 2_592_000

export function createClientRecord(ctx: EmulatorContext): ClientRecord {
  const now = ctx.clock.now()
  const client: ClientRecord = {
    id: createId('client'),
    token: createToken(),
    sessionIds: [],
    lastActiveSessionId: null,
    lastAuthenticationStrategy: null,
    signInId: null,
    signUpId: null,
    createdAt: now,
    updatedAt: now,
  }
  ctx.store.clients.set(client.id, client)
  ctx.store.clientTokens.set(client.token, client.id)
  return client
}

export function clientByToken(ctx: EmulatorContext, token: string | undefined): ClientRecord | undefined {
  const id = token ? ctx.store.clientTokens.get(token) : undefined
  return id === undefined ? undefined : ctx.store.clients.get(id)
}

export function createSignInToken(ctx: EmulatorContext, userId: string, expiresInSeconds = DEFAULT_TICKET_SECONDS): SignInTokenRecord {
  getUser(ctx, userId)
  const now = ctx.clock.now()
  const record: SignInTokenRecord = {
    id: createId('sit'),
    token: createToken(),
    userId,
    status: 'pending',
    expiresAt: now + expiresInSeconds * 1000,
    createdAt: now,
    updatedAt: now,
  }
  ctx.store.signInTokens.set(record.id, record)
  ctx.store.tickets.set(record.token, record.id)
  return record
}

/**
 * Opens an active session for the user on the client and makes it the last active one: the end of
 * every sign-in (ticket, phone code) and sign-up. A completed sign-in or sign-up leaves the client.
 */
export function openSession(ctx: EmulatorContext, client: ClientRecord, user: UserRecord, strategy: string): SessionRecord {
  const now = ctx.clock.now()
  const session: SessionRecord = {
    id: createId('sess'),
    clientId: client.id,
    userId: user.id,
    status: 'active',
    expireAt: now + SESSION_LIFETIME_MS,
    abandonAt: now + SESSION_ABANDON_MS,
    lastActiveAt: now,
    createdAt: now,
    updatedAt: now,
  }
  ctx.store.sessions.set(session.id, session)
  client.sessionIds.push(session.id)
  client.lastActiveSessionId = session.id
  client.lastAuthenticationStrategy = strategy
  client.signInId = null
  client.signUpId = null
  client.updatedAt = now
  user.lastSignInAt = now
  touchUser(ctx, user)
  return session
}

/** Redeems a sign-in token once and opens an active session on the client. */
export function signInWithTicket(ctx: EmulatorContext, client: ClientRecord, ticket: string): { session: SessionRecord; user: UserRecord } {
  const id = ctx.store.tickets.get(ticket)
  const record = id === undefined ? undefined : ctx.store.signInTokens.get(id)
  const user = record && ctx.store.users.get(record.userId)
  if (!record || !user || record.status !== 'pending') throw ticketInvalid()
  const now = ctx.clock.now()
  if (now > record.expiresAt) throw ticketExpired()
  record.status = 'accepted'
  record.updatedAt = now
  return { session: openSession(ctx, client, user, 'ticket'), user }
}

/** Signs one session out of this client; a session of another client is "not found". */
export function removeSession(ctx: EmulatorContext, client: ClientRecord, sessionId: string): SessionRecord {
  const session = ctx.store.sessions.get(sessionId)
  if (!session || session.clientId !== client.id || session.status !== 'active') throw resourceNotFound('session_id')
  const now = ctx.clock.now()
  session.status = 'removed'
  session.updatedAt = now
  client.sessionIds = client.sessionIds.filter((id) => id !== sessionId)
  if (client.lastActiveSessionId === sessionId) client.lastActiveSessionId = client.sessionIds.at(-1) ?? null
  client.updatedAt = now
  return session
}

/**
 * An active, unexpired session of this client; anything else is "not found". Organizations are not
 * emulated, so only "no organization" (absent or empty) is accepted.
 */
export function activeSession(ctx: EmulatorContext, client: ClientRecord, sessionId: string, organizationId: string | null): SessionRecord {
  const session = ctx.store.sessions.get(sessionId)
  if (!session || session.clientId !== client.id || session.status !== 'active' || session.expireAt < ctx.clock.now()) {
    throw resourceNotFound('session_id')
  }
  if (organizationId) throw resourceNotFound('organization_id')
  return session
}

/** `touch`: marks the session active now and makes it the client's last active one (clerk-js `setActive`). */
export function touchSession(ctx: EmulatorContext, client: ClientRecord, sessionId: string, organizationId: string | null): SessionRecord {
  const session = activeSession(ctx, client, sessionId, organizationId)
  const now = ctx.clock.now()
  session.lastActiveAt = now
  session.updatedAt = now
  client.lastActiveSessionId = session.id
  client.updatedAt = now
  return session
}

/**
 * The signed-in user for /v1/me*: `_clerk_session_id` when given, else the client's last active
 * session. Anything else is 401, which Clerk clients treat as "signed out".
 */
export function currentUser(ctx: EmulatorContext, client: ClientRecord, sessionId: string | undefined): UserRecord {
  const id = sessionId || client.lastActiveSessionId
  const session = id ? ctx.store.sessions.get(id) : undefined
  if (!session || session.clientId !== client.id || session.status !== 'active' || session.expireAt < ctx.clock.now()) {
    throw authenticationInvalid()
  }
  const user = ctx.store.users.get(session.userId)
  if (!user) throw authenticationInvalid()
  return user
}

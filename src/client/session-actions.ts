import { DialkitError } from '../errors/index.js'
import type { ClientResource } from '../resources/client-resource.js'
import { callOptions, type CallOptions } from '../resources/coalesce.js'
import type { ResourceContext } from '../resources/context.js'
import { requireString } from '../resources/guards.js'
import { Session } from '../resources/session.js'
import type { SessionStore } from '../store/session-store.js'
import type { ClientJSON, SessionJSON, SignInJSON } from '../wire/index.js'

/** What the client-level operations share: the resource context and the store they feed. */
export interface SessionDeps {
  context: ResourceContext
  sessions: SessionStore
}

/** `GET /v1/client`; the answer's `response` is the client itself (its `client` is often null). */
export async function loadClient({ context, sessions }: SessionDeps, options?: CallOptions): Promise<ClientResource | null> {
  const result = await context.request<ClientJSON | null>({ method: 'GET', path: '/client', ...callOptions(options) })
  sessions.setClient(result?.response ?? result?.client ?? null)
  const client = sessions.store.get().client
  context.events.emit('client:updated', client)
  return client
}

/** `POST /v1/client/sign_ins` with `strategy=ticket`; resolves once the piggybacked client has the session. */
export async function signInWithTicket({ context, sessions }: SessionDeps, params: { ticket: string } & CallOptions): Promise<Session> {
  const ticket = requireString(params?.ticket, 'ticket')
  const body = { strategy: 'ticket', ticket }
  const result = await context.request<SignInJSON>({ method: 'POST', path: '/client/sign_ins', body, ...callOptions(params) })
  const session = sessions.store.get().session
  if (result?.response?.status !== 'complete' || !session) {
    throw new DialkitError(`Sign-in did not complete (status ${String(result?.response?.status)})`)
  }
  context.events.emit('session:created', session)
  return session
}

/** `POST /v1/client/sessions/{id}/remove` for the active session; nothing to do when signed out. */
export async function signOut({ context, sessions }: SessionDeps, options?: CallOptions): Promise<void> {
  const session = sessions.store.get().session
  if (!session) return
  const path = `/client/sessions/${encodeURIComponent(session.id)}/remove`
  const result = await context.request<SessionJSON>({ method: 'POST', path, ...callOptions(options) })
  const removed = result?.response?.id ? new Session(result.response, context) : session
  context.events.emit('session:removed', removed)
}

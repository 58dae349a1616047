import type { SessionRecord } from '../state.js'

/** BAPI `Session`. */
export function bapiSessionJSON(session: SessionRecord) {
  return {
    object: 'session' as const,
    id: session.id,
    user_id: session.userId,
    client_id: session.clientId,
    actor: null,
    status: session.status,
    last_active_organization_id: null,
    last_active_at: session.lastActiveAt,
    expire_at: session.expireAt,
    abandon_at: session.abandonAt,
    updated_at: session.updatedAt,
    created_at: session.createdAt,
  }
}

import type { TokenStorage } from '../client/token-storage.js'
import type { SessionJSON } from '../wire/index.js'
import type { SessionDeps } from './client-operations.js'
import type { CallOptions } from './coalesce.js'
import { runOperation } from './operation.js'
import { Session, type SessionConstructor } from './session.js'

/**
 * `POST /v1/client/sessions/{id}/remove` for the active session (nothing to send when signed out), then the
 * stored client token is forgotten, so a reload or a client sharing the storage starts signed out. A failed
 * removal keeps both: the session is still there.
 */
export async function signOut({ context, store, tokens }: SessionDeps & { tokens: TokenStorage }, options?: CallOptions): Promise<void> {
  const session = store.get().session
  if (session) {
    const path = `/client/sessions/${encodeURIComponent(session.id)}/remove`
    const build = (result: { response: unknown } | null) => {
      const json = result?.response as SessionJSON | null
      return json?.id ? new (Session as unknown as SessionConstructor)(json, context) : session
    }
    await runOperation(context, { method: 'POST', path, build, emit: 'session:removed' }, options)
  }
  tokens.set(null)
}

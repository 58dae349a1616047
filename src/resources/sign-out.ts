import type { SessionJSON } from '../wire/index.js'
import type { SessionDeps } from './client-operations.js'
import type { CallOptions } from './coalesce.js'
import { runOperation } from './operation.js'
import { Session } from './session.js'

/** `POST /v1/client/sessions/{id}/remove` for the active session; nothing to do when signed out. */
export async function signOut({ context, store }: SessionDeps, options?: CallOptions): Promise<void> {
  const session = store.get().session
  if (!session) return
  const path = `/client/sessions/${encodeURIComponent(session.id)}/remove`
  const build = (result: { response: unknown } | null) => {
    const json = result?.response as SessionJSON | null
    return json?.id ? new Session(json, context) : session
  }
  await runOperation(context, { method: 'POST', path, build, emit: 'session:removed' }, options)
}

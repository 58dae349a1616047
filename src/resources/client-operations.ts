import type { SessionStore } from '../store/session-store.js'
import type { ClientJSON } from '../wire/index.js'
import type { ClientResource } from './client-resource.js'
import type { CallOptions } from './coalesce.js'
import type { ResourceContext } from './context.js'
import { runOperation } from './operation.js'

/** What the client-level operations share: the resource context and the session store they feed. */
export interface SessionDeps extends SessionStore {
  readonly context: ResourceContext
}

/** `GET /v1/client`; the answer's `response` is the client itself (its `client` is often null). */
export async function loadClient({ context, store, setClient }: SessionDeps, options?: CallOptions): Promise<ClientResource | null> {
  const build = (result: { response: unknown; client?: ClientJSON } | null) => {
    setClient((result?.response as ClientJSON | null) ?? result?.client ?? null)
    return store.get().client
  }
  return runOperation(context, { method: 'GET', path: '/client', build, emit: 'client:updated' }, options)
}

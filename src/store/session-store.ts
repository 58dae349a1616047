import { ClientResource, type ClientResourceConstructor } from '../resources/client-resource.js'
import type { ResourceContext } from '../resources/context.js'
import type { Session } from '../resources/session.js'
import type { User } from '../resources/user.js'
import type { ClientJSON } from '../wire/index.js'
import { createAtom, type ReadableStore } from './atom.js'

/**
 * `unloaded` until `client.load()` (or any answer carrying a client) arrived.
 *
 * @example
 * if (client.store.get().status === 'signed-out') showSignIn()
 */
export type SessionStatus = 'unloaded' | 'signed-out' | 'signed-in'

/**
 * A frozen snapshot of the session state; a new object whenever anything changed.
 *
 * @example
 * ```ts
 * const { status, user } = client.store.get()
 * if (status === 'signed-in') render(user!.phoneNumbers)
 * ```
 */
export interface SessionState {
  /** `signed-in` exactly when `session` is set. */
  readonly status: SessionStatus
  /** The latest client the server sent; `null` until loaded. */
  readonly client: ClientResource | null
  /** The client's active session; `null` when signed out or not loaded. */
  readonly session: Session | null
  /** The active session's user; `null` when signed out or not loaded. */
  readonly user: User | null
}

/** The store plus the setter only the client holds. */
export interface SessionStore {
  readonly store: ReadableStore<SessionState>
  /** Replaces the state with this client; notifies nobody if the client JSON is unchanged. */
  setClient(json: ClientJSON | null): void
}

const UNLOADED: SessionState = Object.freeze({ status: 'unloaded', client: null, session: null, user: null })

/**
 * Creates the session store fed by every piggybacked client.
 *
 * @example
 * ```ts
 * const { store, setClient } = createSessionStore(context)
 * store.listen((state) => console.log(state.status))
 * ```
 */
export function createSessionStore(context: ResourceContext): SessionStore {
  // The store apps read has no `set`: only the client's answers change the session.
  const { set, ...store } = createAtom<SessionState>(UNLOADED)
  let last: string | undefined
  return {
    store,
    setClient(json) {
      // Comparing the wire JSON keeps "no notification when nothing changed" cheap and exact.
      const key = JSON.stringify(json)
      if (key === last) return
      const next = toState(json, context)
      // Answers may arrive out of order; the server bumps the user's updated_at on every change, so one
      // carrying an older version of the user we hold is stale and must not undo the newer state.
      // Only when both carry a timestamp: a missing one proves nothing.
      const held = store.get().user
      const incoming = next.user
      if (held?.updatedAt && incoming?.updatedAt && incoming.id === held.id && incoming.updatedAt < held.updatedAt) return
      last = key
      set(next)
    },
  }
}

function toState(json: ClientJSON | null, context: ResourceContext): SessionState {
  const client = json !== null ? new (ClientResource as unknown as ClientResourceConstructor)(json, context) : null
  const session = client?.activeSession ?? null
  return Object.freeze({ status: session ? 'signed-in' : 'signed-out', client, session, user: session?.user ?? null })
}

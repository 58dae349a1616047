import { createEmitter, listen, type DialkitEventName, type DialkitEvents } from '../events.js'
import type { ClientResource } from '../resources/client-resource.js'
import { loadClient } from '../resources/client-operations.js'
import type { CallOptions } from '../resources/coalesce.js'
import { CONTEXT, createContext, type ResourceContext } from '../resources/context.js'
import { toNetworkError } from '../errors/network-error.js'
import type { Session } from '../resources/session.js'
import type { User } from '../resources/user.js'
import type { ReadableStore } from '../store/atom.js'
import { createSessionStore, type SessionState, type SessionStore } from '../store/session-store.js'
import { resolveConfig, type CreateClientOptions } from './config.js'
import { createTransport } from './transport.js'

/**
 * A dialkit client: one Frontend API, one session store, one event emitter.
 *
 * @example
 * ```ts
 * const client: DialkitClient = createClient({ frontendApi: 'http://localhost:4010' })
 * await client.load()
 * if (!client.user) await client.signIn({ ticket })
 * ```
 */
export interface DialkitClient {
  /** The Frontend API base URL, e.g. `http://localhost:4010`. */
  readonly frontendApi: string
  /** Session state with the nanostores contract (`get`, `listen`, `subscribe`). */
  readonly store: ReadableStore<SessionState>
  /** The signed-in user, `null` when signed out or not loaded yet. */
  readonly user: User | null
  /** The active session (follows the store), `null` when signed out or not loaded yet. `client.session?.getToken()` proves it to your server. */
  readonly session: Session | null
  /** `GET /v1/client`: fills the store. Emits `client:updated`. */
  load(options?: CallOptions): Promise<ClientResource | null>
  /** Signs in with a sign-in token (`strategy=ticket`). Emits `session:created`. */
  signIn(params: { ticket: string } & CallOptions): Promise<Session>
  /** Removes the active session and forgets a stored client token; sends nothing when signed out. Emits `session:removed`. */
  signOut(options?: CallOptions): Promise<void>
  /** Listens to a typed event; returns the unsubscribe function. */
  on<E extends DialkitEventName>(event: E, listener: DialkitEvents[E]): () => void
  /** Stops cross-tab sync and closes its channel; the client keeps working in this tab alone. */
  close(): void
}

export type { CreateClientOptions }

/**
 * Creates a client. Nothing is sent until you call a method; a bad key or option throws here.
 *
 * @throws ValidationError `publishable_key_invalid`, `config_invalid`
 * @example
 * ```ts
 * const client = createClient({ publishableKey: 'pk_test_bG9jYWxob3N0OjQwMTAk' })
 * await client.load()
 * client.store.listen(({ user }) => render(user))
 * ```
 */
export function createClient(options: CreateClientOptions): DialkitClient {
  const config = resolveConfig(options)
  // The transport's callbacks only run on a request, after `client` and `sessionStore` below exist.
  const request = createTransport({
    ...config,
    sessionId: () => client.session?.id,
    onClient: (json) => sessionStore.setClient(json),
  })
  // Signing in and out and session tokens are not in the first load: their code (`sessionOperations` below)
  // arrives with the first call.
  const getToken: ResourceContext['getToken'] = (session, options) => sessionOperations().then((lazy) => lazy.getToken(deps, session, options))
  const context = createContext(request, createEmitter(), getToken, () => client.user)
  const sessionStore = createSessionStore(context)
  // No client on the server means the stored token names nothing: forget it, so the next call starts afresh.
  const setClient: SessionStore['setClient'] = (json) => (json || config.tokens.set(null), sessionStore.setClient(json))
  const deps = { ...sessionStore, context, setClient, tokens: config.tokens }
  // A chunk that cannot be fetched is a NetworkError, like any request that never got an answer.
  const sessionOperations = () =>
    import('../resources/session-lazy.js').catch((cause: unknown) => {
      throw toNetworkError(cause, config.baseUrl)
    })
  const client: DialkitClient & { [CONTEXT]: ResourceContext } = {
    [CONTEXT]: context,
    frontendApi: config.baseUrl,
    store: sessionStore.store,
    get user() {
      return sessionStore.store.get().user
    },
    get session() {
      return sessionStore.store.get().session
    },
    load: (options) => loadClient(deps, options),
    // Only the ticket step of sign-in is reachable from createClient().
    signIn: (params) => sessionOperations().then((lazy) => lazy.signIn(deps, params)),
    signOut: (options) => sessionOperations().then((lazy) => lazy.signOut(deps, options)),
    on: (event, listener) => listen(context.events, event, listener),
    close: () => void (sync && sync.then((stop) => stop?.())),
  }
  // The sync code is its own chunk, outside the first load. Closing waits for it, so a close() made before the
  // chunk arrived still closes the channel, in the same task, before any message can arrive. A chunk that
  // fails to load leaves this tab working alone, without an unhandled rejection.
  const sync = config.crossTab !== false && import('../sync/sync-lazy.js').then((lazy) => lazy.startSync(client, deps, config), () => undefined)
  return client
}


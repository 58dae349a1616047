import type { DialkitClient } from '../client/create-client.js'
import type { Transport } from '../client/transport.js'
import { invalid } from '../client/config.js'
import type { DialkitEmitter } from '../events.js'
import type { ReadableStore } from '../store/atom.js'
import type { SessionState } from '../store/session-store.js'
import type { CallOptions, CoalescedRequest } from './coalesce.js'
import type { Session } from './session.js'
import type { User } from './user.js'

/**
 * What a resource needs to act: the Frontend API transport and the emitter of its client, plus the
 * bookkeeping that must outlive single instances (they are immutable, so it cannot live on them). Internal:
 * apps hand resources their client (`PhoneNumber.fromJSON(json, client)`), never this.
 */
export interface ResourceContext {
  /** Sends Frontend API calls and feeds every piggybacked client to the store. */
  readonly request: Transport
  /** The client's emitter; operations emit on it after the store has the new state. */
  readonly events: DialkitEmitter
  /** Ids of numbers destroyed through this client; stale instances of them are refused. */
  readonly destroyed: Set<string>
  /** Coalesced calls in flight (`prepareVerification`, ...), keyed by method, path and body, so a double click sends one SMS. */
  readonly inFlight: Map<string, CoalescedRequest<unknown>>
  /**
   * What `session.getToken()` asks: `createClient()` loads the token code on the first call. A context built
   * by hand has none, and its sessions' `getToken()` resolves to `null` (there is no client to ask).
   */
  readonly getToken?: ((session: Session, options?: GetTokenOptions) => Promise<string | null>) | undefined
  /** The store's user now, for an operation whose answer changes the user without being one (new backup codes). */
  readonly user?: (() => User | null) | undefined
}

/**
 * Options of `session.getToken()`.
 *
 * @example
 * ```ts
 * const fresh = await client.session?.getToken({ skipCache: true, timeout: 5000 })
 * ```
 */
export interface GetTokenOptions extends CallOptions {
  /** Asks the server for a new token even if the cached one is still fresh. Default `false`. */
  skipCache?: boolean | undefined
}

/** What the client-level resources (sign-in, sign-up) need of a client: its context and its store. */
export interface ClientDeps {
  readonly context: ResourceContext
  readonly store: ReadableStore<SessionState>
}

/** Builds a context from a transport and an emitter (and what `session.getToken()` calls); `createClient()` does this. */
export function createContext(request: Transport, events: DialkitEmitter, getToken?: ResourceContext['getToken'], user?: ResourceContext['user']): ResourceContext {
  return { request, events, destroyed: new Set(), inFlight: new Map(), getToken, user }
}

/**
 * The key a client keeps its resources' context under: a symbol no public type names, so the context stays
 * out of `Object.keys`, JSON and autocompletion; `createClient()` sets it once.
 */
export const CONTEXT = Symbol()

/**
 * The context of `client`'s resources, for `fromJSON(json, client)`.
 *
 * @throws ValidationError `param_invalid` (paramName `client`) for anything `createClient()` did not return
 */
export function contextOf(client: unknown): ResourceContext {
  return (client as { [CONTEXT]?: ResourceContext } | null)?.[CONTEXT] ?? invalid('client', 'param_invalid')
}

/** What a sign-in or sign-up needs of `client`: its context and its store. @throws as {@link contextOf} */
export function depsOf(client: DialkitClient): ClientDeps {
  return { context: contextOf(client), store: client.store }
}


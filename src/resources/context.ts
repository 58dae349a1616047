import { toNetworkError } from '../errors/network-error.js'
import type { Transport } from '../client/transport.js'
import type { DialkitEmitter } from '../events.js'
import type { CallOptions, CoalescedRequest } from './coalesce.js'
import type { Session } from './session.js'

/**
 * What a resource needs to act: the Frontend API transport and the emitter of its client, plus the
 * bookkeeping that must outlive single instances (they are immutable, so it cannot live on them).
 * Get one from `client.context`; resources never read globals.
 *
 * @example
 * const phone = PhoneNumber.fromJSON(savedJSON, client.context)
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
  /** The Frontend API URL, named by the `NetworkError` of a lazy chunk that cannot be fetched. */
  readonly url: string | undefined
  /**
   * What `session.getToken()` asks: `createClient()` loads the token code on the first call. A context built
   * by hand has none, and its sessions' `getToken()` resolves to `null` (there is no client to ask).
   */
  readonly getToken?: ((session: Session, options?: GetTokenOptions) => Promise<string | null>) | undefined
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

/**
 * Builds a context from a transport and an emitter (and what `session.getToken()` calls, if anything).
 * `createClient()` does this for you.
 *
 * @example
 * const context = createContext(client.context.request, createEmitter())
 */
export function createContext(request: Transport, events: DialkitEmitter, url?: string, getToken?: ResourceContext['getToken']): ResourceContext {
  return { request, events, destroyed: new Set(), inFlight: new Map(), url, getToken }
}

/**
 * Loads a lazy chunk of resource code. One that cannot be fetched (offline, a deploy that removed it) is a
 * `NetworkError`, like a request that never got an answer.
 */
export function loadChunk<T>(context: ResourceContext, load: () => Promise<T>): Promise<T> {
  return load().catch((cause: unknown) => {
    throw toNetworkError(cause, `${context.url}`)
  })
}

import { toNetworkError } from '../errors/network-error.js'
import type { Transport } from '../client/transport.js'
import type { DialkitEmitter } from '../events.js'
import type { CoalescedRequest } from './coalesce.js'

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
}

/**
 * Builds a context from a transport and an emitter. `createClient()` does this for you.
 *
 * @example
 * const context = createContext(client.context.request, createEmitter())
 */
export function createContext(request: Transport, events: DialkitEmitter, url?: string): ResourceContext {
  return { request, events, destroyed: new Set(), inFlight: new Map(), url }
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

import type { FapiRequest, FapiResult } from '../client/transport.js'
import type { DialkitEventName, DialkitEvents } from '../events.js'
import { checkTimeout, invalid } from '../client/config.js'
import { coalesce, type CallOptions, type CoalescedRequest } from './coalesce.js'
import type { ResourceContext } from './context.js'
import { createNetworkError } from '../errors/network-error.js'
import type { ValidationError } from '../errors/validation-error.js'

/** The events whose listener takes a `T`, so an operation can only announce what it built. */
export type EventFor<T> = { [E in DialkitEventName]: DialkitEvents[E] extends (value: T) => void ? E : never }[DialkitEventName]

/**
 * One Frontend API call of a resource, described rather than performed: {@link runOperation} sends it,
 * checks the answer, builds the new instance and announces it.
 */
export interface Operation<T> extends Omit<FapiRequest, 'signal' | 'timeout'> {
  /** Checks the answer's shape and builds the new instance from it; throws `malformed_response` if it cannot. */
  build: (result: FapiResult<unknown> | null) => T
  /** Emitted once with the new instance, after the store has the new state. */
  emit?: EventFor<T>
  /** Identical calls in flight (same method, path and body) share one request: a double click sends one SMS. */
  coalesce?: boolean
}

/**
 * The one path every resource operation takes: per-call options checked before any I/O, request, answer
 * checked, new instance built, one event. Nothing is emitted when any step fails, and the store only ever
 * changes through the piggybacked client the transport already applied.
 *
 * @throws ValidationError `param_invalid` (paramName `signal` or `timeout`) for anything but an AbortSignal and
 * 1 to 2^31-1 ms, before anything is sent
 */
export function runOperation<T>(context: ResourceContext, operation: Operation<T>, options?: CallOptions): Promise<T> {
  // Only these two travel from a caller's options into the request, whatever else the object holds; both
  // are checked first, so a bad one sends nothing and never joins (or leaves dangling) a shared request.
  const { signal, timeout } = options ?? {}
  // Duck-typed, not `instanceof`: a signal from an iframe is a real AbortSignal of another realm.
  if (signal !== undefined && typeof signal?.throwIfAborted !== 'function') invalid('signal', 'param_invalid')
  checkTimeout(timeout, 'param_invalid')
  const { build, emit } = operation
  // The transport reads only the request's own fields, so the operation travels as it is.
  const send = async (signal?: AbortSignal) => {
    let next: T
    try {
      next = build(await context.request({ ...operation, signal, timeout }))
    } catch (error) {
      // Damaged JSON from the server (the answer or its piggybacked client) is the server's fault.
      throw (error as ValidationError).code == 'json_invalid' ? createNetworkError('malformed_response', error) : error
    }
    // EventFor<T> guarantees the listener takes a T; TypeScript cannot see that through the mapped type.
    if (emit) (context.events as unknown as { emit(event: string, value: T): void }).emit(emit, next)
    return next
  }
  if (!operation.coalesce) return send(signal)
  // Keyed by method, path and body (JSON skips the functions): two prepares for different numbers differ.
  return coalesce(context.inFlight as Map<string, CoalescedRequest<T>>, JSON.stringify(operation), send, signal)
}

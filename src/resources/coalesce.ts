import { createNetworkError, type NetworkError } from '../errors/network-error.js'

/** One shared request and how many callers still wait for it: the values of `ResourceContext.inFlight`. */
export interface CoalescedRequest<T> {
  /** The one request every caller waits on. */
  promise: Promise<T>
  /** Aborts the shared request; fired only when the last waiter aborts. */
  controller: AbortController
  /** Callers still waiting; the entry leaves the map when it settles or this reaches 0. */
  waiters: number
}

/**
 * Per-call options every operation takes.
 *
 * @example
 * ```ts
 * const controller = new AbortController()
 * await phone.prepareVerification({ signal: controller.signal, timeout: 5000 })
 * ```
 */
export interface CallOptions {
  /** Cancels the call; it then rejects with `NetworkError` reason `aborted`. */
  signal?: AbortSignal | undefined
  /** Milliseconds before the call fails with `NetworkError` reason `timeout`; the client's default otherwise. */
  timeout?: number | undefined
}

/**
 * Joins the request in flight under `key`, or starts one. The shared request is only aborted when every
 * caller waiting for it has aborted, so one impatient tab does not cancel the SMS another one awaits.
 */
export function coalesce<T>(
  inFlight: Map<string, CoalescedRequest<T>>,
  key: string,
  start: (signal: AbortSignal) => Promise<T>,
  signal: AbortSignal | undefined,
): Promise<T> {
  if (signal?.aborted) return Promise.reject(abortError(signal.reason))
  let entry = inFlight.get(key)
  // Only the entry still in the map may be forgotten: a newer request may have taken the key meanwhile.
  const forget = () => inFlight.get(key) === entry && inFlight.delete(key)
  if (!entry) {
    const controller = new AbortController()
    inFlight.set(key, (entry = { promise: start(controller.signal), controller, waiters: 0 }))
    entry.promise.then(forget, forget)
  }
  const shared = entry
  shared.waiters++
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      if (!--shared.waiters) {
        // Forgotten at once, not when it settles: a caller arriving meanwhile must not join a cancelled request.
        forget()
        shared.controller.abort(signal?.reason)
      }
      reject(abortError(signal?.reason))
    }
    // No `once` needed: a signal aborts at most once.
    signal?.addEventListener('abort', onAbort)
    shared.promise.then(resolve, reject).finally(() => signal?.removeEventListener('abort', onAbort))
  })
}

function abortError(cause: unknown): NetworkError {
  return createNetworkError('aborted', cause)
}

import { createNetworkError, type NetworkError } from '../errors/network-error.js'

/**
 * One shared request and how many callers still wait for it: the values of `ResourceContext.inFlight`.
 *
 * @example
 * ```ts
 * const pending: CoalescedRequest<PhoneNumber> | undefined = client.context.inFlight.get(phone.id)
 * ```
 */
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

/** Only these two travel from a caller's options into a request, whatever else the object holds. */
export function callOptions(options: CallOptions | undefined): CallOptions {
  return { signal: options?.signal, timeout: options?.timeout }
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
  if (!entry) {
    const controller = new AbortController()
    const promise = start(controller.signal).finally(() => forget(inFlight, key, shared))
    const shared: CoalescedRequest<T> = { promise, controller, waiters: 0 }
    inFlight.set(key, (entry = shared))
  }
  return join(inFlight, key, entry, signal)
}

function join<T>(inFlight: Map<string, CoalescedRequest<T>>, key: string, entry: CoalescedRequest<T>, signal: AbortSignal | undefined): Promise<T> {
  entry.waiters++
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      if (--entry.waiters === 0) {
        // Forgotten at once, not when it settles: a caller arriving meanwhile must not join a cancelled request.
        forget(inFlight, key, entry)
        entry.controller.abort(signal?.reason)
      }
      reject(abortError(signal?.reason))
    }
    signal?.addEventListener('abort', onAbort, { once: true })
    entry.promise
      .then(resolve, reject)
      .finally(() => signal?.removeEventListener('abort', onAbort))
  })
}

function forget<T>(inFlight: Map<string, CoalescedRequest<T>>, key: string, entry: CoalescedRequest<T>): void {
  if (inFlight.get(key) === entry) inFlight.delete(key)
}

function abortError(cause: unknown): NetworkError {
  return createNetworkError('aborted', cause)
}

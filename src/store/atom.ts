import { callListener } from './call-listener.js'

/**
 * The nanostores read contract, so `useSyncExternalStore(store.listen, store.get)` and nanostores adapters work.
 *
 * @example
 * ```ts
 * const off = client.store.subscribe((state) => render(state.user))
 * const user = useSyncExternalStore(client.store.listen, () => client.store.get().user)
 * ```
 */
export interface ReadableStore<T> {
  /** The current value. */
  get(): T
  /** Calls `listener` on every change (not now). Returns the unsubscribe function. */
  listen(listener: (value: T, oldValue: T) => void): () => void
  /** Calls `listener` now and on every change. Returns the unsubscribe function. */
  subscribe(listener: (value: T, oldValue: T | undefined) => void): () => void
}

/** A store plus its private setter. */
export interface WritableStore<T> extends ReadableStore<T> {
  set(value: T): void
}

/**
 * A minimal atom: `set` with the same value (`Object.is`) notifies nobody, and a throwing listener neither
 * stops the others nor the write (its error goes to `reportError`, or `console.error` where that is missing).
 * A `set` made by a listener is queued, as nanostores does: notifying at once would let the listeners after
 * it end on the older value. So every listener sees every value, in order, and ends on the latest.
 */
export function createAtom<T>(initial: T): WritableStore<T> {
  let value = initial
  const listeners = new Set<(value: T, oldValue: T) => void>()
  const queue: Array<[value: T, oldValue: T]> = []
  const store: WritableStore<T> = {
    get: () => value,
    listen(listener) {
      // Wrapping gives every subscription its own identity, so the same function can listen twice.
      const entry = (next: T, old: T) => listener(next, old)
      listeners.add(entry)
      return () => listeners.delete(entry)
    },
    subscribe(listener) {
      const off = store.listen(listener)
      listener(value, undefined)
      return off
    },
    set(next) {
      if (Object.is(value, next)) return
      queue.push([next, value])
      value = next
      // The outermost set drains the queue; for-of over an array also visits what is pushed meanwhile. A
      // listener that unsubscribed before its turn is skipped, so a torn-down UI is not called.
      if (queue.length < 2) {
        for (const [next, old] of queue) for (const listener of [...listeners]) if (listeners.has(listener)) callListener(listener, next, old)
        queue.length = 0
      }
    },
  }
  return store
}

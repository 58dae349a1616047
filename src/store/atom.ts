import { reportListenerError } from './report-error.js'

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
 */
export function createAtom<T>(initial: T): WritableStore<T> {
  let value = initial
  const listeners = new Set<(value: T, oldValue: T) => void>()
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
      const old = value
      value = next
      for (const listener of [...listeners]) notify(listener, next, old)
    },
  }
  return store
}

function notify<T>(listener: (value: T, oldValue: T) => void, next: T, old: T): void {
  try {
    listener(next, old)
  } catch (error) {
    reportListenerError(error)
  }
}

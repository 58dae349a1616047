/** A store plus the setter only the flow holds. */
export interface WritableFlowStore<T extends object> {
  get(): T
  listen(listener: (value: T, oldValue: T) => void): () => void
  subscribe(listener: (value: T, oldValue: T | undefined) => void): () => void
  /** Merge a patch; announces a new frozen snapshot only if some field changed. */
  set(patch: Partial<T>): void
  /** Drop every listener (on destroy), so a forgotten subscription cannot keep a UI alive. */
  clear(): void
}

/**
 * A tiny nanostores-style store for flat state objects. Snapshots are frozen so a UI cannot mutate them,
 * and a patch that changes nothing notifies nobody, so `useSyncExternalStore` does not re-render on ticks
 * that change no number.
 */
export function createFlowStore<T extends object>(initial: T): WritableFlowStore<T> {
  let value: T = Object.freeze({ ...initial })
  let listeners: Array<(value: T, oldValue: T) => void> = []

  function listen(listener: (value: T, oldValue: T) => void): () => void {
    listeners = [...listeners, listener]
    return () => {
      listeners = listeners.filter((other) => other !== listener)
    }
  }

  function set(patch: Partial<T>): void {
    const changed = (Object.keys(patch) as Array<keyof T>).some((key) => !Object.is(value[key], patch[key]))
    if (!changed) return
    const oldValue = value
    value = Object.freeze({ ...value, ...patch })
    // Iterate a copy: a listener may unsubscribe itself or others while we notify.
    for (const listener of listeners) notify(listener, value, oldValue)
  }

  return {
    get: () => value,
    listen,
    subscribe(listener) {
      listener(value, undefined)
      return listen(listener)
    },
    set,
    clear() {
      listeners = []
    },
  }
}

function notify<T>(listener: (value: T, oldValue: T) => void, value: T, oldValue: T): void {
  try {
    listener(value, oldValue)
  } catch (error) {
    // One broken listener must not starve the others nor make a flow method reject.
    reportLater(error)
  }
}

function reportLater(error: unknown): void {
  const report = (globalThis as { reportError?: (error: unknown) => void }).reportError
  if (typeof report === 'function') report(error)
  else
    setTimeout(() => {
      throw error
    }, 0)
}

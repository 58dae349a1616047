import { createAtom, type ReadableStore } from '../store/atom.js'

/** A store plus the setter only the flow holds. */
export interface WritableFlowStore<T extends object> extends ReadableStore<T> {
  /** Merge a patch; announces a new frozen snapshot only if some field changed. */
  set(patch: Partial<T>): void
  /** Drop every listener (on destroy), so a forgotten subscription cannot keep a UI alive. */
  clear(): void
}

/**
 * The session store's atom with a merging setter for flat state objects. Snapshots are frozen so a UI
 * cannot mutate them, and a patch that changes nothing notifies nobody, so `useSyncExternalStore` does
 * not re-render on ticks that change no number. Listener errors are reported as the atom reports them.
 */
export function createFlowStore<T extends object>(initial: T): WritableFlowStore<T> {
  const atom = createAtom<T>(Object.freeze({ ...initial }))
  const subscriptions = new Set<() => void>()
  const listen: ReadableStore<T>['listen'] = (listener) => {
    const off = atom.listen(listener)
    subscriptions.add(off)
    return () => {
      subscriptions.delete(off)
      off()
    }
  }
  return {
    get: atom.get,
    listen,
    subscribe(listener) {
      listener(atom.get(), undefined)
      return listen(listener)
    },
    set(patch) {
      const value = atom.get()
      const changed = (Object.keys(patch) as Array<keyof T>).some((key) => !Object.is(value[key], patch[key]))
      if (changed) atom.set(Object.freeze({ ...value, ...patch }))
    },
    clear() {
      for (const off of subscriptions) off()
      subscriptions.clear()
    },
  }
}

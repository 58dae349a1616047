import { createAtom, type ReadableStore } from '../store/atom.js'

/** A store plus the setter only the flow holds. */
export interface WritableFlowStore<T> extends ReadableStore<T> {
  /** Replace the snapshot; the same snapshot (`Object.is`) notifies nobody. */
  set(value: T): void
  /** Drop every listener (on destroy), so a forgotten subscription cannot keep a UI alive. */
  clear(): void
}

/**
 * The session store's atom, so the flow shares its contract and its rules (no notification for the same
 * value, listener errors reported, not thrown), plus `clear()`. The reducer hands back the same frozen
 * snapshot when nothing changed, so `useSyncExternalStore` does not re-render on ticks that change no number.
 */
export function createFlowStore<T>(initial: T): WritableFlowStore<T> {
  const atom = createAtom<T>(initial)
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
    // Listening first, then the call, as the atom (and nanostores) do: a set made by that first call still
    // reaches this listener, so it ends on the latest snapshot.
    subscribe(listener) {
      const off = listen(listener)
      listener(atom.get(), undefined)
      return off
    },
    set: atom.set,
    clear() {
      for (const off of subscriptions) off()
      subscriptions.clear()
    },
  }
}

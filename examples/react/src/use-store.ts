import type { ReadableStore } from 'dialkit'
import { useSyncExternalStore } from 'react'

/**
 * Reads a dialkit store (client session or verification flow). The stores hand out frozen snapshots and
 * only notify on real changes, which is exactly what `useSyncExternalStore` needs to skip re-renders.
 */
export function useStore<T>(store: ReadableStore<T>): T {
  return useSyncExternalStore(store.listen, store.get, store.get)
}

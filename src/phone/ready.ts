import type { ReadableStore } from '../store/atom.js'
import { loadPhone, phoneIfLoaded } from './load.js'

/**
 * `true` once the phone helpers (the lazy libphonenumber-js chunk) have loaded, so `phone.format()` and
 * `formatPhone()` format instead of returning E.164. Like a nanostores store with `onMount`, the first
 * listener starts the load; listeners hear the one change from `false` to `true`. A failed load (offline)
 * stays `false`, and the next listener tries again. A UI that renders `format()` re-renders on it:
 * `useSyncExternalStore(phoneHelpersReady.listen, phoneHelpersReady.get, () => false)`.
 *
 * @example
 * ```ts
 * const off = phoneHelpersReady.subscribe((ready) => ready && renderList())
 * ```
 */
export const phoneHelpersReady: ReadableStore<boolean> = {
  get: () => phoneIfLoaded() !== undefined,
  listen(listener) {
    if (phoneIfLoaded()) return () => undefined
    let listening = true
    // No state of its own: the loader's shared promise is the event, so the add-and-verify first load
    // (which never imports this store) carries no listener bookkeeping.
    loadPhone().then(
      () => listening && listener(true, false),
      () => undefined,
    )
    return () => {
      listening = false
    }
  },
  subscribe(listener) {
    listener(phoneHelpersReady.get(), undefined)
    return phoneHelpersReady.listen(listener)
  },
}

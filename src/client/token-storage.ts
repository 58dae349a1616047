import { invalid } from './config.js'

/**
 * Where header auth keeps the client token (the `Authorization` value the Frontend API hands out), so a
 * reload or a second client finds the same Clerk client. Synchronous on purpose: the token must go out
 * with the very first request without an extra wait, every answer's token must land in order (an async
 * write could be overtaken by the next one), and the browser's own stores (`localStorage`,
 * `sessionStorage`, a cookie) are synchronous. An app with an async store (IndexedDB, a native keychain)
 * reads it before `createClient()` and passes a pair that writes through.
 *
 * @example
 * ```ts
 * const tokenStorage: TokenStorage = {
 *   get: () => sessionStorage.getItem('client-token'),
 *   set: (token) => (token ? sessionStorage.setItem('client-token', token) : sessionStorage.removeItem('client-token')),
 * }
 * const client = createClient({ frontendApi: 'https://clerk.example.com', authMode: 'header', tokenStorage })
 * ```
 */
export interface TokenStorage {
  /** The stored token; `null` or `undefined` when there is none. Read before every request. */
  get(): string | null | undefined
  /** Keeps a new token, or forgets it on `null` (sign-out, or the server has no client for it). */
  set(token: string | null): void
}

/**
 * Turns `createClient`'s `tokenStorage` option into a storage: in memory by default, `localStorage` under a
 * key per Frontend API (memory-less where there is none, as in SSR), or the app's own pair.
 */
export function resolveTokenStorage(option: unknown, baseUrl: string): TokenStorage {
  const key = `dialkit:client:${baseUrl}`
  // Read on each use, not at creation: SSR has no localStorage, and a blocked one throws only when touched.
  const local = () => globalThis.localStorage
  let held: string | null | undefined
  const storage = (option == 'localStorage'
    ? { get: () => local()?.getItem(key), set: (token: string | null) => void local()?.[token ? 'setItem' : 'removeItem'](key, token as string) }
    : option == null || option == 'memory'
      ? { get: () => held, set: (token: string | null) => void (held = token) }
      : option) as Partial<TokenStorage>
  return typeof storage.get == 'function' && typeof storage.set == 'function' ? (storage as TokenStorage) : invalid('token_storage')
}

import { ValidationError, type ValidationErrorCode } from '../errors/index.js'
import type { CrossTabChannelFactory } from '../sync/channel.js'
import { parsePublishableKey, resolveFrontendApi } from './publishable-key.js'
import { resolveTokenStorage, type TokenStorage } from './token-storage.js'

/**
 * Options of `createClient()`. Give `frontendApi` or `publishableKey`.
 *
 * @example
 * ```ts
 * const options: CreateClientOptions = { frontendApi: 'http://localhost:4010', authMode: 'header', timeout: 5000 }
 * ```
 */
export interface CreateClientOptions {
  /** The Frontend API URL or host, e.g. `http://localhost:4010`; a `URL` object works too. */
  frontendApi?: string | URL
  /** A Clerk-style `pk_test_...`/`pk_live_...` key; the Frontend API host is encoded in it. */
  publishableKey?: string
  /**
   * `cookie` (default in a page, where `document` exists): the browser sends the `__client` cookie
   * (`credentials: 'include'`). `header` (default elsewhere: Node, SSR, workers): the client token travels in
   * `Authorization`, also for cross-origin and native use.
   */
  authMode?: 'cookie' | 'header'
  /** Replaces `globalThis.fetch`, e.g. in tests or to add tracing. */
  fetch?: typeof fetch
  /** Per-request timeout in milliseconds. Default 15000. */
  timeout?: number
  /** How often a failed GET is retried (POSTs never are). Default 2. */
  retry?: number
  /**
   * Keeps every tab of this Frontend API in step (a `BroadcastChannel` per Frontend API, opened by
   * `createClient()` and closed by `client.close()`). Default: on where `BroadcastChannel` and `document`
   * exist, off in Node and SSR. `false` turns it off; a {@link CrossTabChannelFactory} replaces the channel.
   */
  crossTab?: boolean | CrossTabChannelFactory
  /**
   * Where header auth keeps the client token, so a reload stays signed in: `'memory'` (default: gone on
   * reload), `'localStorage'` (under `dialkit:client:<frontendApi>`, shared by the tabs of the origin) or a
   * {@link TokenStorage}. Read before every request, written when the server hands out a new token, cleared
   * on `signOut()` and when the server has no client. Given without `authMode`, it selects `'header'`;
   * with `authMode: 'cookie'` it is refused (the cookie is the browser's to keep).
   */
  tokenStorage?: 'memory' | 'localStorage' | TokenStorage
}

export interface ResolvedConfig {
  baseUrl: string
  authMode: 'cookie' | 'header'
  fetch: typeof fetch | undefined
  timeout: number
  retry: number
  crossTab: boolean | CrossTabChannelFactory | undefined
  tokens: TokenStorage
  /** The publishable key when Clerk's dev-browser handshake applies, else undefined. */
  dev: string | undefined
}

/** Checks the options up front, so a typo fails at `createClient()` and not on the first click. */
export function resolveConfig(options: CreateClientOptions): ResolvedConfig {
  // Outside a page (Node, SSR, a worker) there is no cookie jar to keep `__client`: carry the token in a header.
  // Asking to keep the token asks for header auth.
  const { frontendApi, publishableKey, tokenStorage, authMode = tokenStorage || !globalThis.document ? 'header' : 'cookie', timeout = 15_000, retry = 2, fetch, crossTab } = options ?? {}
  if (authMode !== 'cookie' && authMode !== 'header') invalid('auth_mode')
  if (tokenStorage && authMode == 'cookie') invalid('token_storage')
  checkTimeout(timeout)
  if (!Number.isInteger(retry) || retry < 0) invalid('retry')
  if (fetch !== undefined && typeof fetch !== 'function') invalid('fetch')
  if (crossTab != null && typeof crossTab != 'boolean' && typeof crossTab != 'function') invalid('cross_tab')
  // A key is checked even when frontendApi overrides its host (a proxy), so a bad key never slips through.
  const fromKey = publishableKey === undefined ? publishableKey : parsePublishableKey(publishableKey)
  if (frontendApi != null && typeof frontendApi != 'string' && !(frontendApi instanceof URL)) invalid('frontend_api')
  const baseUrl = frontendApi ? resolveFrontendApi(frontendApi) : (fromKey ?? invalid('frontend_api', 'config_invalid', 'No frontendApi or publishableKey'))
  // Clerk's dev-browser handshake, for a development key of a Clerk-hosted development instance only:
  // `pk_test_` whose Frontend API is on `*.accounts.dev` (today's `<slug>.clerk.accounts.dev`) or `*.lcl.dev`
  // (older `clerk.<slug>.lcl.dev`), the hosts clerk-js runs it for. Not for `pk_live_`, nor a `pk_test_` of a
  // local emulator or custom host, nor a bare `frontendApi`; and only in cookie mode: header auth names its
  // client by the token, as Clerk's native SDKs do against development instances.
  // One test over the key and its URL together: `pk_test_` at the start, the host at the end.
  const dev = authMode == 'cookie' && /^pk_test_.*\.(accounts|lcl)\.dev$/.test(publishableKey! + fromKey) ? publishableKey : undefined
  return { baseUrl, authMode, fetch, timeout, retry, crossTab, tokens: resolveTokenStorage(tokenStorage, baseUrl), dev }
}

/**
 * Refuses a timeout ky and `setTimeout` would not honour: anything but milliseconds above 0 that fit in
 * 32 bits (larger ones fire at once). The one check for `createClient`'s default and every call's `timeout`;
 * `undefined` means "not given".
 */
export function checkTimeout(value: unknown, code?: 'param_invalid'): void {
  // typeof first: '5000' > 0 is true, and a string would reach setTimeout.
  if (value !== undefined && !(typeof value === 'number' && value > 0 && value <= 2_147_483_647)) invalid('timeout', code)
}

/** Refuses an input before any I/O: `config_invalid` for `createClient`'s options, `param_invalid` for a call's. */
export function invalid(paramName: string, code: ValidationErrorCode = 'config_invalid', message = `Invalid ${paramName}`): never {
  throw new ValidationError(code, message, { paramName })
}

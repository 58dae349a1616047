import { createClient, type CreateClientOptions, type DialkitClient } from 'dialkit'
import type { BackendClient } from 'dialkit/backend'
import { DialkitError } from '../errors/dialkit-error.js'
import { ValidationError } from '../errors/validation-error.js'

/**
 * A Playwright `BrowserContext`, or anything with its `addCookies`. Typed by shape, so `dialkit/testing` never
 * imports Playwright.
 *
 * @example
 * ```ts
 * const jar: CookieJar = page.context() // or browser.newContext()
 * ```
 */
export interface CookieJar {
  /** Playwright's `browserContext.addCookies()`. */
  addCookies(cookies: Array<{ name: string; value: string; url: string; httpOnly?: boolean; sameSite?: 'Lax' | 'Strict' | 'None' }>): Promise<void>
}

/**
 * A Playwright `Page` (its `context()` is the cookie jar), or a `BrowserContext` itself.
 *
 * @example
 * ```ts
 * await kit.signInPage(page, user)          // a Page
 * await kit.signInPage(page.context(), user) // or its BrowserContext: every page of it is signed in
 * ```
 */
export type PageOrContext = CookieJar | { context(): CookieJar }

/**
 * Options of `kit.signInPage()`.
 *
 * @example
 * ```ts
 * await kit.signInPage(page, user, { url: 'http://localhost:5173' }) // the app proxies /v1 to the emulator
 * ```
 */
export interface SignInPageOptions {
  /**
   * Where the page sends its Frontend API calls: the emulator's URL (default), or the app's own origin when
   * the app's dev server proxies `/v1` to the emulator. The `__client` cookie is set for that URL.
   */
  url?: string
}

/** A user, or just the user's id. */
export type UserRef = string | { id: string }

function userIdOf(user: UserRef): string {
  const id = typeof user === 'string' ? user : (user as { id?: unknown } | null)?.id
  if (typeof id !== 'string' || !id.startsWith('user_')) {
    throw new ValidationError('param_invalid', 'Pass a user (from kit.createUser()) or its user_… id', { paramName: 'user' })
  }
  return id
}

function cookieJarOf(target: PageOrContext): CookieJar {
  const candidate = target as Partial<CookieJar & { context(): CookieJar }> | null
  const jar = typeof candidate?.addCookies === 'function' ? candidate : typeof candidate?.context === 'function' ? candidate.context() : undefined
  if (typeof jar?.addCookies !== 'function') {
    throw new ValidationError('param_invalid', 'signInPage() takes a Playwright Page or BrowserContext (something with addCookies)', { paramName: 'page' })
  }
  return jar as CookieJar
}

/** Signs a fresh header-mode SDK client in as the user with a sign-in token (`strategy=ticket`). */
export async function signInClient(backend: BackendClient, url: string, user: UserRef, options: Omit<CreateClientOptions, 'frontendApi' | 'publishableKey'> = {}): Promise<DialkitClient> {
  const userId = userIdOf(user)
  const client = createClient({ crossTab: false, ...options, frontendApi: url, authMode: 'header' })
  const { token } = await backend.signInTokens.createSignInToken({ userId })
  await client.signIn({ ticket: token })
  return client
}

/**
 * Signs a browser in as the user: a ticket sign-in made from Node, whose client token becomes the page's
 * `__client` cookie (the emulator reads the cookie and the `Authorization` header alike). Any app on that
 * Frontend API, dialkit or clerk-js, loads signed in; nothing runs in the page.
 */
export async function signInPage(backend: BackendClient, emulatorUrl: string, target: PageOrContext, user: UserRef, options: SignInPageOptions = {}): Promise<void> {
  const jar = cookieJarOf(target)
  const url = checkUrl(options.url ?? emulatorUrl)
  let token: string | null = null
  // The SDK's transport keeps the client token to itself; reading it off the answers is all the kit needs.
  const fetchAndKeepToken: typeof fetch = async (input, init) => {
    const response = await fetch(input, init)
    token = response.headers.get('authorization') ?? token
    return response
  }
  await signInClient(backend, url, user, { fetch: fetchAndKeepToken })
  if (!token) throw new DialkitError(`dialkit/testing: ${url} signed in without handing back a client token; is it a dialkit emulator?`)
  await jar.addCookies([{ name: '__client', value: token, url, httpOnly: true, sameSite: 'Lax' }])
}

function checkUrl(url: unknown): string {
  if (typeof url === 'string' && /^https?:\/\/[^/]+/.test(url)) return url.replace(/\/+$/, '')
  throw new ValidationError('param_invalid', `Not an http(s) URL: ${String(url)}`, { paramName: 'url' })
}

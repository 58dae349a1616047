// Clerk's dev-browser handshake, loaded by the transport through a dynamic import() only for a development
// key in cookie mode (see config.ts): none of this is in the first load of an app on a production key.
import type { KyInstance, Options } from 'ky'
import { parseObject } from '../errors/parse-object.js'
import { createNetworkError } from '../errors/network-error.js'
import { createDevBrowserStore } from './dev-browser-cookie.js'
import { API_VERSION, SDK_VERSION } from './version.js'

/** Sends one Frontend API call; the handshake's version adds `__clerk_db_jwt` to it. */
export type Send = (url: string, init: Options) => Promise<Response>

const PARAM = '__clerk_db_jwt'

// A short name: it crosses the chunk boundary unminified.
export { withDevBrowser as dev }

/**
 * Wraps the transport's ky instance for a Clerk development instance, which finds a browser's client by its
 * dev browser rather than by a third-party cookie: the JWT is obtained once (`POST /v1/dev_browser`, one
 * request however many calls wait for it), kept like clerk-js keeps it, sent as `?__clerk_db_jwt=` on every
 * call, replaced by a `Clerk-Db-Jwt` response header, and dropped on `401 dev_browser_unauthenticated` so the
 * next call starts a new one. A JWT in the page's own URL (a redirect back from Clerk's hosted pages) wins
 * over the stored one, and is taken out of the address bar.
 */
export async function withDevBrowser(http: KyInstance, { baseUrl, dev }: { baseUrl: string; dev?: string | undefined }): Promise<Send> {
  const store = await createDevBrowserStore(dev!, globalThis.document)
  const fromPage = takeFromPageUrl()
  if (fromPage) store.set(fromPage)
  let jwt = fromPage ?? store.get()
  let obtaining: Promise<string> | undefined
  const keep = (value: string) => {
    jwt = value
    store.set(value)
  }
  const hooked = http.extend({
    hooks: {
      afterResponse: [
        async (_request, _options, response) => {
          const fresh = response.headers.get('Clerk-Db-Jwt')
          if (fresh) keep(fresh)
          if (response.status == 401 && (await response.clone().text()).includes('"dev_browser_unauthenticated"')) {
            jwt = undefined
            store.remove()
          }
        },
      ],
    },
  })
  const obtain = (timeout: Options['timeout']) => {
    const url = new URL(`${baseUrl}/v1/dev_browser`)
    url.searchParams.set('__clerk_api_version', API_VERSION)
    url.searchParams.set('_clerk_js_version', SDK_VERSION)
    obtaining ??= hooked
      .post(url, { timeout })
      .text()
      .then((text) => {
        const id = (parseObject(text) as { id?: unknown } | undefined)?.id
        if (typeof id != 'string' || !id) throw createNetworkError('malformed_response', text, url.href)
        keep(id)
        return id
      })
      .finally(() => (obtaining = undefined))
    return obtaining
  }
  return async (url, init) => {
    const signed = new URL(url)
    signed.searchParams.set(PARAM, jwt ?? (await obtain(init.timeout)))
    return hooked(signed, init)
  }
}

function takeFromPageUrl(): string | undefined {
  const location = globalThis.location
  if (!location?.href) return undefined
  const page = new URL(location.href)
  const jwt = page.searchParams.get(PARAM)
  if (!jwt) return undefined
  page.searchParams.delete(PARAM)
  globalThis.history?.replaceState(globalThis.history.state, '', page.href)
  return jwt
}

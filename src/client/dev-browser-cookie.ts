// Where the dev-browser JWT lives between page loads: first-party cookies, as clerk-js keeps it, so a page
// running both (or a reload) finds the same dev browser, and with it the same client.

/** The JWT of a development instance's dev browser, kept across reloads where the page has cookies. */
export interface DevBrowserStore {
  get(): string | undefined
  set(jwt: string): void
  remove(): void
}

const NAME = '__clerk_db_jwt'
const YEAR_MS = 365 * 24 * 60 * 60 * 1000

/**
 * clerk-js's two cookies: `__clerk_db_jwt_<suffix>` for this publishable key (the suffix is the first 8
 * characters of the base64url SHA-1 of the key), read first, and the plain `__clerk_db_jwt`; both for a
 * year on `/`, `SameSite=Lax`, `Secure` on https. Without a `document` (Node, a worker) or without
 * `crypto.subtle` (a plain-http page) it keeps what it can: memory, or the plain cookie alone.
 */
export async function createDevBrowserStore(publishableKey: string, doc: Pick<Document, 'cookie'> | undefined): Promise<DevBrowserStore> {
  let held: string | undefined
  if (!doc) return { get: () => held, set: (jwt) => void (held = jwt), remove: () => void (held = undefined) }
  const suffix = await cookieSuffix(publishableKey)
  const names = suffix ? [`${NAME}_${suffix}`, NAME] : [NAME]
  const secure = globalThis.location?.protocol == 'https:' ? '; Secure' : ''
  // Expires rather than Max-Age: every cookie jar honours a date in the past as "delete".
  const write = (value: string, until: number) => {
    for (const name of names) doc.cookie = `${name}=${encodeURIComponent(value)}; Path=/; Expires=${new Date(until).toUTCString()}; SameSite=Lax${secure}`
  }
  return {
    get: () => names.map((name) => readCookie(doc.cookie, name)).find(Boolean),
    set: (jwt) => write(jwt, Date.now() + YEAR_MS),
    remove: () => write('', 0),
  }
}

function readCookie(cookies: string, name: string): string | undefined {
  for (const pair of cookies.split(/;\s*/)) {
    const at = pair.indexOf('=')
    if (pair.slice(0, at) == name && at < pair.length - 1) return decodeURIComponent(pair.slice(at + 1))
  }
  return undefined
}

async function cookieSuffix(publishableKey: string): Promise<string | undefined> {
  try {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', new TextEncoder().encode(publishableKey)))
    return btoa(String.fromCharCode(...digest)).replace(/\+/g, '-').replace(/\//g, '_').slice(0, 8)
  } catch {
    // No SubtleCrypto outside secure contexts: the plain cookie still works.
    return undefined
  }
}

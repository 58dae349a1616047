import { ValidationError } from '../errors/index.js'

// A local host, with or without a port, alone or before a path.
const LOCAL_HOSTS = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/

/**
 * Decodes a Clerk-style publishable key (`pk_test_` / `pk_live_` + base64 of `host$`) into the Frontend API URL.
 * Local hosts get `http://`, everything else `https://`.
 *
 * @example
 * parsePublishableKey('pk_test_bG9jYWxob3N0OjQwMTAk') // 'http://localhost:4010'
 */
export function parsePublishableKey(key: string): string {
  let host = ''
  try {
    // base64url too: `-` and `_` are read as `+` and `/`. No key (exec gave null) or bad base64 throws here.
    host = atob(/^pk_(test|live)_([\w+/=-]+)$/.exec(key)![2]!.replace(/-/g, '+').replace(/_/g, '/'))
  } catch {
    // refused below
  }
  // The trailing `$` is what tells a key apart from random base64, so it is required, after a non-empty host.
  if (/^[^\s/$]+\$$/.test(host)) return hostToUrl(host.slice(0, -1))
  throw new ValidationError('publishable_key_invalid', 'Not a pk_test_/pk_live_ key', { paramName: 'publishable_key' })
}

/**
 * Normalises a `frontendApi` option: a full URL is kept (without a trailing slash), a bare host gets a scheme.
 *
 * @example
 * resolveFrontendApi('clerk.example.com') // 'https://clerk.example.com'
 */
export function resolveFrontendApi(frontendApi: string | URL): string {
  const text = `${frontendApi}`.trim()
  try {
    const url = new URL(/^https?:\/\//.test(text) ? text : hostToUrl(text))
    return (url.origin + url.pathname).replace(/\/+$/, '')
  } catch (cause) {
    throw new ValidationError('config_invalid', `Not a URL or host: ${frontendApi}`, {
      paramName: 'frontend_api',
      cause,
    })
  }
}

function hostToUrl(host: string): string {
  return `http${LOCAL_HOSTS.test(host) ? '' : 's'}://${host}`
}

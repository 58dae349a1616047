import { ValidationError } from '../errors/index.js'

const LOCAL_HOSTS = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/

/**
 * Decodes a Clerk-style publishable key (`pk_test_` / `pk_live_` + base64 of `host$`) into the Frontend API URL.
 * Local hosts get `http://`, everything else `https://`.
 *
 * @example
 * parsePublishableKey('pk_test_bG9jYWxob3N0OjQwMTAk') // 'http://localhost:4010'
 */
export function parsePublishableKey(key: string): string {
  const match = /^pk_(test|live)_([A-Za-z0-9+/=_-]+)$/.exec(key)
  const host = match ? decodeBase64(match[2] as string) : undefined
  // The trailing `$` is what tells a key apart from random base64, so it is required, after a non-empty host.
  if (!host || !/^[^\s/$]+\$$/.test(host)) {
    throw new ValidationError('publishable_key_invalid', 'Not a pk_test_/pk_live_ key', {
      paramName: 'publishable_key',
    })
  }
  return hostToUrl(host.slice(0, -1))
}

/**
 * Normalises a `frontendApi` option: a full URL is kept (without a trailing slash), a bare host gets a scheme.
 *
 * @example
 * resolveFrontendApi('clerk.example.com') // 'https://clerk.example.com'
 */
export function resolveFrontendApi(frontendApi: string | URL): string {
  const trimmed = `${frontendApi}`.trim().replace(/\/+$/, '')
  const url = /^https?:\/\//.test(trimmed) ? trimmed : hostToUrl(trimmed)
  try {
    return new URL(url).origin + new URL(url).pathname.replace(/\/$/, '')
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

function decodeBase64(value: string): string | undefined {
  try {
    return atob(value.replace(/-/g, '+').replace(/_/g, '/'))
  } catch {
    return undefined
  }
}

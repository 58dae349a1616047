// @vitest-environment happy-dom
import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { createDevBrowserStore } from '../../src/client/dev-browser-cookie.js'
import { createClient } from '../../src/index.js'
import { clientJSON, envelope } from '../resources/fixtures.js'
import { fakeFetch, jsonResponse } from '../support/fake-fetch.js'

const KEY = `pk_test_${btoa('happy-otter-12.clerk.accounts.dev$')}`
// clerk-js's suffix, computed here independently: base64url of the key's SHA-1, first 8 characters.
const SUFFIXED = `__clerk_db_jwt_${createHash('sha1').update(KEY).digest('base64url').slice(0, 8)}`

function cookies(): Record<string, string> {
  return Object.fromEntries(document.cookie.split(/;\s*/).filter(Boolean).map((pair) => pair.split('=') as [string, string]))
}

function clearCookies() {
  for (const name of Object.keys(cookies())) document.cookie = `${name}=; Path=/; Expires=${new Date(0).toUTCString()}`
}

afterEach(() => {
  clearCookies()
  history.replaceState(null, '', '/')
})

describe('createDevBrowserStore in a page', () => {
  it('writes both of clerk-js cookies and reads the key’s own first', async () => {
    const store = await createDevBrowserStore(KEY, document)
    store.set('dvb_1')
    expect(cookies()).toEqual({ [SUFFIXED]: 'dvb_1', __clerk_db_jwt: 'dvb_1' })
    document.cookie = '__clerk_db_jwt=dvb_other_instance; Path=/'
    expect(store.get()).toBe('dvb_1')
    store.remove()
    expect(cookies()).toEqual({})
    expect(store.get()).toBeUndefined()
  })

  it('falls back to the plain cookie, as clerk-js does', async () => {
    document.cookie = '__clerk_db_jwt=dvb_plain; Path=/'
    expect((await createDevBrowserStore(KEY, document)).get()).toBe('dvb_plain')
  })

  it('keeps the JWT in memory where there is no document', async () => {
    const store = await createDevBrowserStore(KEY, undefined)
    store.set('dvb_1')
    expect([store.get(), cookies()]).toEqual(['dvb_1', {}])
  })
})

describe('the dev-browser handshake in a page', () => {
  const devClient = (fetch: typeof globalThis.fetch) => createClient({ publishableKey: KEY, frontendApi: 'http://localhost:4010', crossTab: false, fetch })
  const answer = () =>
    fakeFetch((request) => (request.path === '/v1/dev_browser' ? jsonResponse(200, { object: 'dev_browser', id: 'dvb_new' }) : jsonResponse(200, envelope(clientJSON(null)))))

  it('lets the next page load reuse the stored dev browser instead of making a new one', async () => {
    const first = answer()
    await devClient(first.fetch).load()
    const reloaded = answer()
    await devClient(reloaded.fetch).load()
    expect(reloaded.sent.map((request) => [request.path, request.query.__clerk_db_jwt])).toEqual([['/v1/client', 'dvb_new']])
  })

  it('takes a JWT from the page URL (a redirect back from Clerk), keeps it and removes it from the address bar', async () => {
    history.replaceState(null, '', '/account?tab=phones&__clerk_db_jwt=dvb_from_url')
    const fake = answer()
    await devClient(fake.fetch).load()
    expect(fake.sent.map((request) => [request.path, request.query.__clerk_db_jwt])).toEqual([['/v1/client', 'dvb_from_url']])
    expect(location.pathname + location.search).toBe('/account?tab=phones')
    expect(cookies()[SUFFIXED]).toBe('dvb_from_url')
  })
})

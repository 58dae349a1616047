import { afterEach, describe, expect, it, vi } from 'vitest'
import { resolveTokenStorage, type TokenStorage } from '../../src/client/token-storage.js'
import { ValidationError, createClient } from '../../src/index.js'
import { clientJSON, envelope, errorsJSON, sessionJSON, signInJSON, userJSON } from '../resources/fixtures.js'
import { fakeFetch, jsonResponse } from '../support/fake-fetch.js'

const FAPI = 'http://localhost:4010'

/** A storage over one shared slot that records every write, as an app's own pair would. */
function recordingStorage(initial: string | null = null) {
  const writes: Array<string | null> = []
  let slot = initial
  const storage: TokenStorage = {
    get: () => slot,
    set: (token) => {
      writes.push(token)
      slot = token
    },
  }
  return { storage, writes, current: () => slot }
}

/** A Storage-shaped map, standing in for a page's `localStorage` in Node. */
function fakeLocalStorage() {
  const items = new Map<string, string>()
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, String(value)),
    removeItem: (key: string) => void items.delete(key),
  }
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('resolveTokenStorage', () => {
  it('keeps the token in memory by default and for "memory", one slot per client', () => {
    const [a, b] = [resolveTokenStorage(undefined, FAPI), resolveTokenStorage('memory', FAPI)]
    a.set('tok_a')
    expect([a.get(), b.get()]).toEqual(['tok_a', undefined])
    a.set(null)
    expect(a.get()).toBeNull()
  })

  it('keeps it in localStorage under a key per Frontend API, and removes it on null', () => {
    const local = fakeLocalStorage()
    vi.stubGlobal('localStorage', local)
    const storage = resolveTokenStorage('localStorage', FAPI)
    storage.set('tok_1')
    expect(Object.fromEntries(local.items)).toEqual({ 'dialkit:client:http://localhost:4010': 'tok_1' })
    expect(resolveTokenStorage('localStorage', FAPI).get()).toBe('tok_1')
    expect(resolveTokenStorage('localStorage', 'http://other.test').get()).toBeNull()
    storage.set(null)
    expect(local.items.size).toBe(0)
  })

  it('keeps nothing where there is no localStorage (SSR), without throwing', () => {
    expect(globalThis.localStorage).toBeUndefined()
    const storage = resolveTokenStorage('localStorage', FAPI)
    storage.set('tok_1')
    expect(storage.get()).toBeUndefined()
  })

  it("uses the app's own pair as it is", () => {
    const { storage } = recordingStorage()
    expect(resolveTokenStorage(storage, FAPI)).toBe(storage)
  })
})

describe('createClient({ tokenStorage })', () => {
  it.each([['sessionStorage'], [42], [false], [{ get: () => null }], [{ get: 'x', set: () => undefined }]])(
    'refuses %j with config_invalid naming token_storage, before sending anything',
    (tokenStorage) => {
      const fake = fakeFetch([])
      const create = () => createClient({ frontendApi: FAPI, authMode: 'header', fetch: fake.fetch, tokenStorage: tokenStorage as never })
      expect(create).toThrow(ValidationError)
      expect(create).toThrow(expect.objectContaining({ code: 'config_invalid', paramName: 'token_storage' }))
      expect(fake.fetch).not.toHaveBeenCalled()
    },
  )

  it('refuses a storage with cookie auth, whose token is the browser cookie', () => {
    const { storage } = recordingStorage()
    expect(() => createClient({ frontendApi: FAPI, authMode: 'cookie', tokenStorage: storage })).toThrow(
      expect.objectContaining({ code: 'config_invalid', paramName: 'token_storage' }),
    )
  })

  it('selects header auth in a page when given a storage without authMode', async () => {
    vi.stubGlobal('document', {})
    const fake = fakeFetch([jsonResponse(200, envelope(clientJSON(null)))])
    await createClient({ frontendApi: FAPI, fetch: fake.fetch, crossTab: false, tokenStorage: 'memory' }).load()
    expect([fake.sent[0]?.credentials, fake.sent[0]?.query._is_native]).toEqual(['omit', '1'])
  })

  it('sends the stored token from the first request on, and writes only a token that changed', async () => {
    const { storage, writes } = recordingStorage('tok_saved')
    const fake = fakeFetch([
      jsonResponse(200, envelope(clientJSON()), { authorization: 'tok_saved' }),
      jsonResponse(200, envelope(clientJSON()), { authorization: 'tok_rotated' }),
      jsonResponse(200, envelope(clientJSON())),
    ])
    const client = createClient({ frontendApi: FAPI, authMode: 'header', fetch: fake.fetch, tokenStorage: storage })
    await client.load()
    await client.load()
    await client.load()
    expect(fake.sent.map((sent) => sent.authorization)).toEqual(['tok_saved', 'tok_saved', 'tok_rotated'])
    expect(writes).toEqual(['tok_rotated'])
    expect(client.store.get().status).toBe('signed-in')
  })

  it('lets a second client on the same storage carry on as the first one after a reload', async () => {
    const { storage } = recordingStorage()
    const first = fakeFetch([jsonResponse(200, envelope(signInJSON(), clientJSON()), { authorization: 'tok_1' })])
    await createClient({ frontendApi: FAPI, authMode: 'header', fetch: first.fetch, tokenStorage: storage }).signIn({ ticket: 'ticket_1' })
    const second = fakeFetch([jsonResponse(200, envelope(clientJSON()))])
    await createClient({ frontendApi: FAPI, authMode: 'header', fetch: second.fetch, tokenStorage: storage }).load()
    expect(second.sent[0]?.authorization).toBe('tok_1')
  })

  it('forgets the token on signOut(), also when already signed out, and sends none afterwards', async () => {
    const { storage, writes, current } = recordingStorage('tok_1')
    const fake = fakeFetch([
      jsonResponse(200, envelope(clientJSON()), { authorization: 'tok_1' }),
      jsonResponse(200, envelope(sessionJSON(userJSON(), { status: 'removed' }), clientJSON(null)), { authorization: 'tok_1' }),
      jsonResponse(200, envelope(clientJSON(null, { id: 'client_2' })), { authorization: 'tok_2' }),
    ])
    const client = createClient({ frontendApi: FAPI, authMode: 'header', fetch: fake.fetch, tokenStorage: storage })
    await client.load()
    await client.signOut()
    expect(current()).toBeNull()
    await client.load()
    expect(fake.sent.map((sent) => sent.authorization)).toEqual(['tok_1', 'tok_1', null])
    expect(current()).toBe('tok_2')
    await client.signOut()
    expect(writes).toEqual([null, 'tok_2', null])
    expect(fake.sent).toHaveLength(3)
  })

  it('keeps the token when signing out fails, since the session is still there', async () => {
    const { storage, current } = recordingStorage('tok_1')
    const fake = fakeFetch([jsonResponse(200, envelope(clientJSON())), jsonResponse(500, errorsJSON('internal_error'))])
    const client = createClient({ frontendApi: FAPI, authMode: 'header', fetch: fake.fetch, tokenStorage: storage })
    await client.load()
    await expect(client.signOut()).rejects.toMatchObject({ name: 'ApiResponseError', status: 500 })
    expect([current(), client.store.get().status]).toEqual(['tok_1', 'signed-in'])
  })

  it('forgets the token when the server has no client for it', async () => {
    const { storage, current } = recordingStorage('tok_gone')
    const fake = fakeFetch([jsonResponse(200, { response: null, client: null })])
    const client = createClient({ frontendApi: FAPI, authMode: 'header', fetch: fake.fetch, tokenStorage: storage })
    await client.load()
    expect([current(), client.store.get().status]).toEqual([null, 'signed-out'])
  })
})

// user.createBackupCode() loads its code on first call (its own chunk), outside the add-and-verify first load; a chunk that cannot be fetched is a NetworkError, and nothing is sent.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { jsonResponse } from '../support/fake-fetch.js'
import { phoneJSON } from './fixtures.js'

const CHUNK = '../../src/resources/user-lazy.js'

afterEach(() => {
  vi.doUnmock(CHUNK)
  vi.resetModules()
})

describe('user.createBackupCode() when its chunk cannot load', () => {
  it('rejects with NetworkError failed naming /v1/me, sends nothing and leaves the store as it was', async () => {
    vi.resetModules()
    vi.doMock(CHUNK, () => {
      throw new TypeError('Failed to fetch dynamically imported module')
    })
    // A fresh copy of the SDK, so the mock applies to its dynamic import.
    const { signedIn } = await import('./harness.js')
    const h = await signedIn([phoneJSON({ id: 'idn_1' })])
    const before = h.client.store.get()
    h.reply(() => jsonResponse(500, {}))

    const error = await h.client.user!.createBackupCode().catch((e: unknown) => e)

    expect(error).toMatchObject({ name: 'NetworkError', reason: 'failed', url: '/v1/me', cause: expect.any(Error) })
    expect(h.sent).toHaveLength(0)
    expect(h.events).toEqual([])
    expect(h.client.store.get()).toBe(before)
  })
})

// Header auth that survives a reload: the client token kept in a storage the app chooses, against a real
// emulator. A "reload" is a second client built on the same storage, as a page would build it anew.
import { describe, expect, it } from 'vitest'
import type { TokenStorage } from '../../src/client/token-storage.js'
import { createClient } from '../../src/index.js'
import { backendFor, useTestEmulator } from './harness.js'

const emu = useTestEmulator()

/** One slot shared by every client built on it, like a page's localStorage across reloads. */
function sharedStorage(): TokenStorage & { slot: string | null } {
  const storage = {
    slot: null as string | null,
    get: () => storage.slot,
    set: (token: string | null) => void (storage.slot = token),
  }
  return storage
}

async function ticketFor(firstName: string) {
  const backend = backendFor(emu)
  const user = await backend.users.createUser({ firstName })
  const { token } = await backend.signInTokens.createSignInToken({ userId: user.id })
  return { user, ticket: token }
}

const clientOn = (tokenStorage: TokenStorage) => createClient({ frontendApi: emu.url, tokenStorage })

describe('tokenStorage', () => {
  it('signs a second client on the same storage in as the first, after load()', async () => {
    const { user, ticket } = await ticketFor('Ada')
    const storage = sharedStorage()
    const first = clientOn(storage)
    await first.signIn({ ticket })
    expect(storage.slot).toEqual(expect.any(String))

    const second = clientOn(storage)
    expect(second.store.get().status).toBe('unloaded')
    await second.load()
    expect(second.store.get()).toMatchObject({ status: 'signed-in', user: { id: user.id } })
    expect(second.store.get().client?.id).toBe(first.store.get().client?.id)
    expect(second.store.get().session?.id).toBe(first.store.get().session?.id)
  })

  it('starts signed out on another storage, which names no client', async () => {
    const { ticket } = await ticketFor('Grace')
    await clientOn(sharedStorage()).signIn({ ticket })
    const stranger = clientOn(sharedStorage())
    await stranger.load()
    expect(stranger.store.get().status).toBe('signed-out')
  })

  it('clears the storage on signOut(), so the next client starts signed out on a fresh client', async () => {
    const { ticket } = await ticketFor('Edsger')
    const storage = sharedStorage()
    const first = clientOn(storage)
    await first.signIn({ ticket })
    const signedInClientId = first.store.get().client?.id
    await first.signOut()
    expect(storage.slot).toBeNull()

    const next = clientOn(storage)
    await next.load()
    expect(next.store.get().status).toBe('signed-out')
    expect(next.store.get().client?.id).not.toBe(signedInClientId)
    expect(storage.slot).toEqual(expect.any(String))
  })

  it('signs out a client sharing the storage on its next call, after the other one signed out', async () => {
    const { ticket } = await ticketFor('Barbara')
    const storage = sharedStorage()
    const [a, b] = [clientOn(storage), clientOn(storage)]
    await a.signIn({ ticket })
    await b.load()
    await a.signOut()
    // b still holds the signed-in snapshot; its next call goes out without the forgotten token.
    await b.load()
    expect(b.store.get().status).toBe('signed-out')
  })
})

// Sessions through the SDK against a real emulator: load, ticket sign-in, sign-out, and an unreachable server.
import { describe, expect, it } from 'vitest'
import { createClient, isApiResponseError, isNetworkError } from '../../src/index.js'
import { backendFor, clientFor, recordEvents, rejection, signedInClient, startTestEmulator, TEST_NUMBER, userOf, useTestEmulator } from './harness.js'

const emu = useTestEmulator()

describe('sessions', () => {
  it('signs out: the session is removed and /me answers 401', async () => {
    const { client } = await signedInClient(emu, { phoneNumber: [TEST_NUMBER.replace(/23$/, '27')] })
    const phone = userOf(client).phoneNumbers[0]!
    const events = recordEvents(client)
    await client.signOut()
    expect(events.names()).toEqual(['session:removed'])
    expect(client.store.get().user).toBeNull()
    const error = await rejection(() => phone.reload())
    expect(error).toMatchObject({ name: 'ApiResponseError', status: 401 })
  })

  it('reports an unreachable server as a NetworkError and keeps the store as it was', async () => {
    const gone = await startTestEmulator()
    const url = gone.url
    await gone.stop()
    const client = createClient({ frontendApi: url, authMode: 'header' })
    const before = client.store.get()
    const error = await rejection(() => client.load())
    expect(isNetworkError(error)).toBe(true)
    expect(client.store.get()).toBe(before)
    expect(before.status).toBe('unloaded')
  })

  it('loads a fresh signed-out client from the publishable key, then signs in with one event each', async () => {
    const client = createClient({ publishableKey: emu.publishableKey, authMode: 'header' })
    expect(client.frontendApi).toBe(emu.url)
    const events = recordEvents(client)
    const loaded = await client.load()
    expect(loaded?.id).toBeTruthy()
    expect(client.store.get()).toMatchObject({ status: 'signed-out', session: null, user: null })
    expect(events.names()).toEqual(['client:updated'])

    const backend = backendFor(emu)
    const user = await backend.users.createUser({ phoneNumber: ['+12015550129'] })
    const { token } = await backend.signInTokens.createSignInToken({ userId: user.id })
    const session = await client.signIn({ ticket: token })
    expect(events.names()).toEqual(['session:created'])
    expect(client.store.get()).toMatchObject({ status: 'signed-in' })
    expect(client.store.get().session?.id).toBe(session.id)
    // The sign-in kept the client the server created on load.
    expect(client.store.get().client?.id).toBe(loaded?.id)
    expect(userOf(client).id).toBe(user.id)
  })

  it('refuses a used sign-in token', async () => {
    const backend = backendFor(emu)
    const user = await backend.users.createUser({ phoneNumber: ['+12015550130'] })
    const { token } = await backend.signInTokens.createSignInToken({ userId: user.id })
    await clientFor(emu).signIn({ ticket: token })
    const second = clientFor(emu)
    const error = await rejection(() => second.signIn({ ticket: token }))
    expect(isApiResponseError(error)).toBe(true)
    expect(second.store.get().session).toBeNull()
  })
})

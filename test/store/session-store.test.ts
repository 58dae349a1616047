import { describe, expect, it, vi } from 'vitest'
import { createEmitter } from '../../src/events.js'
import { createContext } from '../../src/resources/context.js'
import { createSessionStore } from '../../src/store/session-store.js'
import { NOW, clientJSON, phoneJSON, userJSON } from '../resources/fixtures.js'

const store = () => createSessionStore(createContext(async () => null, createEmitter()))

describe('createSessionStore', () => {
  it('starts unloaded and derives status, session and user from the client', () => {
    const { store: state, setClient } = store()
    expect(state.get()).toEqual({ status: 'unloaded', client: null, session: null, user: null })
    setClient(clientJSON(userJSON([phoneJSON()])))
    expect(state.get()).toMatchObject({ status: 'signed-in', session: { id: 'sess_1' }, user: { id: 'user_1' } })
    setClient(clientJSON(null))
    expect(state.get()).toMatchObject({ status: 'signed-out', session: null, user: null, client: { id: 'client_1' } })
  })

  it('publishes frozen snapshots', () => {
    const { store: state, setClient } = store()
    setClient(clientJSON())
    expect(Object.isFrozen(state.get())).toBe(true)
    expect(Object.isFrozen(state.get().user)).toBe(true)
  })

  it('notifies nobody when the same client arrives again', () => {
    const { store: state, setClient } = store()
    const listener = vi.fn()
    state.listen(listener)
    setClient(clientJSON())
    setClient(clientJSON())
    expect(listener).toHaveBeenCalledTimes(1)
    setClient(clientJSON(userJSON(), { updated_at: 1 }))
    expect(listener).toHaveBeenCalledTimes(2)
  })

  it('ignores a client carrying an older version of the user it holds, as an answer arriving out of order does', () => {
    const { store: state, setClient } = store()
    const listener = vi.fn()
    state.listen(listener)
    setClient(clientJSON(userJSON([], { updated_at: NOW + 2 })))
    const newer = state.get()
    setClient(clientJSON(userJSON([phoneJSON()], { updated_at: NOW + 1 })))
    expect(state.get()).toBe(newer)
    expect(listener).toHaveBeenCalledTimes(1)

    setClient(clientJSON(userJSON([phoneJSON()], { updated_at: NOW + 2 })))
    expect(state.get().user?.phoneNumbers).toHaveLength(1)
    // A user without updated_at proves nothing, so it is taken.
    setClient(clientJSON(userJSON([], { updated_at: undefined as never })))
    expect(state.get().user?.phoneNumbers).toEqual([])
    setClient(clientJSON(userJSON([], { id: 'user_2', updated_at: NOW })))
    expect(state.get().user).toMatchObject({ id: 'user_2', phoneNumbers: [] })
    setClient(clientJSON(null))
    expect(state.get()).toMatchObject({ status: 'signed-out', user: null })
  })

  it('works with useSyncExternalStore-style subscribe(listen) / getSnapshot(get)', () => {
    const { store: state, setClient } = store()
    const snapshots: unknown[] = []
    const off = state.listen(() => snapshots.push(state.get()))
    setClient(clientJSON())
    off()
    setClient(clientJSON(null))
    expect(snapshots).toHaveLength(1)
  })
})

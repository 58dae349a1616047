import { afterEach, describe, expect, it, vi } from 'vitest'
import { createAtom } from '../../src/store/atom.js'
import { createFlowStore } from '../../src/flow/flow-store.js'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('createFlowStore', () => {
  it('replaces the snapshot on set', () => {
    const first = Object.freeze({ a: 1, b: 'x' })
    const store = createFlowStore<{ a: number; b: string }>(first)
    store.set(Object.freeze({ a: 2, b: 'x' }))
    expect(store.get()).toEqual({ a: 2, b: 'x' })
    expect(first).toEqual({ a: 1, b: 'x' })
  })

  it('does not notify when set to the snapshot it holds', () => {
    const before = { a: 1, b: 'x' }
    const store = createFlowStore(before)
    const listener = vi.fn()
    store.listen(listener)
    store.set(before)
    expect(listener).not.toHaveBeenCalled()
    expect(store.get()).toBe(before)
  })

  it('calls listen listeners on change with the old value, and subscribe ones at once', () => {
    const store = createFlowStore({ a: 1 })
    const listened = vi.fn()
    const subscribed = vi.fn()
    store.listen(listened)
    store.subscribe(subscribed)
    expect(listened).not.toHaveBeenCalled()
    expect(subscribed).toHaveBeenCalledWith({ a: 1 }, undefined)
    store.set({ a: 2 })
    expect(listened).toHaveBeenCalledWith({ a: 2 }, { a: 1 })
    expect(subscribed).toHaveBeenLastCalledWith({ a: 2 }, { a: 1 })
  })

  it('stops calling a listener after it unsubscribes, even from inside a notification', () => {
    const store = createFlowStore({ a: 1 })
    const second = vi.fn()
    const unsubscribeFirst = store.listen(() => {
      unsubscribeFirst()
      unsubscribeSecond()
    })
    const unsubscribeSecond = store.listen(second)
    // As in nanostores: a listener that unsubscribes before its turn is not called, not even this once.
    store.set({ a: 2 })
    store.set({ a: 3 })
    expect(second).not.toHaveBeenCalled()
  })

  it('keeps notifying the others when one listener throws, and reports the error', () => {
    const reportError = vi.fn()
    vi.stubGlobal('reportError', reportError)
    const store = createFlowStore({ a: 1 })
    const boom = new Error('listener bug')
    const after = vi.fn()
    store.listen(() => {
      throw boom
    })
    store.listen(after)
    expect(() => store.set({ a: 2 })).not.toThrow()
    expect(after).toHaveBeenCalledTimes(1)
    expect(reportError).toHaveBeenCalledWith(boom)
  })

  it('logs a listener error with console.error where reportError is missing', () => {
    vi.stubGlobal('reportError', undefined)
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const store = createFlowStore({ a: 1 })
    const boom = new Error('listener bug')
    store.listen(() => {
      throw boom
    })
    store.set({ a: 2 })
    expect(log).toHaveBeenCalledWith(boom)
    log.mockRestore()
  })

  it('drops every listener on clear, and an unsubscribe after it is harmless', () => {
    const store = createFlowStore({ a: 1 })
    const listener = vi.fn()
    const off = store.listen(listener)
    store.subscribe(listener)
    store.clear()
    off()
    store.set({ a: 2 })
    expect(listener).toHaveBeenCalledTimes(1)
  })

  it('queues a snapshot set by a listener, so later listeners end on the newest snapshot (the atom\'s order)', () => {
    const store = createFlowStore({ a: 1, b: 0 })
    const seen: Array<{ a: number; b: number }> = []
    store.listen((value) => {
      if (value.a === 2 && value.b === 0) store.set({ ...value, b: 1 })
    })
    store.listen((value) => seen.push(value))
    store.set({ a: 2, b: 0 })
    expect(seen).toEqual([{ a: 2, b: 0 }, { a: 2, b: 1 }])
    expect(seen.at(-1)).toBe(store.get())
  })

  it('hears a set made by its own first call of subscribe, as the atom does', () => {
    for (const store of [createFlowStore(0), createAtom(0)]) {
      const seen: number[] = []
      store.subscribe((value) => {
        seen.push(value)
        if (value === 0) store.set(1)
      })
      expect(seen).toEqual([0, 1])
    }
  })
})

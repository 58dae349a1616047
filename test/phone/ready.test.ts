import { afterEach, describe, expect, it, vi } from 'vitest'

// A fresh module copy per test, so "before the chunk loaded" really is before.
async function fresh() {
  vi.resetModules()
  return import('../../src/phone/index.js')
}

afterEach(() => {
  vi.doUnmock('../../src/phone/phone-lazy.js')
})

describe('phoneHelpersReady', () => {
  it('is false before the chunk loaded, and the first listener loads it and hears true once', async () => {
    const { formatPhone, phoneHelpersReady, preloadPhone } = await fresh()
    expect(phoneHelpersReady.get()).toBe(false)
    const heard = new Promise<unknown[]>((resolve) => phoneHelpersReady.listen((...args) => resolve(args)))
    expect(await heard).toEqual([true, false])
    expect(phoneHelpersReady.get()).toBe(true)
    // Ready means the sync formatter formats now.
    expect(formatPhone('+12015550123', 'national')).toBe('(201) 555-0123')
    await preloadPhone()
  })

  it('calls a subscriber now with false, then with true', async () => {
    const { phoneHelpersReady, preloadPhone } = await fresh()
    const listener = vi.fn()
    phoneHelpersReady.subscribe(listener)
    await preloadPhone()
    await vi.waitFor(() => expect(listener).toHaveBeenCalledTimes(2))
    expect(listener.mock.calls).toEqual([
      [false, undefined],
      [true, false],
    ])
  })

  it('never calls a listener that came after the chunk loaded (nothing changes any more)', async () => {
    const { phoneHelpersReady, preloadPhone } = await fresh()
    await preloadPhone()
    const listener = vi.fn()
    const off = phoneHelpersReady.listen(listener)
    const subscriber = vi.fn()
    phoneHelpersReady.subscribe(subscriber)
    await preloadPhone()
    await Promise.resolve()
    expect(listener).not.toHaveBeenCalled()
    expect(subscriber.mock.calls).toEqual([[true, undefined]])
    off()
  })

  it('does not call a listener that unsubscribed before the chunk arrived', async () => {
    const { phoneHelpersReady, preloadPhone } = await fresh()
    const listener = vi.fn()
    phoneHelpersReady.listen(listener)()
    await preloadPhone()
    await Promise.resolve()
    expect(listener).not.toHaveBeenCalled()
    expect(phoneHelpersReady.get()).toBe(true)
  })

  it('stays false when the chunk fails to load, and a later listener retries', async () => {
    vi.resetModules()
    vi.doMock('../../src/phone/phone-lazy.js', () => {
      throw new Error('chunk failed')
    })
    const { phoneHelpersReady, preloadPhone } = await import('../../src/phone/index.js')
    const first = vi.fn()
    phoneHelpersReady.listen(first)
    await expect(preloadPhone()).rejects.toThrow(/phone number metadata/)
    expect(phoneHelpersReady.get()).toBe(false)
    expect(first).not.toHaveBeenCalled()

    vi.doUnmock('../../src/phone/phone-lazy.js')
    const heard = new Promise<boolean>((resolve) => phoneHelpersReady.listen((ready) => resolve(ready)))
    expect(await heard).toBe(true)
    expect(first).not.toHaveBeenCalled()
  })
})

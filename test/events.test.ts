import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest'

afterEach(() => vi.unstubAllGlobals())
import { createEmitter, listen } from '../src/events.js'
import type { PhoneNumber } from '../src/index.js'

describe('createEmitter', () => {
  it('delivers typed events to their listeners until unbound', () => {
    const events = createEmitter()
    const listener = vi.fn((phone: PhoneNumber) => expectTypeOf(phone).toEqualTypeOf<PhoneNumber>())
    const off = events.on('phoneNumber:created', listener)
    const phone = {} as PhoneNumber
    events.emit('phoneNumber:created', phone)
    off()
    events.emit('phoneNumber:created', phone)
    expect(listener).toHaveBeenCalledTimes(1)
  })

  it('gives each client its own emitter', () => {
    const a = createEmitter()
    const b = createEmitter()
    const listener = vi.fn()
    a.on('client:updated', listener)
    b.emit('client:updated', null)
    expect(listener).not.toHaveBeenCalled()
  })

  it('runs every listener added with listen() when one throws, and reports the error instead of throwing into the emitter', () => {
    const report = vi.fn()
    vi.stubGlobal('reportError', report)
    const events = createEmitter()
    const after = vi.fn()
    listen(events, 'client:updated', () => {
      throw new Error('listener bug')
    })
    listen(events, 'client:updated', after)
    expect(() => events.emit('client:updated', null)).not.toThrow()
    expect(after).toHaveBeenCalledWith(null)
    expect(report).toHaveBeenCalledWith(expect.objectContaining({ message: 'listener bug' }))
  })

  it('lets a listener unbind itself while the event is delivered', () => {
    const events = createEmitter()
    const second = vi.fn()
    const off = events.on('client:updated', () => off())
    events.on('client:updated', second)
    events.emit('client:updated', null)
    events.emit('client:updated', null)
    expect(second).toHaveBeenCalledTimes(2)
  })
})

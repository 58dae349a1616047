import { describe, expect, expectTypeOf, it, vi } from 'vitest'
import { createEmitter, type PhoneNumber } from '../src/index.js'

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
})

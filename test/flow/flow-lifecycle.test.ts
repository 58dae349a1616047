import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createVerificationFlow } from '../../src/flow/index.js'
import { GOOD_CODE, createFakeBackend, deferred, pendingVerification, verifiedVerification, type FakePhone } from './fake-phone.js'

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-05-12T10:00:00Z') })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('creation', () => {
  it('starts idle for a new number and holds no timer', () => {
    const backend = createFakeBackend()
    const phone = backend.phone()
    const flow = createVerificationFlow(phone)
    expect(flow.store.get()).toEqual({
      status: 'idle',
      target: phone,
      phoneNumber: phone,
      resendInSeconds: 0,
      expiresInSeconds: null,
      attempts: 0,
      code: null,
      error: null,
    })
    expect(Object.isFrozen(flow.store.get())).toBe(true)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('resumes a code that is still pending, countdown included', () => {
    const flow = createVerificationFlow(createFakeBackend().phone(pendingVerification(1, 90_000)))
    expect(flow.store.get()).toMatchObject({ status: 'code-sent', expiresInSeconds: 90, attempts: 1, resendInSeconds: 0 })
    vi.advanceTimersByTime(90_000)
    expect(flow.store.get().status).toBe('expired')
  })

  it.each([
    ['verified', verifiedVerification(), null],
    ['failed', { status: 'failed', expireAt: null, attempts: 3 }, null],
    ['expired', { status: 'expired', expireAt: null, attempts: 0 }, 0],
    ['expired', { status: 'unverified', expireAt: new Date(0), attempts: 0 }, 0],
    ['idle', { status: 'transferable', expireAt: null, attempts: null }, null],
  ] as const)('starts %s from the number’s verification', (status, verification, expiresInSeconds) => {
    const flow = createVerificationFlow(createFakeBackend().phone(verification))
    expect(flow.store.get()).toMatchObject({ status, expiresInSeconds })
    expect(vi.getTimerCount()).toBe(0)
  })

  it('measures the countdowns on the clock it is given, so a server ahead of the device expires the code on time', async () => {
    let serverOffsetMs = 0
    const backend = createFakeBackend()
    const flow = createVerificationFlow(backend.phone(), { now: () => Date.now() + serverOffsetMs })
    await flow.send()
    expect(flow.store.get()).toMatchObject({ status: 'code-sent', expiresInSeconds: 600, resendInSeconds: 30 })
    serverOffsetMs = 590_000 // the server's clock moves 590 s ahead (an emulator clock advance, a skewed device)
    vi.advanceTimersByTime(1000)
    expect(flow.store.get()).toMatchObject({ status: 'code-sent', expiresInSeconds: 9, resendInSeconds: 0 })
    serverOffsetMs = 600_000
    vi.advanceTimersByTime(1000)
    expect(flow.store.get()).toMatchObject({ status: 'expired', expiresInSeconds: 0 })
    expect(vi.getTimerCount()).toBe(0)
  })

  it('resumes a pending code against the given clock, not the device’s', () => {
    // The code expires 90 s from the device's now, but the server is 60 s ahead: 30 s are left.
    const flow = createVerificationFlow(createFakeBackend().phone(pendingVerification(0, 90_000)), {
      now: () => Date.now() + 60_000,
    })
    expect(flow.store.get()).toMatchObject({ status: 'code-sent', expiresInSeconds: 30 })
  })

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses resendCooldownSeconds %s', (seconds) => {
    expect(() => createVerificationFlow(createFakeBackend().phone(), { resendCooldownSeconds: seconds })).toThrow(
      expect.objectContaining({ name: 'ValidationError', code: 'config_invalid' }),
    )
  })

  it('does not send for a number that is already verified', async () => {
    const backend = createFakeBackend()
    const flow = createVerificationFlow(backend.phone(verifiedVerification()))
    await flow.send()
    expect(backend.prepare).not.toHaveBeenCalled()
  })
})

describe('cancel', () => {
  it('aborts a send in flight, returns to idle and ignores the late answer', async () => {
    const backend = createFakeBackend()
    const pending = deferred<FakePhone>()
    backend.prepare.mockReturnValueOnce(pending.promise)
    const flow = createVerificationFlow(backend.phone())

    const sent = flow.send()
    flow.cancel()
    const signal = backend.prepare.mock.calls[0]?.[0]?.signal
    expect(signal?.aborted).toBe(true)
    pending.resolve(backend.phone(pendingVerification()))
    await sent
    expect(flow.store.get()).toMatchObject({ status: 'idle', expiresInSeconds: null })
  })

  it('drops the pending code but keeps the resend cooldown counting', async () => {
    const flow = createVerificationFlow(createFakeBackend().phone())
    await flow.send()
    vi.advanceTimersByTime(10_000)
    flow.cancel()
    expect(flow.store.get()).toMatchObject({ status: 'idle', expiresInSeconds: null, resendInSeconds: 20, code: null })
    vi.advanceTimersByTime(20_000)
    expect(flow.store.get().resendInSeconds).toBe(0)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('ignores a failure of the aborted request', async () => {
    const backend = createFakeBackend()
    const pending = deferred<FakePhone>()
    backend.prepare.mockImplementationOnce(() => pending.promise)
    const flow = createVerificationFlow(backend.phone())
    const sent = flow.send()
    flow.cancel()
    pending.reject(new DOMException('aborted', 'AbortError'))
    await sent
    expect(flow.store.get()).toMatchObject({ status: 'idle', error: null })
  })

  it('sends nothing when a listener cancels on the sending notification itself', async () => {
    const backend = createFakeBackend()
    const flow = createVerificationFlow(backend.phone())
    flow.store.listen((state) => {
      if (state.status === 'sending') flow.cancel()
    })
    await flow.send()
    expect(backend.prepare).not.toHaveBeenCalled()
    expect(flow.store.get()).toMatchObject({ status: 'idle', error: null })
  })

  it('lets a listener cancel on code-sent and still ends every later listener on the newest state', async () => {
    const flow = createVerificationFlow(createFakeBackend().phone())
    const seen: string[] = []
    flow.store.listen((state) => {
      if (state.status === 'code-sent') flow.cancel()
    })
    flow.store.listen((state) => seen.push(state.status))
    await flow.send()
    expect(seen).toEqual(['sending', 'code-sent', 'idle'])
    expect(flow.store.get().status).toBe('idle')
  })

  it('keeps a verified flow verified', async () => {
    const backend = createFakeBackend()
    const flow = createVerificationFlow(backend.phone())
    await flow.send()
    await flow.submit(GOOD_CODE)
    flow.cancel()
    expect(flow.store.get().status).toBe('verified')
  })
})

describe('destroy', () => {
  it('aborts the request, clears the timer, drops listeners and turns every method into a no-op', async () => {
    const backend = createFakeBackend()
    const flow = createVerificationFlow(backend.phone())
    await flow.send()
    const pending = deferred<FakePhone>()
    backend.attempt.mockReturnValueOnce(pending.promise)
    const submitted = flow.submit(GOOD_CODE)
    const listener = vi.fn()
    flow.store.listen(listener)

    flow.destroy()
    expect(backend.attempt.mock.calls[0]?.[0]?.signal?.aborted).toBe(true)
    expect(vi.getTimerCount()).toBe(0)
    pending.resolve(backend.phone(verifiedVerification()))
    await submitted
    vi.advanceTimersByTime(60_000)
    await flow.send()
    await flow.submit(GOOD_CODE)
    flow.cancel()
    expect(listener).not.toHaveBeenCalled()
    expect(backend.prepare).toHaveBeenCalledTimes(1)
    expect(flow.store.get().status).toBe('verifying')
  })
})

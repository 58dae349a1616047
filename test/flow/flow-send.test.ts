import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DialkitError, NetworkError } from '../../src/errors/index.js'
import { createVerificationFlow } from '../../src/flow/index.js'
import { apiError, createFakeBackend, deferred, type FakePhone } from './fake-phone.js'

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-05-12T10:00:00Z') })
})
afterEach(() => {
  vi.useRealTimers()
})


describe('send', () => {
  it('goes sending → code-sent with the new instance, a 30 s cooldown and the expiry countdown', async () => {
    const backend = createFakeBackend()
    const phone = backend.phone()
    const flow = createVerificationFlow(phone)
    const statuses: string[] = []
    flow.store.listen((state) => statuses.push(state.status))

    await flow.send()

    const state = flow.store.get()
    expect(statuses).toEqual(['sending', 'code-sent'])
    expect(state.phoneNumber).not.toBe(phone)
    expect(state.phoneNumber.verification?.status).toBe('unverified')
    expect(state).toMatchObject({ resendInSeconds: 30, expiresInSeconds: 600, attempts: 0, error: null, code: null })
    expect(backend.prepare).toHaveBeenCalledWith({ signal: expect.any(AbortSignal) })
  })

  it('counts the cooldown and the expiry down once a second', async () => {
    const flow = createVerificationFlow(createFakeBackend().phone())
    await flow.send()
    vi.advanceTimersByTime(1000)
    expect(flow.store.get()).toMatchObject({ resendInSeconds: 29, expiresInSeconds: 599 })
    vi.advanceTimersByTime(29_000)
    expect(flow.store.get()).toMatchObject({ resendInSeconds: 0, expiresInSeconds: 570 })
  })

  it('uses resendCooldownSeconds when the server gives no Retry-After', async () => {
    const flow = createVerificationFlow(createFakeBackend().phone(), { resendCooldownSeconds: 45 })
    await flow.send()
    expect(flow.store.get().resendInSeconds).toBe(45)
  })

  it('sends one request for a double click', async () => {
    const backend = createFakeBackend()
    const flow = createVerificationFlow(backend.phone())
    await Promise.all([flow.send(), flow.send()])
    expect(backend.prepare).toHaveBeenCalledTimes(1)
  })

  it('ignores send and resend during the cooldown, and resends from the latest instance after it', async () => {
    const backend = createFakeBackend()
    const flow = createVerificationFlow(backend.phone())
    await flow.send()
    const first = flow.store.get().phoneNumber
    await flow.resend()
    await flow.send()
    expect(backend.prepare).toHaveBeenCalledTimes(1)

    vi.advanceTimersByTime(30_000)
    await flow.resend()
    expect(backend.prepare).toHaveBeenCalledTimes(2)
    expect(flow.store.get().phoneNumber).not.toBe(first)
    expect(flow.store.get()).toMatchObject({ status: 'code-sent', resendInSeconds: 30, expiresInSeconds: 600 })
  })

  it('does not resend before a first send', async () => {
    const backend = createFakeBackend()
    const flow = createVerificationFlow(backend.phone())
    await flow.resend()
    expect(backend.prepare).not.toHaveBeenCalled()
    expect(flow.store.get().status).toBe('idle')
  })

  it('takes the cooldown from Retry-After on a throttled resend and keeps the earlier code', async () => {
    const backend = createFakeBackend()
    const flow = createVerificationFlow(backend.phone())
    await flow.send()
    vi.advanceTimersByTime(30_000)
    const throttled = apiError(429, 'verification_code_too_many_requests', { retryAfter: 12 })
    backend.prepare.mockRejectedValueOnce(throttled)

    await flow.resend()

    expect(flow.store.get()).toMatchObject({ status: 'code-sent', error: throttled, resendInSeconds: 12, expiresInSeconds: 570 })
    vi.advanceTimersByTime(12_000)
    expect(flow.store.get().resendInSeconds).toBe(0)
  })

  it('returns to idle with the error and the server cooldown when a first send is throttled', async () => {
    const backend = createFakeBackend()
    backend.prepare.mockRejectedValueOnce(apiError(429, 'verification_code_too_many_requests', { retryAfter: 20 }))
    const flow = createVerificationFlow(backend.phone())
    await flow.send()
    expect(flow.store.get()).toMatchObject({ status: 'idle', resendInSeconds: 20, expiresInSeconds: null })
    expect(flow.store.get().error?.name).toBe('ApiResponseError')
  })

  it('reports an offline send as an error and allows an immediate retry', async () => {
    const backend = createFakeBackend()
    const offline = new NetworkError('offline', 'You are offline')
    backend.prepare.mockRejectedValueOnce(offline)
    const flow = createVerificationFlow(backend.phone())

    await flow.send()
    expect(flow.store.get()).toMatchObject({ status: 'idle', error: offline, resendInSeconds: 0 })
    expect(vi.getTimerCount()).toBe(0)

    await flow.send()
    expect(flow.store.get()).toMatchObject({ status: 'code-sent', error: null })
  })

  it('wraps a foreign throw in a DialkitError that keeps it as cause', async () => {
    const backend = createFakeBackend()
    const boom = new TypeError('boom')
    backend.prepare.mockRejectedValueOnce(boom)
    backend.prepare.mockRejectedValueOnce('not an error')
    const flow = createVerificationFlow(backend.phone())

    await flow.send()
    expect(flow.store.get().error).toBeInstanceOf(DialkitError)
    expect(flow.store.get().error).toMatchObject({ message: 'boom', cause: boom })
    await flow.send()
    expect(flow.store.get().error?.message).toBe('Verification request failed')
  })

  it('restarts a failed or expired verification with a new code', async () => {
    const backend = createFakeBackend()
    backend.attempt.mockRejectedValueOnce(apiError(400, 'verification_failed'))
    const flow = createVerificationFlow(backend.phone())
    await flow.send()
    await flow.submit('000000')
    expect(flow.store.get().status).toBe('failed')

    vi.advanceTimersByTime(30_000)
    await flow.send()
    expect(flow.store.get()).toMatchObject({ status: 'code-sent', error: null, expiresInSeconds: 600, attempts: 0 })
  })

  it('shows the old code expiring while a resend is in flight, then the new one', async () => {
    const backend = createFakeBackend()
    const flow = createVerificationFlow(backend.phone())
    await flow.send()
    vi.advanceTimersByTime(599_000)
    const pending = deferred<FakePhone>()
    backend.prepare.mockReturnValueOnce(pending.promise)

    const resent = flow.resend()
    vi.advanceTimersByTime(1000)
    expect(flow.store.get()).toMatchObject({ status: 'sending', expiresInSeconds: 0 })
    pending.resolve(backend.phone({ status: 'unverified', expireAt: new Date(Date.now() + 600_000), attempts: 0 }))
    await resent
    expect(flow.store.get()).toMatchObject({ status: 'code-sent', expiresInSeconds: 600 })
  })

  it('marks the old code expired when a resend during its last second fails', async () => {
    const backend = createFakeBackend()
    const flow = createVerificationFlow(backend.phone())
    await flow.send()
    vi.advanceTimersByTime(599_500)
    const pending = deferred<FakePhone>()
    backend.prepare.mockReturnValueOnce(pending.promise)
    const resent = flow.resend()
    vi.advanceTimersByTime(1000)
    pending.reject(new NetworkError('failed', 'Network down'))
    await resent
    expect(flow.store.get()).toMatchObject({ status: 'expired', expiresInSeconds: 0 })
  })

  it('treats a prepare answer without an expiry as a pending code with no countdown', async () => {
    const backend = createFakeBackend()
    backend.prepare.mockImplementationOnce(async () => backend.phone({ status: 'unverified', expireAt: null, attempts: null }))
    const flow = createVerificationFlow(backend.phone())
    await flow.send()
    expect(flow.store.get()).toMatchObject({ status: 'code-sent', expiresInSeconds: null, attempts: 0 })
  })
})

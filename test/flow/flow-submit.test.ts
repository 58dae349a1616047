import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ValidationError } from '../../src/errors/index.js'
import { createVerificationFlow } from '../../src/flow/index.js'
import { GOOD_CODE, apiError, createFakeBackend, deferred, pendingVerification, type FakePhone } from './fake-phone.js'

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-05-12T10:00:00Z') })
})
afterEach(() => {
  vi.useRealTimers()
})

async function sentFlow(backend = createFakeBackend()) {
  const flow = createVerificationFlow(backend.phone())
  await flow.send()
  return { backend, flow }
}

describe('submit', () => {
  it('goes verifying → verified with the verified instance and stops every timer', async () => {
    const { backend, flow } = await sentFlow()
    const sent = flow.store.get().phoneNumber
    const statuses: string[] = []
    flow.store.listen((state) => statuses.push(state.status))

    await flow.submit(GOOD_CODE)

    expect(statuses).toEqual(['verifying', 'verified'])
    expect(flow.store.get()).toMatchObject({ status: 'verified', code: GOOD_CODE, error: null, attempts: 1 })
    expect(flow.store.get()).toMatchObject({ expiresInSeconds: null, resendInSeconds: 0 })
    expect(flow.store.get().phoneNumber.verification?.status).toBe('verified')
    expect(backend.attempt).toHaveBeenCalledWith({ code: GOOD_CODE, signal: expect.any(AbortSignal) })
    expect(flow.store.get().phoneNumber).not.toBe(sent)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('stays in code-sent on a wrong code, with the field error and one more attempt', async () => {
    const { flow } = await sentFlow()
    await flow.submit('111111')
    const state = flow.store.get()
    expect(state).toMatchObject({ status: 'code-sent', attempts: 1, code: '111111', expiresInSeconds: 600 })
    expect(state.error).toMatchObject({ name: 'ApiResponseError', code: 'form_code_incorrect', paramName: 'code' })

    await flow.submit('222222')
    expect(flow.store.get().attempts).toBe(2)
    await flow.submit(GOOD_CODE)
    expect(flow.store.get()).toMatchObject({ status: 'verified', error: null })
  })

  it('lands a ValidationError from the SDK in error without counting an attempt', async () => {
    const { backend, flow } = await sentFlow()
    const refused = new ValidationError('code_invalid', 'Enter the 6-digit code', { paramName: 'code' })
    backend.attempt.mockRejectedValueOnce(refused)
    await flow.submit('12a')
    expect(flow.store.get()).toMatchObject({ status: 'code-sent', error: refused, attempts: 0 })
  })

  it('goes to failed on verification_failed and stops the expiry countdown', async () => {
    const { backend, flow } = await sentFlow()
    backend.attempt.mockRejectedValueOnce(apiError(400, 'verification_failed'))
    await flow.submit('333333')
    expect(flow.store.get()).toMatchObject({ status: 'failed', expiresInSeconds: null, resendInSeconds: 30 })
    expect(flow.store.get().error).toMatchObject({ code: 'verification_failed' })
  })

  it('goes to expired on verification_expired, e.g. when the server clock ran ahead', async () => {
    const { backend, flow } = await sentFlow()
    backend.attempt.mockRejectedValueOnce(apiError(400, 'verification_expired'))
    await flow.submit('444444')
    expect(flow.store.get()).toMatchObject({ status: 'expired', expiresInSeconds: 0 })
  })

  it('follows the status an attempt answers with', async () => {
    const { backend, flow } = await sentFlow()
    backend.attempt.mockImplementationOnce(async () => backend.phone(pendingVerification(2)))
    await flow.submit('555555')
    expect(flow.store.get()).toMatchObject({ status: 'code-sent', attempts: 2, error: null })

    backend.attempt.mockImplementationOnce(async () => backend.phone({ status: 'failed', expireAt: null, attempts: null }))
    await flow.submit('666666')
    expect(flow.store.get()).toMatchObject({ status: 'failed', attempts: 3, expiresInSeconds: null })
  })

  it('is ignored unless a code is pending', async () => {
    const backend = createFakeBackend()
    const flow = createVerificationFlow(backend.phone())
    await flow.submit(GOOD_CODE)
    expect(backend.attempt).not.toHaveBeenCalled()
    expect(flow.store.get().status).toBe('idle')
  })

  it('sends one attempt when submitted twice quickly', async () => {
    const { backend, flow } = await sentFlow()
    await Promise.all([flow.submit(GOOD_CODE), flow.submit(GOOD_CODE)])
    expect(backend.attempt).toHaveBeenCalledTimes(1)
  })

  it('lets the server decide when the code runs out during the check', async () => {
    const { backend, flow } = await sentFlow()
    vi.advanceTimersByTime(599_000)
    const pending = deferred<FakePhone>()
    backend.attempt.mockReturnValueOnce(pending.promise)
    const submitted = flow.submit(GOOD_CODE)
    vi.advanceTimersByTime(2000)
    expect(flow.store.get()).toMatchObject({ status: 'verifying', expiresInSeconds: 0 })
    pending.reject(apiError(400, 'verification_expired'))
    await submitted
    expect(flow.store.get()).toMatchObject({ status: 'expired', expiresInSeconds: 0 })
    expect(vi.getTimerCount()).toBe(0)
  })

  it('expires a code a wrong answer comes back for after its deadline', async () => {
    const { backend, flow } = await sentFlow()
    vi.advanceTimersByTime(599_500)
    const pending = deferred<FakePhone>()
    backend.attempt.mockReturnValueOnce(pending.promise)
    const submitted = flow.submit('777777')
    vi.advanceTimersByTime(1000)
    pending.reject(apiError(422, 'form_code_incorrect', { paramName: 'code' }))
    await submitted
    expect(flow.store.get()).toMatchObject({ status: 'expired', attempts: 1 })
  })
})

describe('expiry', () => {
  it('goes to expired when expireAt passes, then stops ticking', async () => {
    const { flow } = await sentFlow()
    vi.advanceTimersByTime(599_000)
    expect(flow.store.get()).toMatchObject({ status: 'code-sent', expiresInSeconds: 1 })
    vi.advanceTimersByTime(1000)
    expect(flow.store.get()).toMatchObject({ status: 'expired', expiresInSeconds: 0, resendInSeconds: 0 })
    expect(vi.getTimerCount()).toBe(0)
  })

  it('notifies once per second with both counters in one snapshot', async () => {
    const { flow } = await sentFlow()
    const seen: Array<[number, number | null]> = []
    flow.store.listen((state) => seen.push([state.resendInSeconds, state.expiresInSeconds]))
    vi.advanceTimersByTime(500)
    expect(seen).toEqual([])
    vi.advanceTimersByTime(2500)
    expect(seen).toEqual([
      [29, 599],
      [28, 598],
      [27, 597],
    ])
  })
})

// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createVerificationFlow, signInSecondFactor } from '../../src/flow/index.js'
import { GOOD_CODE, apiError, createFakeBackend } from './fake-phone.js'
import { createFakeSignIns } from './fake-sign-in.js'
import { installWebOtp, settle, uninstallWebOtp } from './web-otp-fake.js'

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-05-12T10:00:00Z') })
})
afterEach(() => {
  vi.useRealTimers()
  uninstallWebOtp()
})

describe('WebOTP', () => {
  it('asks for the SMS after the code is sent, then fills and submits it by itself', async () => {
    const webOtp = installWebOtp()
    const backend = createFakeBackend()
    const flow = createVerificationFlow(backend.phone())
    await flow.send()
    expect(webOtp.get).toHaveBeenCalledWith({ otp: { transport: ['sms'] }, signal: expect.any(AbortSignal) })

    webOtp.last()?.deliver(GOOD_CODE)
    await settle()
    expect(backend.attempt).toHaveBeenCalledWith({ code: GOOD_CODE, signal: expect.any(AbortSignal) })
    expect(flow.store.get()).toMatchObject({ status: 'verified', code: GOOD_CODE })
  })

  it('fills a sign-in’s second factor the same way', async () => {
    const webOtp = installWebOtp()
    const server = createFakeSignIns({ twoFactor: true })
    const flow = createVerificationFlow(signInSecondFactor(server.signIn('needs_second_factor')))
    await flow.send()
    webOtp.last()?.deliver(GOOD_CODE)
    await settle()
    expect(server.attemptSecondFactor).toHaveBeenCalledWith({ strategy: 'phone_code', code: GOOD_CODE, signal: expect.any(AbortSignal) })
    expect(flow.store.get()).toMatchObject({ status: 'verified', code: GOOD_CODE })
    expect(flow.store.get().target.signIn.status).toBe('complete')
  })

  it('does not ask before a code is sent', () => {
    const webOtp = installWebOtp()
    createVerificationFlow(createFakeBackend().phone())
    expect(webOtp.get).not.toHaveBeenCalled()
  })

  it('aborts the request when the person submits the code first and it is right', async () => {
    const webOtp = installWebOtp()
    const flow = createVerificationFlow(createFakeBackend().phone())
    await flow.send()
    await flow.submit(GOOD_CODE)
    expect(webOtp.last()?.options.signal?.aborted).toBe(true)
  })

  it('keeps waiting after a wrong typed code', async () => {
    const webOtp = installWebOtp()
    const flow = createVerificationFlow(createFakeBackend().phone())
    await flow.send()
    await flow.submit('000000')
    expect(webOtp.last()?.options.signal?.aborted).toBe(false)
    webOtp.last()?.deliver(GOOD_CODE)
    await settle()
    expect(flow.store.get().status).toBe('verified')
  })

  it('drops a code that arrives while the person’s own submit is in flight', async () => {
    const webOtp = installWebOtp()
    const backend = createFakeBackend()
    const flow = createVerificationFlow(backend.phone())
    await flow.send()
    const submitted = flow.submit(GOOD_CODE)
    webOtp.last()?.deliver(GOOD_CODE)
    await submitted
    await settle()
    expect(backend.attempt).toHaveBeenCalledTimes(1)
  })

  it.each([
    ['cancel', (flow: { cancel(): void }) => flow.cancel()],
    ['destroy', (flow: { destroy(): void }) => flow.destroy()],
  ])('aborts the request on %s', async (_name, end) => {
    const webOtp = installWebOtp()
    const backend = createFakeBackend()
    const flow = createVerificationFlow(backend.phone())
    await flow.send()
    end(flow)
    expect(webOtp.last()?.options.signal?.aborted).toBe(true)
    await settle()
    expect(backend.attempt).not.toHaveBeenCalled()
  })

  it('replaces the request on a new send, and keeps it when the resend is throttled', async () => {
    const webOtp = installWebOtp()
    const backend = createFakeBackend()
    const flow = createVerificationFlow(backend.phone())
    await flow.send()
    const first = webOtp.last()
    vi.advanceTimersByTime(30_000)
    await flow.resend()
    expect(first?.options.signal?.aborted).toBe(true)
    expect(webOtp.get).toHaveBeenCalledTimes(2)

    vi.advanceTimersByTime(30_000)
    backend.prepare.mockRejectedValueOnce(apiError(429, 'verification_code_too_many_requests', { retryAfter: 5 }))
    await flow.resend()
    expect(webOtp.get).toHaveBeenCalledTimes(3)
    expect(webOtp.last()?.options.signal?.aborted).toBe(false)
  })

  it('aborts the request when the code expires', async () => {
    const webOtp = installWebOtp()
    const flow = createVerificationFlow(createFakeBackend().phone())
    await flow.send()
    vi.advanceTimersByTime(600_000)
    expect(flow.store.get().status).toBe('expired')
    expect(webOtp.last()?.options.signal?.aborted).toBe(true)
  })

  it('stays off with webOtp: false', async () => {
    const webOtp = installWebOtp()
    const flow = createVerificationFlow(createFakeBackend().phone(), { webOtp: false })
    await flow.send()
    expect(webOtp.get).not.toHaveBeenCalled()
  })

  it('works without WebOTP: the code is typed', async () => {
    const flow = createVerificationFlow(createFakeBackend().phone())
    await flow.send()
    await flow.submit(GOOD_CODE)
    expect(flow.store.get().status).toBe('verified')
  })
})

import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest'
import { createVerificationFlow, signInFirstFactor, signInSecondFactor, type VerificationFlowState } from '../../src/index.js'
import type { SignInFactorTarget } from '../../src/flow/index.js'
import { GOOD_CODE, apiError, pendingVerification } from './fake-phone.js'
import { createFakeSignIns, type FakeSignIn } from './fake-sign-in.js'

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-05-12T10:00:00Z') })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('signInFirstFactor', () => {
  it('drives the first factor with the phone flow’s store shape and keeps the latest sign-in', async () => {
    const server = createFakeSignIns({ twoFactor: true })
    const signIn = server.signIn('needs_first_factor')
    const flow = createVerificationFlow(signInFirstFactor(signIn))
    expect(flow.store.get()).toMatchObject({ status: 'idle', expiresInSeconds: null, attempts: 0 })
    expect(flow.store.get().target.signIn).toBe(signIn)

    await flow.send()
    expect(server.prepareFirstFactor).toHaveBeenCalledWith({ strategy: 'phone_code', signal: expect.any(AbortSignal) })
    expect(flow.store.get()).toMatchObject({ status: 'code-sent', resendInSeconds: 30, expiresInSeconds: 600 })

    await flow.submit('111111')
    expect(flow.store.get()).toMatchObject({ status: 'code-sent', attempts: 1, error: { code: 'form_code_incorrect' } })
    await flow.submit(GOOD_CODE)
    expect(server.attemptFirstFactor).toHaveBeenLastCalledWith({ strategy: 'phone_code', code: GOOD_CODE, signal: expect.any(AbortSignal) })
    const state = flow.store.get()
    expect(state).toMatchObject({ status: 'verified', error: null, expiresInSeconds: null })
    expect(state.target.signIn.status).toBe('needs_second_factor')
    expect(state.phoneNumber).toBe(state.target)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('texts the factor it is told, on every send', async () => {
    const server = createFakeSignIns()
    const flow = createVerificationFlow(signInFirstFactor(server.signIn('needs_first_factor'), { phoneNumberId: 'idn_2' }))
    await flow.send()
    vi.advanceTimersByTime(30_000)
    await flow.resend()
    expect(server.prepareFirstFactor).toHaveBeenCalledTimes(2)
    expect(server.prepareFirstFactor).toHaveBeenLastCalledWith({ strategy: 'phone_code', phoneNumberId: 'idn_2', signal: expect.any(AbortSignal) })
  })

  it('resumes a first factor whose code is still pending (a reload), countdown included', () => {
    const signIn = createFakeSignIns().signIn('needs_first_factor', pendingVerification(1, 90_000))
    const flow = createVerificationFlow(signInFirstFactor(signIn))
    expect(flow.store.get()).toMatchObject({ status: 'code-sent', expiresInSeconds: 90, attempts: 1 })
    vi.advanceTimersByTime(90_000)
    expect(flow.store.get().status).toBe('expired')
  })

  it('takes the cooldown from a throttled prepare and lands the error', async () => {
    const server = createFakeSignIns()
    const throttled = apiError(429, 'too_many_requests', { retryAfter: 15 })
    server.prepareFirstFactor.mockRejectedValueOnce(throttled)
    const flow = createVerificationFlow(signInFirstFactor(server.signIn('needs_first_factor')))
    await flow.send()
    expect(flow.store.get()).toMatchObject({ status: 'idle', error: throttled, resendInSeconds: 15 })
  })

  it('ends in failed on verification_failed, leaving the sign-in as it was', async () => {
    const server = createFakeSignIns()
    const flow = createVerificationFlow(signInFirstFactor(server.signIn('needs_first_factor')))
    await flow.send()
    const sent = flow.store.get().target.signIn
    server.attemptFirstFactor.mockRejectedValueOnce(apiError(422, 'verification_failed'))
    await flow.submit('222222')
    expect(flow.store.get()).toMatchObject({ status: 'failed', expiresInSeconds: null })
    expect(flow.store.get().target.signIn).toBe(sent)
  })
})

describe('signInSecondFactor', () => {
  it('sends and checks the second factor and ends on the completed sign-in', async () => {
    const server = createFakeSignIns({ twoFactor: true })
    const flow = createVerificationFlow(signInSecondFactor(server.signIn('needs_second_factor'), { phoneNumberId: 'idn_1' }))
    expect(flow.store.get().status).toBe('idle')
    await flow.send()
    expect(server.prepareSecondFactor).toHaveBeenCalledWith({ strategy: 'phone_code', phoneNumberId: 'idn_1', signal: expect.any(AbortSignal) })
    expect(server.prepareFirstFactor).not.toHaveBeenCalled()
    expect(flow.store.get()).toMatchObject({ status: 'code-sent', expiresInSeconds: 600 })

    await flow.submit(GOOD_CODE)
    expect(server.attemptSecondFactor).toHaveBeenCalledWith({ strategy: 'phone_code', code: GOOD_CODE, signal: expect.any(AbortSignal) })
    expect(flow.store.get().status).toBe('verified')
    expect(flow.store.get().target.signIn).toMatchObject({ status: 'complete', createdSessionId: 'sess_1' })
  })

  it('reads the second factor’s verification, not the first one’s', () => {
    const signIn = createFakeSignIns().signIn('needs_second_factor', { status: 'verified', expireAt: null, attempts: 1 })
    expect(createVerificationFlow(signInFirstFactor(signIn)).store.get().status).toBe('verified')
    expect(createVerificationFlow(signInSecondFactor(signIn)).store.get().status).toBe('idle')
  })
})

describe('types', () => {
  it('keeps the sign-in’s own type in the state', () => {
    const flow = createVerificationFlow(signInFirstFactor(createFakeSignIns().signIn('needs_first_factor')))
    expectTypeOf(flow.store.get()).toEqualTypeOf<VerificationFlowState<SignInFactorTarget<FakeSignIn>>>()
    expectTypeOf(flow.store.get().target.signIn.status).toEqualTypeOf<FakeSignIn['status']>()
    // @ts-expect-error a phone number is not a sign-in (and at run time it is refused)
    expect(() => signInFirstFactor({ verification: null, prepareVerification: async () => null, attemptVerification: async () => null })).toThrow(
      expect.objectContaining({ name: 'ValidationError', paramName: 'sign_in' }),
    )
  })
})

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createVerificationFlow, signUpPhoneNumber } from '../../src/index.js'
import { GOOD_CODE, apiError, pendingVerification } from './fake-phone.js'
import { createFakeSignUps } from './fake-sign-in.js'

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-05-12T10:00:00Z') })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('signUpPhoneNumber', () => {
  it('verifies a sign-up’s phone number and ends on the completed sign-up', async () => {
    const server = createFakeSignUps()
    const flow = createVerificationFlow(signUpPhoneNumber(server.signUp('missing_requirements')))
    await flow.send()
    expect(server.prepare).toHaveBeenCalledWith({ signal: expect.any(AbortSignal) })
    expect(flow.store.get()).toMatchObject({ status: 'code-sent', resendInSeconds: 30, expiresInSeconds: 600 })

    await flow.submit('000000')
    expect(flow.store.get()).toMatchObject({ status: 'code-sent', attempts: 1 })
    await flow.submit(GOOD_CODE)
    expect(server.attempt).toHaveBeenLastCalledWith({ code: GOOD_CODE, signal: expect.any(AbortSignal) })
    expect(flow.store.get()).toMatchObject({ status: 'verified', error: null })
    expect(flow.store.get().target.signUp.status).toBe('complete')
  })

  it('resumes a pending code and expires it on time', () => {
    const flow = createVerificationFlow(signUpPhoneNumber(createFakeSignUps().signUp('missing_requirements', pendingVerification(0, 5000))))
    expect(flow.store.get()).toMatchObject({ status: 'code-sent', expiresInSeconds: 5 })
    vi.advanceTimersByTime(5000)
    expect(flow.store.get()).toMatchObject({ status: 'expired', expiresInSeconds: 0 })
  })

  it('goes to expired when the server says the code expired', async () => {
    const server = createFakeSignUps()
    server.attempt.mockRejectedValueOnce(apiError(422, 'verification_expired'))
    const flow = createVerificationFlow(signUpPhoneNumber(server.signUp('missing_requirements')))
    await flow.send()
    await flow.submit(GOOD_CODE)
    expect(flow.store.get()).toMatchObject({ status: 'expired', expiresInSeconds: 0 })
  })

  it('aborts the prepare on cancel and ignores its late answer', async () => {
    const server = createFakeSignUps()
    let answer!: () => void
    server.prepare.mockImplementationOnce(
      () => new Promise((resolve) => (answer = () => resolve(server.signUp('missing_requirements', pendingVerification())))),
    )
    const flow = createVerificationFlow(signUpPhoneNumber(server.signUp('missing_requirements')))
    const sent = flow.send()
    flow.cancel()
    expect(server.prepare.mock.calls[0]?.[0]?.signal?.aborted).toBe(true)
    answer()
    await sent
    expect(flow.store.get()).toMatchObject({ status: 'idle', expiresInSeconds: null })
  })
})

import { describe, expect, it } from 'vitest'
import { NetworkError, ValidationError, type DialkitError } from '../../src/errors/index.js'
import { initialModel, reduce, type FlowAction, type FlowModel } from '../../src/flow/flow-reducer.js'
import type { VerifiableVerification, VerificationFlowStatus, VerificationTarget } from '../../src/flow/flow-types.js'
import { apiError } from './fake-phone.js'

// The reducer alone: plain data in, plain data out, no timers and no promises.
const T0 = 1_800_000_000_000
const TTL = 600_000

interface Target extends VerificationTarget<Target> {
  readonly name: string
}

function target(name: string, verification: VerifiableVerification | null): Target {
  const refuse = () => Promise.reject(new Error('the reducer never calls the target'))
  return { name, verification, prepareVerification: refuse, attemptVerification: refuse }
}

const fresh = target('fresh', null)
const pending = target('pending', { status: 'unverified', expireAt: new Date(T0 + TTL), attempts: 0 })
const verified = target('verified', { status: 'verified', expireAt: null, attempts: 1 })

const at = (now: number) => ({
  tick: { type: 'tick', now },
  send: { type: 'send', now },
  resend: { type: 'resend', now },
  sent: (next: Target) => ({ type: 'sent', target: next, now }),
  sendFailed: (error: DialkitError) => ({ type: 'sendFailed', error, now }),
  submit: (code: string) => ({ type: 'submit', code, now }),
  attempted: (next: Target) => ({ type: 'attempted', target: next, now }),
  attemptFailed: (error: DialkitError) => ({ type: 'attemptFailed', error, now }),
  cancel: { type: 'cancel', now },
}) satisfies Record<string, FlowAction<Target> | ((arg: never) => FlowAction<Target>)>

const now = at(T0)
const later = at(T0 + 30_000)
const idle = initialModel(fresh, T0, 30_000)
const sending = reduce(idle, now.send)
const codeSent = reduce(sending, now.sent(pending))
const verifying = reduce(codeSent, now.submit('111111'))
const models: Record<VerificationFlowStatus, FlowModel<Target>> = {
  idle,
  sending,
  'code-sent': codeSent,
  verifying,
  verified: reduce(verifying, now.attempted(verified)),
  failed: reduce(verifying, now.attemptFailed(apiError(400, 'verification_failed'))),
  expired: reduce(codeSent, at(T0 + TTL).tick),
}

describe('reduce: every transition', () => {
  const wrongCode = apiError(422, 'form_code_incorrect', { paramName: 'code' })
  const throttled = apiError(429, 'verification_code_too_many_requests', { retryAfter: 12 })
  const refused = new ValidationError('code_invalid', 'Enter the 6-digit code', { paramName: 'code' })
  const offline = new NetworkError('offline', 'You are offline')
  const sendingAgain = reduce(codeSent, later.resend)
  it.each<[string, FlowModel<Target>, FlowAction<Target>, Record<string, unknown>]>([
    ['idle + send → sending', idle, now.send, { status: 'sending', error: null }],
    ['sending + sent → code-sent with cooldown and expiry', sending, now.sent(pending), { status: 'code-sent', target: pending, phoneNumber: pending, resendInSeconds: 30, expiresInSeconds: 600, attempts: 0 }],
    ['sending + sent of a verified target → verified', sending, now.sent(verified), { status: 'verified', expiresInSeconds: null }],
    ['sending + 429 → back to idle with the server cooldown', sending, now.sendFailed(throttled), { status: 'idle', error: throttled, resendInSeconds: 12 }],
    ['resend + network error → the earlier code stands', sendingAgain, later.sendFailed(offline), { status: 'code-sent', error: offline, resendInSeconds: 0, expiresInSeconds: 570 }],
    ['code-sent + resend after the cooldown → sending', codeSent, later.resend, { status: 'sending', expiresInSeconds: 570 }],
    ['code-sent + submit → verifying', codeSent, now.submit('123456'), { status: 'verifying', code: '123456', error: null }],
    ['code-sent + tick at expireAt → expired', codeSent, at(T0 + TTL).tick, { status: 'expired', expiresInSeconds: 0, resendInSeconds: 0 }],
    ['verifying + tick at expireAt → still verifying at 0', verifying, at(T0 + TTL).tick, { status: 'verifying', expiresInSeconds: 0 }],
    ['verifying + attempted verified → verified, nothing counting', verifying, now.attempted(verified), { status: 'verified', attempts: 1, resendInSeconds: 0, expiresInSeconds: null }],
    ['verifying + wrong code → code-sent, one more attempt', verifying, now.attemptFailed(wrongCode), { status: 'code-sent', attempts: 1, error: wrongCode }],
    ['verifying + refused input → code-sent, no attempt', verifying, now.attemptFailed(refused), { status: 'code-sent', attempts: 0, error: refused }],
    ['verifying + verification_failed → failed', verifying, now.attemptFailed(apiError(400, 'verification_failed')), { status: 'failed', expiresInSeconds: null, resendInSeconds: 30 }],
    ['verifying + verification_expired → expired', verifying, now.attemptFailed(apiError(400, 'verification_expired')), { status: 'expired', expiresInSeconds: 0 }],
    ['verifying + wrong code after expireAt → expired', verifying, at(T0 + TTL).attemptFailed(wrongCode), { status: 'expired', attempts: 1 }],
    ['verifying + cancel → idle, code dropped', verifying, now.cancel, { status: 'idle', code: null, expiresInSeconds: null, resendInSeconds: 30 }],
    ['failed + send after the cooldown → sending', models.failed, later.send, { status: 'sending', error: null }],
    ['expired + send after the cooldown → sending', models.expired, later.send, { status: 'sending' }],
  ])('%s', (_name, model, action, expected) => {
    const next = reduce(model, action)
    expect(next.state).toMatchObject(expected)
    expect(Object.isFrozen(next.state)).toBe(true)
  })

  it.each<[string, FlowModel<Target>, FlowAction<Target>]>([
    ['idle + resend (nothing sent yet)', idle, now.resend],
    ['code-sent + send during the cooldown', codeSent, at(T0 + 29_999).send],
    ['sending + send (a double click)', sending, now.send],
    ['verifying + send', verifying, later.send],
    ['verifying + submit (a double submit)', verifying, now.submit('111111')],
    ['verified + send', models.verified, later.send],
    ['verified + cancel', models.verified, now.cancel],
    ['idle + submit', idle, now.submit('111111')],
    ['idle + a late sent (the send was cancelled)', idle, now.sent(pending)],
    ['code-sent + a late attempted', codeSent, now.attempted(verified)],
    ['code-sent + a late sendFailed', codeSent, now.sendFailed(throttled)],
    ['code-sent + tick within the same second', codeSent, at(T0 + 999).tick],
  ])('%s changes nothing and returns the same model', (_name, model, action) => {
    expect(reduce(model, action)).toBe(model)
  })
})

describe('initialModel', () => {
  it.each<[string, Target, Record<string, unknown>]>([
    ['a new target is idle', fresh, { status: 'idle', expiresInSeconds: null, attempts: 0 }],
    ['a pending code resumes its countdown', pending, { status: 'code-sent', expiresInSeconds: 600 }],
    ['a verified target is verified', verified, { status: 'verified', attempts: 1 }],
    ['a code past its expiry is expired', target('old', { status: 'unverified', expireAt: new Date(T0), attempts: 2 }), { status: 'expired', expiresInSeconds: 0, attempts: 2 }],
  ])('%s', (_name, start, expected) => {
    expect(initialModel(start, T0, 30_000).state).toMatchObject({ target: start, phoneNumber: start, resendInSeconds: 0, ...expected })
  })
})

describe('reduce is pure', () => {
  it('leaves the model it was given untouched and gives the same result for the same input', () => {
    const before = JSON.stringify(codeSent)
    const first = reduce(codeSent, now.submit('123456'))
    expect(JSON.stringify(codeSent)).toBe(before)
    expect(reduce(codeSent, now.submit('123456'))).toEqual(first)
  })

  it('counts down from the deadlines, not from how many ticks it saw', () => {
    expect(reduce(codeSent, at(T0 + 61_500).tick).state).toMatchObject({ resendInSeconds: 0, expiresInSeconds: 539 })
  })
})

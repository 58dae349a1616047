import type { EmulatorContext } from '../context.js'
import { TEST_CODE, generateCode } from '../codes.js'
import {
  formCodeIncorrect,
  formParamNil,
  tooManyCodeRequests,
  verificationAlreadyVerified,
  verificationExpired,
  verificationFailed,
  verificationNotSent,
} from '../errors.js'
import { createId } from '../ids.js'
import type { SmsPurpose } from '../outbox.js'
import { isTestNumber } from '../phone-format.js'
import type { VerificationRecord } from '../state.js'

// The SMS-code rules shared by every verification (a phone number, a sign-in factor, a sign-up's phone):
// CSPRNG code, keyed hash, constant-time compare, expiry, attempt limit, resend throttle, test numbers.
// Everything is synchronous between reading and writing a verification, so two concurrent requests on
// Node's single thread can never both pass the same attempt check.

function smsBody(code: string, host: string): string {
  return `Your verification code is ${code}.\n\n@${host} #${code}`
}

/**
 * The resend throttle is kept per number and purpose: it stops a second code for the same step too soon
 * (SMS pumping, double clicks), not the next step of the same sign-in, whose second factor texts the
 * number that just got the first factor's code.
 */
function throttleKey(phoneNumber: string, purpose: SmsPurpose): string {
  return `${purpose} ${phoneNumber}`
}

/** 429 with Retry-After while the last code for this number and purpose is younger than the resend throttle. */
function throttleCheck(ctx: EmulatorContext, key: string, now: number): void {
  const lastSentAt = ctx.store.smsSentAt.get(key)
  if (lastSentAt === undefined) return
  const waitMs = lastSentAt + ctx.config.resendThrottleMs - now
  if (waitMs > 0) throw tooManyCodeRequests(Math.ceil(waitMs / 1000), Math.round(ctx.config.resendThrottleMs / 1000))
}

/**
 * Sends a fresh code to an E.164 number unless it is throttled for `purpose`, and returns the new unverified
 * verification (the caller stores it, replacing the old one, so the previous code stops working).
 * Test numbers get 424242, no SMS and no throttle; every real SMS lands in the outbox tagged with `purpose`.
 * `host` is the WebOTP host written into the message.
 */
export function sendCode(ctx: EmulatorContext, phoneNumber: string, purpose: SmsPurpose, host: string): VerificationRecord {
  const now = ctx.clock.now()
  const test = isTestNumber(phoneNumber)
  // A test number sends nothing, so there is no carrier cost to protect: a test suite may ask for its code
  // as often as it likes (CI runs the same sign-in many times a minute) without ever meeting a 429.
  const code = test ? TEST_CODE : generateCode()
  if (!test) {
    const key = throttleKey(phoneNumber, purpose)
    throttleCheck(ctx, key, now)
    ctx.store.smsSentAt.set(key, now)
    ctx.outbox.add({ id: createId('sms'), to: phoneNumber, body: smsBody(code, host), code, purpose, createdAt: now })
  }
  return {
    strategy: 'phone_code',
    status: 'unverified',
    attempts: 0,
    expireAt: now + ctx.config.codeTtlMs,
    codeHash: ctx.hasher.hash(code),
    verifiedAtClient: null,
  }
}

/**
 * Checks a code against a verification, updating it in place. Wrong codes count; the attempt that
 * reaches `maxAttempts` fails the verification for good (a new send starts over). A correct code after
 * expiry or failure never succeeds. Returns normally only when the code was right. `onCounted` runs
 * when the attempt was counted (right or wrong), so the record holding the verification moves its
 * `updated_at` even when the attempt throws.
 */
export function checkCode(
  ctx: EmulatorContext,
  verification: VerificationRecord | null,
  code: string | null,
  onCounted: () => void,
): void {
  const before = verification?.attempts
  try {
    matchCode(ctx, verification, code)
  } finally {
    if (verification && verification.attempts !== before) onCounted()
  }
}

function matchCode(ctx: EmulatorContext, verification: VerificationRecord | null, code: string | null): void {
  if (code === null || code === '') throw formParamNil('code')
  if (verification?.status === 'verified') throw verificationAlreadyVerified('code')
  if (verification?.status === 'failed') throw verificationFailed('code')
  if (!verification || verification.strategy !== 'phone_code' || verification.codeHash === null) throw verificationNotSent('code')
  if (verification.expireAt !== null && ctx.clock.now() > verification.expireAt) throw verificationExpired('code')
  verification.attempts = (verification.attempts ?? 0) + 1
  if (ctx.hasher.matches(code, verification.codeHash)) {
    verification.status = 'verified'
    verification.codeHash = null
    return
  }
  if (verification.attempts >= ctx.config.maxAttempts) {
    verification.status = 'failed'
    verification.codeHash = null
    throw verificationFailed('code')
  }
  throw formCodeIncorrect()
}

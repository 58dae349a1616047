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
import { isTestNumber } from '../phone-format.js'
import type { PhoneRecord } from '../state.js'
import { touchPhone } from './users.js'

// Everything here is synchronous between reading and writing a verification, so two concurrent
// requests on Node's single thread can never both pass the same attempt check.

function smsBody(code: string, host: string): string {
  return `Your verification code is ${code}.\n\n@${host} #${code}`
}

function throttleCheck(ctx: EmulatorContext, phone: PhoneRecord, now: number): void {
  const lastSentAt = ctx.store.smsSentAt.get(phone.phoneNumber)
  if (lastSentAt === undefined) return
  const waitMs = lastSentAt + ctx.config.resendThrottleMs - now
  if (waitMs > 0) throw tooManyCodeRequests(Math.ceil(waitMs / 1000), Math.round(ctx.config.resendThrottleMs / 1000))
}

/**
 * Sends a fresh code (replacing any previous one) unless the number is throttled. Test numbers get
 * 424242 and no SMS. `host` is the WebOTP host written into the message.
 */
export function prepareVerification(ctx: EmulatorContext, phone: PhoneRecord, host: string): void {
  if (phone.verification?.status === 'verified') throw verificationAlreadyVerified('phone_number_id')
  const now = ctx.clock.now()
  throttleCheck(ctx, phone, now)
  const test = isTestNumber(phone.phoneNumber)
  const code = test ? TEST_CODE : generateCode()
  phone.verification = {
    strategy: 'phone_code',
    status: 'unverified',
    attempts: 0,
    expireAt: now + ctx.config.codeTtlMs,
    codeHash: ctx.hasher.hash(code),
    verifiedAtClient: null,
  }
  ctx.store.smsSentAt.set(phone.phoneNumber, now)
  touchPhone(ctx, phone)
  if (!test) ctx.outbox.add({ id: createId('sms'), to: phone.phoneNumber, body: smsBody(code, host), code, createdAt: now })
}

/**
 * Checks a code. Wrong codes count; the attempt that reaches `maxAttempts` fails the verification for
 * good (a new prepare starts over). A correct code after expiry or failure never succeeds.
 */
export function attemptVerification(ctx: EmulatorContext, phone: PhoneRecord, code: string | null, clientId: string | null): void {
  if (code === null || code === '') throw formParamNil('code')
  const verification = phone.verification
  if (verification?.status === 'verified') throw verificationAlreadyVerified('code')
  if (verification?.status === 'failed') throw verificationFailed('code')
  if (!verification || verification.strategy !== 'phone_code' || verification.codeHash === null) throw verificationNotSent('code')
  if (verification.expireAt !== null && ctx.clock.now() > verification.expireAt) throw verificationExpired('code')
  verification.attempts = (verification.attempts ?? 0) + 1
  touchPhone(ctx, phone)
  if (ctx.hasher.matches(code, verification.codeHash)) {
    verification.status = 'verified'
    verification.codeHash = null
    verification.verifiedAtClient = clientId
    phone.reserved = false
    const user = ctx.store.users.get(phone.userId)
    // A user's first verified number becomes primary, as in Clerk.
    if (user && user.primaryPhoneNumberId === null) user.primaryPhoneNumberId = phone.id
    return
  }
  if (verification.attempts >= ctx.config.maxAttempts) {
    verification.status = 'failed'
    verification.codeHash = null
    throw verificationFailed('code')
  }
  throw formCodeIncorrect()
}

import type { EmulatorContext } from '../context.js'
import { verificationAlreadyVerified } from '../errors.js'
import type { PhoneRecord } from '../state.js'
import { checkCode, sendCode } from './otp.js'
import { touchPhone } from './users.js'

// A user's phone number verification (/v1/me/phone_numbers/…): the shared code rules of otp.ts plus
// what only a phone record has (its timestamps, the primary slot, `reserved`).

/** Sends a fresh code to the number (replacing any previous one) unless it is throttled. */
export function prepareVerification(ctx: EmulatorContext, phone: PhoneRecord, host: string): void {
  if (phone.verification?.status === 'verified') throw verificationAlreadyVerified('phone_number_id')
  phone.verification = sendCode(ctx, phone.phoneNumber, 'phone_number_verification', host)
  touchPhone(ctx, phone)
}

/** Checks a code; a right one verifies the number, and a user's first verified number becomes primary, as in Clerk. */
export function attemptVerification(ctx: EmulatorContext, phone: PhoneRecord, code: string | null, clientId: string | null): void {
  const verification = phone.verification
  checkCode(ctx, verification, code, () => touchPhone(ctx, phone))
  verification!.verifiedAtClient = clientId
  phone.reserved = false
  const user = ctx.store.users.get(phone.userId)
  if (user && user.primaryPhoneNumberId === null) user.primaryPhoneNumberId = phone.id
}

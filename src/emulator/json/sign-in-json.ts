import type { SessionRecord, SignInRecord, SignInStepRecord, Store, UserRecord, VerificationRecord } from '../state.js'
import { createId } from '../ids.js'
import { effectiveStatus } from './phone-number-json.js'

// FAPI `Client.SignIn-2` (additionalProperties: false) for phone sign-ins, and the completed ticket one.

function userData(user: UserRecord | undefined) {
  return user ? { first_name: user.firstName, last_name: user.lastName, image_url: '', has_image: false } : null
}

/** `+14155552671` → `+*********71`: numbers other than the typed one are shown masked, as Clerk does. */
export function maskPhone(e164: string): string {
  return `+${'*'.repeat(Math.max(0, e164.length - 3))}${e164.slice(-2)}`
}

/** `Stubs.Verification.OTP`: an unverified code past its expiry reads as `expired`. */
export function otpJSON(verification: VerificationRecord, now: number) {
  return {
    object: 'verification_otp' as const,
    status: effectiveStatus(verification, now),
    strategy: 'phone_code' as const,
    attempts: verification.attempts,
    expire_at: verification.expireAt ?? 0,
    channel: 'sms' as const,
  }
}

function stepJSON(step: SignInStepRecord | null, now: number) {
  if (!step) return null
  if (step.strategy === 'backup_code') {
    return { object: 'verification_backup_code' as const, status: 'verified' as const, strategy: 'backup_code' as const, attempts: null, expire_at: null }
  }
  return otpJSON(step.verification, now)
}

function phones(store: Store, user: UserRecord | undefined) {
  return (user?.phoneNumberIds ?? []).flatMap((id) => {
    const phone = store.phoneNumbers.get(id)
    return phone?.verification?.status === 'verified' ? [phone] : []
  })
}

function firstFactors(store: Store, signIn: SignInRecord, user: UserRecord | undefined) {
  return phones(store, user).map((phone) => ({
    strategy: 'phone_code' as const,
    // clerk-js picks the factor whose safe_identifier equals the typed identifier, so that one stays readable.
    safe_identifier: phone.phoneNumber === signIn.identifier ? phone.phoneNumber : maskPhone(phone.phoneNumber),
    phone_number_id: phone.id,
    primary: user?.primaryPhoneNumberId === phone.id,
  }))
}

/** Populated only once the first factor is verified (Clerk's sign-in object docs). */
function secondFactors(store: Store, signIn: SignInRecord, user: UserRecord | undefined) {
  if (signIn.status === 'needs_first_factor') return null
  const sms = phones(store, user)
    .filter((phone) => phone.reservedForSecondFactor)
    .map((phone) => ({ strategy: 'phone_code' as const, safe_identifier: maskPhone(phone.phoneNumber), phone_number_id: phone.id, default: phone.defaultSecondFactor }))
  const backup = user?.backupCodeEnabled && user.backupCodeHashes.length > 0 ? [{ strategy: 'backup_code' as const }] : []
  return [...sms, ...backup]
}

/** A phone sign-in as the client sees it now. */
export function signInJSON(store: Store, signIn: SignInRecord, now: number) {
  const user = store.users.get(signIn.userId)
  return {
    object: 'sign_in_attempt' as const,
    id: signIn.id,
    status: signIn.status,
    supported_identifiers: ['phone_number' as const],
    supported_first_factors: firstFactors(store, signIn, user),
    supported_second_factors: secondFactors(store, signIn, user),
    first_factor_verification: stepJSON(signIn.firstFactor, now),
    second_factor_verification: stepJSON(signIn.secondFactor, now),
    identifier: signIn.identifier,
    user_data: userData(user),
    created_session_id: signIn.createdSessionId,
    abandon_at: signIn.abandonAt,
  }
}

/** FAPI `Client.SignIn-2` for a completed ticket sign-in. */
export function completedSignInJSON(user: UserRecord, session: SessionRecord) {
  return {
    object: 'sign_in_attempt' as const,
    id: createId('sia'),
    status: 'complete' as const,
    supported_identifiers: [],
    supported_first_factors: [],
    supported_second_factors: null,
    first_factor_verification: {
      object: 'verification_ticket' as const,
      status: 'verified' as const,
      strategy: 'ticket' as const,
      attempts: null,
      expire_at: null,
    },
    second_factor_verification: null,
    identifier: null,
    user_data: userData(user),
    created_session_id: session.id,
    abandon_at: session.abandonAt,
  }
}

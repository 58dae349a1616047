import type { PhoneRecord, VerificationRecord } from '../state.js'

// One shape serves both APIs: it is the intersection of FAPI `Client.PhoneNumber` and BAPI
// `PhoneNumber` (both additionalProperties: false). In particular no `error` on verifications: BAPI's
// `verification_otp` forbids it.

export interface VerificationJSONOut {
  object: 'verification_otp' | 'verification_admin'
  status: 'unverified' | 'verified' | 'failed' | 'expired'
  strategy: 'phone_code' | 'admin'
  attempts: number | null
  expire_at: number | null
  channel?: 'sms'
  verified_at_client?: string | null
}

export interface PhoneNumberJSONOut {
  id: string
  object: 'phone_number'
  phone_number: string
  reserved_for_second_factor: boolean
  default_second_factor: boolean
  reserved: boolean
  verification: VerificationJSONOut | null
  linked_to: never[]
  backup_codes: string[] | null
  created_at: number
  updated_at: number
}

/** Status as seen now: an unverified code past its expiry reads as `expired`. */
export function effectiveStatus(verification: VerificationRecord, now: number): VerificationJSONOut['status'] {
  if (verification.status === 'unverified' && verification.expireAt !== null && now > verification.expireAt) return 'expired'
  return verification.status
}

export function verificationJSON(verification: VerificationRecord, now: number): VerificationJSONOut {
  if (verification.strategy === 'admin') {
    // FAPI's Stubs.Verification.Admin allows only these five keys.
    return { object: 'verification_admin', status: 'verified', strategy: 'admin', attempts: null, expire_at: null }
  }
  return {
    object: 'verification_otp',
    status: effectiveStatus(verification, now),
    strategy: 'phone_code',
    attempts: verification.attempts,
    expire_at: verification.expireAt,
    channel: 'sms',
    verified_at_client: verification.verifiedAtClient,
  }
}

/** `backupCodes` is passed only by the one response that first enables SMS as a second factor. */
export function phoneNumberJSON(phone: PhoneRecord, now: number, backupCodes: string[] | null = null): PhoneNumberJSONOut {
  return {
    id: phone.id,
    object: 'phone_number',
    phone_number: phone.phoneNumber,
    reserved_for_second_factor: phone.reservedForSecondFactor,
    default_second_factor: phone.defaultSecondFactor,
    reserved: phone.reserved,
    verification: phone.verification && verificationJSON(phone.verification, now),
    linked_to: [],
    backup_codes: backupCodes,
    created_at: phone.createdAt,
    updated_at: phone.updatedAt,
  }
}

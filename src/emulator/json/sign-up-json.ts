import type { SignUpRecord } from '../state.js'
import { otpJSON } from './sign-in-json.js'

// FAPI `Client.SignUp` for a phone sign-up: the number is the one required field.

function phoneVerification(signUp: SignUpRecord, now: number) {
  // Before the first code there is nothing to show: the OTP stub requires an expire_at.
  if (!signUp.verification) return null
  const verified = signUp.verification.status === 'verified'
  return { ...otpJSON(signUp.verification, now), next_action: verified ? ('' as const) : ('needs_attempt' as const), supported_strategies: ['phone_code'] }
}

/** A sign-up as the client sees it now. */
export function signUpJSON(signUp: SignUpRecord, now: number) {
  const verified = signUp.verification?.status === 'verified'
  return {
    object: 'sign_up_attempt' as const,
    id: signUp.id,
    status: signUp.status,
    required_fields: ['phone_number'],
    optional_fields: ['first_name', 'last_name'],
    missing_fields: [],
    unverified_fields: verified ? [] : ['phone_number'],
    verifications: { email_address: null, phone_number: phoneVerification(signUp, now), web3_wallet: null, external_account: null },
    username: null,
    email_address: null,
    phone_number: signUp.phoneNumber,
    web3_wallet: null,
    password_enabled: false,
    // clerk-js reads has_password, the spec names it password_enabled.
    has_password: false,
    first_name: signUp.firstName,
    last_name: signUp.lastName,
    unsafe_metadata: signUp.unsafeMetadata,
    public_metadata: {},
    custom_action: false,
    external_id: null,
    created_session_id: signUp.createdSessionId,
    created_user_id: signUp.createdUserId,
    abandon_at: signUp.abandonAt,
    legal_accepted_at: null,
  }
}

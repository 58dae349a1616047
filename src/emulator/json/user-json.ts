import type { Store, UserRecord } from '../state.js'
import { phoneNumberJSON } from './phone-number-json.js'

// Identifiers and account features dialkit does not model, present because both specs (FAPI `Client.User`,
// BAPI `User`) require them. `enterprise_accounts` is required by FAPI without being declared there.
const UNMODELLED = {
  image_url: '',
  has_image: false,
  primary_email_address_id: null,
  primary_web3_wallet_id: null,
  password_enabled: false,
  totp_enabled: false,
  email_addresses: [],
  web3_wallets: [],
  passkeys: [],
  external_accounts: [],
  saml_accounts: [],
  enterprise_accounts: [],
  organization_memberships: [],
  password_last_updated_at: null,
  banned: false,
  locked: false,
  deprovisioned: false,
  lockout_expires_in_seconds: null,
  verification_attempts_remaining: null,
  delete_self_enabled: true,
  create_organization_enabled: true,
  legal_accepted_at: null,
} as const

function baseUserJSON(store: Store, user: UserRecord, now: number) {
  const phones = user.phoneNumberIds.flatMap((id) => {
    const phone = store.phoneNumbers.get(id)
    return phone ? [phoneNumberJSON(phone, now)] : []
  })
  return {
    ...UNMODELLED,
    id: user.id,
    object: 'user' as const,
    external_id: user.externalId,
    username: user.username,
    first_name: user.firstName,
    last_name: user.lastName,
    primary_phone_number_id: user.primaryPhoneNumberId,
    two_factor_enabled: phones.some((phone) => phone.reserved_for_second_factor),
    backup_code_enabled: user.backupCodeEnabled,
    phone_numbers: phones,
    public_metadata: user.publicMetadata,
    unsafe_metadata: user.unsafeMetadata,
    last_sign_in_at: user.lastSignInAt,
    last_active_at: user.lastSignInAt,
    mfa_enabled_at: user.mfaEnabledAt,
    mfa_disabled_at: user.mfaDisabledAt,
    created_at: user.createdAt,
    updated_at: user.updatedAt,
  }
}

export type UserJSONOut = ReturnType<typeof baseUserJSON>

/** The user as FAPI sends it (no private metadata: the browser must never see it). */
export function fapiUserJSON(store: Store, user: UserRecord, now: number): UserJSONOut {
  return baseUserJSON(store, user, now)
}

/** The user as BAPI sends it (adds the server-only fields of BAPI's `User`). */
export function bapiUserJSON(store: Store, user: UserRecord, now: number) {
  return {
    ...baseUserJSON(store, user, now),
    private_metadata: user.privateMetadata,
    locale: null,
    create_organizations_limit: null,
    bypass_client_trust: false,
  }
}

import type { Store, UserRecord } from '../state.js'
import { phoneNumberJSON } from './phone-number-json.js'

// Fields both specs require on a user (FAPI `Client.User`, BAPI `User`). Identifiers dialkit does not
// model (emails, wallets, passkeys, external accounts) are always empty.
function baseUserJSON(store: Store, user: UserRecord, now: number) {
  const phones = user.phoneNumberIds.flatMap((id) => {
    const phone = store.phoneNumbers.get(id)
    return phone ? [phoneNumberJSON(phone, now)] : []
  })
  const twoFactor = phones.some((phone) => phone.reserved_for_second_factor)
  return {
    id: user.id,
    object: 'user' as const,
    external_id: user.externalId,
    username: user.username,
    first_name: user.firstName,
    last_name: user.lastName,
    image_url: '',
    has_image: false,
    primary_email_address_id: null,
    primary_phone_number_id: user.primaryPhoneNumberId,
    primary_web3_wallet_id: null,
    password_enabled: false,
    two_factor_enabled: twoFactor,
    totp_enabled: false,
    backup_code_enabled: user.backupCodeEnabled,
    email_addresses: [],
    phone_numbers: phones,
    web3_wallets: [],
    passkeys: [],
    external_accounts: [],
    saml_accounts: [],
    enterprise_accounts: [],
    organization_memberships: [],
    public_metadata: user.publicMetadata,
    unsafe_metadata: user.unsafeMetadata,
    password_last_updated_at: null,
    last_sign_in_at: user.lastSignInAt,
    banned: false,
    locked: false,
    deprovisioned: false,
    lockout_expires_in_seconds: null,
    verification_attempts_remaining: null,
    delete_self_enabled: true,
    create_organization_enabled: true,
    last_active_at: user.lastSignInAt,
    mfa_enabled_at: user.mfaEnabledAt,
    mfa_disabled_at: user.mfaDisabledAt,
    legal_accepted_at: null,
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

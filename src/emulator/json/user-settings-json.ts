// `user_settings` of the environment: what makes Clerk's own clerk-js offer a phone number as the
// sign-in identifier, the SMS code as first and second factor, backup codes, and phone sign-up
// (sign-in fact sheet §3). Without it clerk-js assumes email + password with phones off.

export interface Attribute {
  enabled: boolean
  required: boolean
  used_for_first_factor: boolean
  first_factors: string[]
  used_for_second_factor: boolean
  second_factors: string[]
  verifications: string[]
  verify_at_sign_up: boolean
  immutable: boolean
}

const off: Attribute = {
  enabled: false,
  required: false,
  used_for_first_factor: false,
  first_factors: [],
  used_for_second_factor: false,
  second_factors: [],
  verifications: [],
  verify_at_sign_up: false,
  immutable: false,
}

const attributes = {
  email_address: off,
  phone_number: {
    ...off,
    enabled: true,
    required: true,
    used_for_first_factor: true,
    first_factors: ['phone_code'],
    used_for_second_factor: true,
    second_factors: ['phone_code'],
    verifications: ['phone_code'],
    verify_at_sign_up: true,
  },
  username: off,
  web3_wallet: off,
  first_name: { ...off, enabled: true },
  last_name: { ...off, enabled: true },
  password: off,
  authenticator_app: off,
  ticket: { ...off, enabled: true, used_for_first_factor: true, first_factors: ['ticket'] },
  backup_code: { ...off, enabled: true, used_for_second_factor: true, second_factors: ['backup_code'] },
  passkey: off,
}

const disabled = { enabled: false }

/** FAPI `Client.UserSettings` (every object additionalProperties: false in the spec). */
export function userSettingsJSON() {
  return {
    attributes,
    social: {},
    saml: disabled,
    enterprise_sso: disabled,
    sign_in: { second_factor: { required: false } },
    sign_up: { captcha_enabled: false, captcha_widget_type: 'smart' as const, custom_action_required: false, progressive: true, mode: 'public' as const, legal_consent_enabled: false },
    restrictions: {
      allowlist: disabled,
      blocklist: disabled,
      allowlist_blocklist_disabled_on_sign_in: disabled,
      block_email_subaddresses: disabled,
      block_disposable_email_domains: disabled,
    },
    // Passwords and usernames are off; the spec still requires their settings.
    password_settings: {
      disable_hibp: true,
      disable_password_reverification: true,
      min_length: 8,
      max_length: 72,
      require_special_char: false,
      require_numbers: false,
      require_uppercase: false,
      require_lowercase: false,
      show_zxcvbn: false,
      min_zxcvbn_strength: 0,
      enforce_hibp_on_sign_in: false,
      allowed_special_characters: '',
    },
    username_settings: { min_length: 4, max_length: 64, allow_extended_special_characters: false, allow_numeric_usernames: false },
    actions: { delete_self: true, create_organization: false, create_organizations_limit: null },
    attack_protection: {
      // Codes fail after the emulator's attempt limit; account lockout itself is not emulated.
      user_lockout: { enabled: false, max_attempts: 10, duration_in_minutes: 60 },
      pii: { enabled: true },
      email_link: { require_same_client: false },
      enumeration_protection: { enabled: false },
    },
    passkey_settings: { allow_autofill: false, show_sign_in_button: false, satisfies_second_factor: true },
  }
}

import { userSettingsJSON } from './user-settings-json.js'

/**
 * A minimal `Client.Environment`: phone numbers on, SMS code as first and second factor, phone sign-up,
 * test mode, and single-session mode unless the emulator runs with `singleSessionMode: false`.
 */
export function environmentJSON(options: { singleSessionMode: boolean }) {
  return {
    auth_config: {
      object: 'auth_config' as const,
      id: 'aac_dialkit_emulator',
      first_name: 'on',
      last_name: 'on',
      email_address: 'off',
      phone_number: 'on',
      username: 'off',
      password: 'off',
      identification_requirements: [['phone_number']],
      identification_strategies: ['phone_number'],
      first_factors: ['phone_code', 'ticket'],
      second_factors: ['phone_code', 'backup_code'],
      email_address_verification_strategies: [],
      single_session_mode: options.singleSessionMode,
      enhanced_email_deliverability: false,
      test_mode: true,
      url_based_session_syncing: true,
      claimed_at: null,
      reverification: false,
      native_settings: {
        object: 'native_settings' as const,
        api_enabled: true,
        trusted_device_sign_in_enabled: false,
        trusted_device_enrollment_prompt_after_sign_in_enabled: false,
        trusted_device_enrollment_prompt_after_sign_up_enabled: false,
      },
    },
    user_settings: userSettingsJSON(),
    maintenance_mode: false,
    client_debug_mode: false,
    partitioned_cookies: false,
  }
}

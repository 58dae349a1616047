// Wire JSON factories and a backend client over the shared fake `fetch`, for the backend client's unit tests.
import type { BackendPhoneNumberJSON, BackendUserJSON, SignInTokenJSON } from '../../src/wire/index.js'
import { createBackendClient } from '../../src/backend/index.js'
import { fakeFetch } from '../support/fake-fetch.js'

export const SECRET_KEY = 'sk_test_abc123'
export const API_URL = 'http://localhost:4010'

export function phoneNumberJSON(overrides: Partial<BackendPhoneNumberJSON> = {}): BackendPhoneNumberJSON {
  return {
    id: 'idn_1',
    object: 'phone_number',
    phone_number: '+14155552671',
    reserved_for_second_factor: false,
    default_second_factor: false,
    reserved: false,
    verification: { object: 'verification_admin', status: 'verified', strategy: 'admin', attempts: null, expire_at: null },
    linked_to: [],
    backup_codes: null,
    created_at: 1_700_000_000_000,
    updated_at: 1_700_000_000_001,
    ...overrides,
  }
}

export function userJSON(overrides: Partial<BackendUserJSON> = {}): BackendUserJSON {
  return {
    id: 'user_1',
    object: 'user',
    external_id: 'ext-1',
    first_name: 'Ada',
    last_name: 'Lovelace',
    username: null,
    primary_phone_number_id: 'idn_1',
    phone_numbers: [phoneNumberJSON()],
    two_factor_enabled: false,
    backup_code_enabled: false,
    public_metadata: { plan: 'pro' },
    created_at: 1_700_000_000_000,
    updated_at: 1_700_000_000_002,
    ...overrides,
  }
}

export function signInTokenJSON(overrides: Partial<SignInTokenJSON> = {}): SignInTokenJSON {
  return {
    object: 'sign_in_token',
    id: 'sit_1',
    status: 'pending',
    user_id: 'user_1',
    token: 'tok_secret',
    url: 'http://localhost:4010/v1/tickets/accept?ticket=tok_secret',
    created_at: 1_700_000_000_000,
    updated_at: 1_700_000_000_000,
    ...overrides,
  }
}

/** A backend client whose fetch answers with `respond()` and records what was sent (see test/support/fake-fetch.ts). */
export function fakeBackend(respond: () => Response | Promise<Response>, options: { timeout?: number } = {}) {
  const { fetch, sent } = fakeFetch(() => respond())
  const backend = createBackendClient({ secretKey: SECRET_KEY, apiUrl: API_URL, fetch, ...options })
  return { backend, fetch, sent }
}

// Wire JSON factories, shaped like the emulator's and Clerk's answers.
import type {
  ClientJSON,
  ErrorsBodyJSON,
  PhoneNumberJSON,
  SessionJSON,
  SignInJSON,
  UserJSON,
  VerificationJSON,
} from '../../src/wire/index.js'

export const NOW = 1_790_000_000_000

export function phoneJSON(overrides: Partial<PhoneNumberJSON> = {}): PhoneNumberJSON {
  return {
    id: 'idn_1',
    object: 'phone_number',
    phone_number: '+12015550123',
    reserved_for_second_factor: false,
    default_second_factor: false,
    reserved: false,
    verification: null,
    linked_to: [],
    backup_codes: null,
    created_at: NOW,
    updated_at: NOW,
    ...overrides,
  }
}

export function verificationJSON(overrides: Partial<VerificationJSON> = {}): VerificationJSON {
  return {
    object: 'verification_otp',
    status: 'unverified',
    strategy: 'phone_code',
    attempts: 0,
    expire_at: NOW + 600_000,
    channel: 'sms',
    ...overrides,
  }
}

export function userJSON(phones: PhoneNumberJSON[] = [], overrides: Partial<UserJSON> = {}): UserJSON {
  return {
    id: 'user_1',
    object: 'user',
    primary_phone_number_id: phones[0]?.id ?? null,
    phone_numbers: phones,
    two_factor_enabled: false,
    backup_code_enabled: false,
    created_at: NOW,
    updated_at: NOW,
    ...overrides,
  }
}

export function sessionJSON(user: UserJSON | null = userJSON(), overrides: Partial<SessionJSON> = {}): SessionJSON {
  return { id: 'sess_1', object: 'session', status: 'active', user, created_at: NOW, updated_at: NOW, ...overrides }
}

/** A client; signed in with `user` unless `user` is null. */
export function clientJSON(user: UserJSON | null = userJSON(), overrides: Partial<ClientJSON> = {}): ClientJSON {
  const sessions = user ? [sessionJSON(user)] : []
  return {
    id: 'client_1',
    object: 'client',
    sessions,
    sign_in: null,
    sign_up: null,
    last_active_session_id: sessions[0]?.id ?? null,
    created_at: NOW,
    updated_at: NOW,
    ...overrides,
  }
}

export function signInJSON(overrides: Partial<SignInJSON> = {}): SignInJSON {
  return { id: 'sia_1', object: 'sign_in_attempt', status: 'complete', created_session_id: 'sess_1', ...overrides }
}

export function envelope<T>(response: T, client: ClientJSON | null = null) {
  return { response, client }
}

export function errorsJSON(code: string, paramName?: string, extra: Partial<ErrorsBodyJSON> = {}): ErrorsBodyJSON {
  const meta = paramName ? { param_name: paramName } : undefined
  return { errors: [{ code, message: `${code} message`, long_message: `${code} long message`, ...(meta && { meta }) }], ...extra }
}

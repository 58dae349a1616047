// Frontend API wire shapes (snake_case, as on the wire). Field lists follow
// ../shared/clerk-openapi/fapi-2026-05-12.yml; only what dialkit reads or the emulator writes is typed
// strictly, the rest is carried through untouched so `fromJSON(json).toJSON()` round-trips.

export type VerificationStatus = 'unverified' | 'verified' | 'failed' | 'expired' | 'transferable'
export type VerificationStrategy = 'phone_code' | 'admin' | (string & {})
export type PhoneCodeChannel = 'sms' | 'whatsapp'

export interface ClerkErrorJSON {
  code: string
  message: string
  long_message?: string
  meta?: { param_name?: string; [key: string]: unknown }
}

export interface ErrorsBodyJSON {
  errors: ClerkErrorJSON[]
  meta?: Record<string, unknown>
  clerk_trace_id?: string
}

export interface VerificationJSON {
  object?: 'verification_otp' | 'verification_admin' | (string & {})
  status: VerificationStatus
  strategy: VerificationStrategy
  attempts: number | null
  /** Unix milliseconds. */
  expire_at: number | null
  channel?: PhoneCodeChannel | null
  error?: ClerkErrorJSON | null
  verified_at_client?: string | null
}

export interface IdentificationLinkJSON {
  id: string
  type: string
}

export interface PhoneNumberJSON {
  id: string
  object: 'phone_number'
  phone_number: string
  reserved_for_second_factor?: boolean
  default_second_factor?: boolean
  reserved: boolean
  verification: VerificationJSON | null
  linked_to: IdentificationLinkJSON[]
  backup_codes?: string[] | null
  /** Unix milliseconds. */
  created_at: number
  updated_at: number
}

export interface DeletedObjectJSON {
  object: string
  id?: string
  slug?: string
  deleted: boolean
}

export interface UserJSON {
  id: string
  object: 'user'
  primary_phone_number_id: string | null
  phone_numbers: PhoneNumberJSON[]
  two_factor_enabled: boolean
  backup_code_enabled: boolean
  created_at: number
  updated_at: number
  [field: string]: unknown
}

export interface SessionJSON {
  id: string
  object: 'session'
  status: 'active' | 'ended' | 'expired' | 'removed' | 'abandoned' | (string & {})
  user: UserJSON | null
  created_at: number
  updated_at: number
  [field: string]: unknown
}

export interface SignInJSON {
  id: string
  object: 'sign_in_attempt'
  status: 'needs_identifier' | 'needs_first_factor' | 'needs_second_factor' | 'complete' | (string & {})
  created_session_id: string | null
  [field: string]: unknown
}

export interface ClientJSON {
  id: string
  object: 'client'
  sessions: SessionJSON[]
  sign_in: SignInJSON | null
  sign_up: unknown
  last_active_session_id: string | null
  created_at: number
  updated_at: number
  [field: string]: unknown
}

/** Every successful FAPI body: the resource plus the whole piggybacked client. */
export interface EnvelopeJSON<T> {
  response: T
  client: ClientJSON | null
  meta?: { client?: ClientJSON; [key: string]: unknown }
}

import type { SignInJSON, SignUpJSON } from './sign-in-json.js'

// Frontend API wire shapes (snake_case, as on the wire). Field lists follow
// ../shared/clerk-openapi/fapi-2026-05-12.yml; only what dialkit reads or the emulator writes is typed
// strictly, the rest is carried through untouched so `fromJSON(json).toJSON()` round-trips.

/**
 * Where a verification stands: `unverified` (a code is pending), `verified`, `failed` (too many wrong codes),
 * `expired` (the code's lifetime ran out), or `transferable` (sign-in/sign-up transfer; not seen on a phone number).
 *
 * @example if (phone.verification?.status === 'verified') showBadge()
 */
export type VerificationStatus = 'unverified' | 'verified' | 'failed' | 'expired' | 'transferable'
/**
 * How a number got (or gets) verified: `phone_code` (an SMS code) or `admin` (marked verified through the Backend API).
 * Open to other strings Clerk may add.
 *
 * @example const byAdmin = phone.verification?.strategy === 'admin'
 */
export type VerificationStrategy = 'phone_code' | 'admin' | (string & {})
/** The channel a code went out on. @example const channel: PhoneCodeChannel = 'sms' */
export type PhoneCodeChannel = 'sms' | 'whatsapp'

/**
 * One entry of an error body's `errors[]`, as on the wire; dialkit's errors carry it as {@link ApiError}.
 *
 * @example
 * ```ts
 * const entry: ClerkErrorJSON = { code: 'form_code_incorrect', message: 'is incorrect', meta: { param_name: 'code' } }
 * ```
 */
export interface ClerkErrorJSON {
  /** Machine-readable, e.g. `form_code_incorrect`. */
  code: string
  /** Short text. */
  message: string
  /** The full sentence. */
  long_message?: string
  /** `param_name` names the form field the error is about. */
  meta?: { param_name?: string; [key: string]: unknown }
}

/**
 * The body of an error answer (4xx/5xx) from either API.
 *
 * @example
 * ```ts
 * const body: ErrorsBodyJSON = { errors: [{ code: 'resource_not_found', message: 'not found' }], clerk_trace_id: 'abc' }
 * ```
 */
export interface ErrorsBodyJSON {
  /** The reasons, main one first. */
  errors: ClerkErrorJSON[]
  /** FAPI may piggyback the client here as `meta.client`. */
  meta?: Record<string, unknown>
  /** Id for Clerk support; becomes `ApiResponseError.traceId`. */
  clerk_trace_id?: string
}

/**
 * A phone number's `verification`, as on the wire; the domain class is {@link Verification}.
 *
 * @example
 * ```ts
 * const pending: VerificationJSON = { status: 'unverified', strategy: 'phone_code', attempts: 0, expire_at: Date.now() + 600_000 }
 * ```
 */
export interface VerificationJSON {
  /** `verification_otp` for a code, `verification_admin` for an admin verification. */
  object?: 'verification_otp' | 'verification_admin' | (string & {})
  /** An `unverified` code past `expire_at` is sent as `expired`. */
  status: VerificationStatus
  /** `phone_code` or `admin`. */
  strategy: VerificationStrategy
  /** Codes tried on this verification; `null` for `admin`. */
  attempts: number | null
  /** Unix milliseconds; `null` when the verification has no expiry (`admin`). */
  expire_at: number | null
  /** `sms` for phone codes; absent or `null` for `admin`. */
  channel?: PhoneCodeChannel | null
  /** The last error this verification ran into (FAPI only). */
  error?: ClerkErrorJSON | null
  /** Id (`client_…`) of the client that completed the verification. */
  verified_at_client?: string | null
}

/**
 * A link from an identification to another one, e.g. an OAuth account.
 *
 * @example
 * ```ts
 * const link: IdentificationLinkJSON = { id: 'idn_123', type: 'oauth_google' }
 * ```
 */
export interface IdentificationLinkJSON {
  /** Id of the linked identification. */
  id: string
  /** Its kind, e.g. `oauth_google` or `saml`. */
  type: string
}

/**
 * A phone number as the Frontend API sends it; the domain class is {@link PhoneNumber}.
 *
 * @example
 * ```ts
 * const json = phone.toJSON()
 * json.verification?.expire_at // Unix ms
 * ```
 */
export interface PhoneNumberJSON {
  /** Clerk's id, `idn_…`. */
  id: string
  /** Type tag, always `phone_number`. */
  object: 'phone_number'
  /** E.164 with `+`. */
  phone_number: string
  /** Whether the number is used as an SMS second factor. */
  reserved_for_second_factor?: boolean
  /** Whether it is the user's default second factor. */
  default_second_factor?: boolean
  /** Claimed by the user but not verified yet, so no one else can add it; false once verified. */
  reserved: boolean
  /** `null` until a code was sent or an admin verified the number. */
  verification: VerificationJSON | null
  /** Identifications this number is linked to. */
  linked_to: IdentificationLinkJSON[]
  /** Set only on the answer that first made SMS a second factor; `null` or absent otherwise. */
  backup_codes?: string[] | null
  /** Unix milliseconds. */
  created_at: number
  /** Unix milliseconds. */
  updated_at: number
}

/**
 * What a delete answers with.
 *
 * @example
 * ```ts
 * const gone: DeletedObjectJSON = { object: 'phone_number', id: 'idn_123', deleted: true }
 * ```
 */
export interface DeletedObjectJSON {
  /** The deleted object's type, e.g. `phone_number`. */
  object: string
  /** Id of the deleted object, when it has one. */
  id?: string
  /** Slug of the deleted object, for objects identified by one. */
  slug?: string
  /** True when the object is gone. */
  deleted: boolean
}

/**
 * The signed-in user as the Frontend API sends it (`GET /v1/me`); the domain class is {@link User}.
 *
 * @example
 * ```ts
 * client.user?.toJSON().primary_phone_number_id // 'idn_…'
 * ```
 */
export interface UserJSON {
  /** Clerk's id, `user_…`. */
  id: string
  /** Type tag, always `user`. */
  object: 'user'
  /** Id of the primary number; `null` when the user has none. */
  primary_phone_number_id: string | null
  /** All the user's numbers, verified or not. */
  phone_numbers: PhoneNumberJSON[]
  /** Whether the user has a second factor, e.g. a number reserved for it. */
  two_factor_enabled: boolean
  /** Whether the user has backup codes. */
  backup_code_enabled: boolean
  /** The user's first name; `null` when not set. */
  first_name?: string | null
  /** The user's last name; `null` when not set. */
  last_name?: string | null
  /** `null` when not set (or the instance has usernames off). */
  username?: string | null
  /** The avatar's URL. */
  image_url?: string
  /** The app's own id for the user; `null` when not set. */
  external_id?: string | null
  /** Set by the app's server, readable by the user. */
  public_metadata?: Record<string, unknown>
  /** Settable by the user (`PATCH /v1/me`). */
  unsafe_metadata?: Record<string, unknown>
  /** Unix milliseconds. */
  created_at: number
  /** Unix milliseconds; bumped on every change to the user or one of their numbers. */
  updated_at: number
  /** Fields dialkit does not model, kept so `toJSON()` round-trips. */
  [field: string]: unknown
}

/**
 * A new set of backup codes, as `POST /v1/me/backup_codes` answers it (Clerk's `BackupCodes`); the codes are
 * in this one answer only. The domain shape is {@link BackupCode}.
 *
 * @example
 * ```ts
 * const json: BackupCodeJSON = { object: 'backup_code', id: 'bcode_1', codes: ['a1b2c3d4'], created_at: 0, updated_at: 0 }
 * ```
 */
export interface BackupCodeJSON {
  /** Type tag, always `backup_code`. */
  object: 'backup_code'
  /** Clerk's id of this set. */
  id: string
  /** The new codes; every earlier one stopped working. */
  codes: string[]
  /** Unix milliseconds. */
  created_at: number
  /** Unix milliseconds. */
  updated_at: number
}

/**
 * A session of the client, as on the wire; the domain class is {@link Session}.
 *
 * @example
 * ```ts
 * client.store.get().session?.toJSON().status // 'active'
 * ```
 */
export interface SessionJSON {
  /** Clerk's id, `sess_…`. */
  id: string
  /** Type tag, always `session`. */
  object: 'session'
  /** Only an `active` session signs the user in. */
  status: 'active' | 'ended' | 'expired' | 'removed' | 'abandoned' | (string & {})
  /** The session's user; `null` when the server omitted it. */
  user: UserJSON | null
  /** Unix milliseconds. */
  created_at: number
  /** Unix milliseconds. */
  updated_at: number
  /** Fields dialkit does not model, kept so `toJSON()` round-trips. */
  [field: string]: unknown
}

/**
 * The browser's client, as the Frontend API sends it (`GET /v1/client`, and piggybacked on every answer);
 * the domain class is {@link ClientResource}.
 *
 * @example
 * ```ts
 * client.store.get().client?.toJSON().last_active_session_id
 * ```
 */
export interface ClientJSON {
  /** Clerk's id, `client_…`. */
  id: string
  /** Type tag, always `client`. */
  object: 'client'
  /** The client's current sessions. */
  sessions: SessionJSON[]
  /** The sign-in in progress; `null` when there is none. */
  sign_in: SignInJSON | null
  /** The sign-up in progress; `null` when there is none. */
  sign_up: SignUpJSON | null
  /** The session the client uses; `null` when signed out. */
  last_active_session_id: string | null
  /** Unix milliseconds. */
  created_at: number
  /** Unix milliseconds. */
  updated_at: number
  /** Fields dialkit does not model, kept so `toJSON()` round-trips. */
  [field: string]: unknown
}

/** Every successful FAPI body: the resource plus the whole piggybacked client. */
export interface EnvelopeJSON<T> {
  /** The resource the call was about. */
  response: T
  /** The whole client state after the call; `null` on some answers, e.g. `GET /v1/client`. */
  client: ClientJSON | null
  /** Some answers carry the client here instead, as `meta.client`. */
  meta?: { client?: ClientJSON; [key: string]: unknown }
}

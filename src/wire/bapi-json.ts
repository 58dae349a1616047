// Backend API wire shapes: bare JSON objects, snake_case. See ../shared/clerk-openapi/bapi-2026-05-12.yml.
import type { IdentificationLinkJSON, VerificationJSON } from './fapi-json.js'

/**
 * A phone number as the Backend API sends it; `dialkit/backend` hands it out camelCased as `BackendPhoneNumber`.
 *
 * @example
 * ```ts
 * const isMfa = (json: BackendPhoneNumberJSON) => json.reserved_for_second_factor && json.verification?.status === 'verified'
 * ```
 */
export interface BackendPhoneNumberJSON {
  /** Clerk's id, `idn_…`. */
  id: string
  /** Type tag, always `phone_number`. */
  object: 'phone_number'
  /** E.164 with `+`. */
  phone_number: string
  /** Whether the number is used as an SMS second factor. */
  reserved_for_second_factor: boolean
  /** Whether it is the user's default second factor. */
  default_second_factor: boolean
  /** Claimed but not verified yet, so no other user can add it; false once verified. */
  reserved: boolean
  /** `null` until a code was sent; strategy `admin` for numbers created or marked verified here. */
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
 * A user as the Backend API sends it; `dialkit/backend` hands it out camelCased as `BackendUser`.
 *
 * @example
 * ```ts
 * const primary = (user: BackendUserJSON) => user.phone_numbers.find((phone) => phone.id === user.primary_phone_number_id)
 * ```
 */
export interface BackendUserJSON {
  /** Clerk's id, `user_…`. */
  id: string
  /** Type tag, always `user`. */
  object: 'user'
  /** Your own id for the user, set at creation; `null` when none was given. */
  external_id: string | null
  /** Id of the primary number; `null` when the user has none. */
  primary_phone_number_id: string | null
  /** All the user's numbers, verified or not. */
  phone_numbers: BackendPhoneNumberJSON[]
  /** Whether the user has a second factor, e.g. a number reserved for it. */
  two_factor_enabled: boolean
  /** Whether the user has backup codes. */
  backup_code_enabled: boolean
  /** Unix milliseconds. */
  created_at: number
  /** Unix milliseconds; bumped on every change to the user or one of their numbers. */
  updated_at: number
  /** The fields dialkit does not model (`first_name`, `public_metadata`, ...). */
  [field: string]: unknown
}

/**
 * A sign-in token as `POST /v1/sign_in_tokens` answers it; `dialkit/backend` hands it out as `SignInToken`.
 *
 * @example
 * ```ts
 * const ticket = (json: SignInTokenJSON) => json.token // for client.signIn({ ticket })
 * ```
 */
export interface SignInTokenJSON {
  /** Type tag, always `sign_in_token`. */
  object: 'sign_in_token'
  /** Clerk's id, `sit_…`. */
  id: string
  /** `pending` until used, then `accepted`; `revoked` once withdrawn. */
  status: 'pending' | 'accepted' | 'revoked'
  /** The user it signs in. */
  user_id: string
  /** The secret ticket; single use. */
  token: string
  /** A URL that accepts the ticket (`…/v1/tickets/accept?ticket=…`); `null` when the server gives none. */
  url: string | null
  /** Unix milliseconds. */
  created_at: number
  /** Unix milliseconds. */
  updated_at: number
}

/**
 * A session as the Backend API answers it (`GET /v1/sessions`, `POST /v1/sessions/{id}/revoke`).
 *
 * @example
 * ```ts
 * const signedIn = (json: BackendSessionJSON) => json.status === 'active'
 * ```
 */
export interface BackendSessionJSON {
  /** Type tag, always `session`. */
  object: 'session'
  /** Clerk's id, `sess_…`. */
  id: string
  /** The signed-in user. */
  user_id: string
  /** The Frontend API client it lives on. */
  client_id: string
  /** `active` while signed in; `removed`, `ended`, `revoked`, … once over. */
  status: 'active' | 'revoked' | 'ended' | 'expired' | 'removed' | 'abandoned' | 'replaced' | 'pending'
  /** Unix milliseconds. */
  last_active_at: number
  /** Unix milliseconds. */
  expire_at: number
  /** Unix milliseconds. */
  abandon_at: number
  /** Unix milliseconds. */
  created_at: number
  /** Unix milliseconds. */
  updated_at: number
  /** Fields dialkit does not model (`actor`, `latest_activity`, …). */
  [field: string]: unknown
}

/**
 * `POST /v1/testing_tokens`: a token for `__clerk_testing_token`, as `@clerk/testing` uses it.
 *
 * @example
 * ```ts
 * const query = (json: TestingTokenJSON) => `__clerk_testing_token=${json.token}`
 * ```
 */
export interface TestingTokenJSON {
  /** Type tag, always `testing_token`. */
  object: 'testing_token'
  /** The value for `__clerk_testing_token`. */
  token: string
  /** Unix **seconds**, unlike the other timestamps. */
  expires_at: number
}

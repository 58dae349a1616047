// Public camelCase shapes of the backend client. The wire (snake_case) shapes live in src/wire/bapi-json.ts;
// these are plain, frozen-free data objects so callers can log, store or serialize them as they are.
import type { PhoneCodeChannel, VerificationStatus, VerificationStrategy } from '../wire/index.js'

/**
 * Options for {@link createBackendClient}.
 *
 * @example
 * ```ts
 * createBackendClient({ secretKey: emu.secretKey, apiUrl: emu.url, timeout: 5000 })
 * ```
 */
export interface BackendClientOptions {
  /** Your instance's secret key, `sk_test_...` or `sk_live_...`. Never ship it to a browser. */
  secretKey: string
  /** Base URL of the Backend API, e.g. `https://api.clerk.com` or an emulator's `url`. A trailing `/v1` is optional. */
  apiUrl: string
  /** A `fetch` implementation; defaults to the global one. Tests pass a fake here. */
  fetch?: typeof fetch
  /** Milliseconds before a request is abandoned with a `NetworkError` (`reason: 'timeout'`). Default 10000. */
  timeout?: number
}

/**
 * Per-call options accepted as the last argument of every method.
 *
 * @example
 * ```ts
 * await backend.users.getUser(id, { signal: AbortSignal.timeout(2000) })
 * ```
 */
export interface RequestOptions {
  /** Aborts the request; the call then rejects with a `NetworkError` (`reason: 'aborted'`). */
  signal?: AbortSignal
}

/**
 * A phone number's verification. Numbers created verified by the Backend API have strategy `admin`.
 *
 * @example
 * if (phone.verification?.status === 'verified') allowSecondFactor(phone)
 */
export interface BackendVerification {
  /** `unverified` while a code is pending; one past its expiry reads `expired`. */
  status: VerificationStatus
  /** `phone_code` (SMS) or `admin`. */
  strategy: VerificationStrategy
  /** Codes tried on this verification; `null` for `admin`. */
  attempts: number | null
  /** Unix milliseconds, or null when the verification has no expiry (e.g. `admin`). */
  expireAt: number | null
  /** `sms` for phone codes; `null` when the wire has none (`admin`). */
  channel: PhoneCodeChannel | null
}

/** Another identification this number is linked to. @example `phone.linkedTo.map((link) => link.type)` */
export interface BackendIdentificationLink {
  /** Id of the linked identification. */
  id: string
  /** Its kind, e.g. `oauth_google`. */
  type: string
}

/**
 * A phone number as the Backend API returns it, in camelCase.
 *
 * @example
 * const phone = await backend.phoneNumbers.getPhoneNumber('idn_123')
 * phone.phoneNumber // '+14155552671'
 */
export interface BackendPhoneNumber {
  /** Clerk's id, `idn_…`. */
  id: string
  /** E.164 with `+`. */
  phoneNumber: string
  /** Used as an SMS second factor. */
  reservedForSecondFactor: boolean
  /** The user's default second factor. */
  defaultSecondFactor: boolean
  /** Claimed but not verified yet, so no other user can add it; false once verified. */
  reserved: boolean
  /** `null` until a code was sent; strategy `admin` when created or marked verified through this API. */
  verification: BackendVerification | null
  /** Identifications this number is linked to (wire `linked_to`); usually empty. */
  linkedTo: BackendIdentificationLink[]
  /** Only set on the response that first enabled SMS as a second factor. */
  backupCodes: string[] | null
  /** Unix milliseconds (a number, not a `Date`). */
  createdAt: number
  /** Unix milliseconds. */
  updatedAt: number
}

/**
 * The user fields dialkit cares about; the rest of the wire object is dropped.
 *
 * @example
 * ```ts
 * const user = await backend.users.getUser('user_123')
 * user.phoneNumbers.find((phone) => phone.id === user.primaryPhoneNumberId)
 * ```
 */
export interface BackendUser {
  /** Clerk's id, `user_…`. */
  id: string
  /** Your own id for the user (wire `external_id`); `null` when none was set. */
  externalId: string | null
  /** `null` when not set. */
  firstName: string | null
  /** `null` when not set. */
  lastName: string | null
  /** `null` when not set. */
  username: string | null
  /** `null` when the user has no primary number. */
  primaryPhoneNumberId: string | null
  /** All the user's numbers, verified or not. */
  phoneNumbers: BackendPhoneNumber[]
  /** Whether the user has a second factor, e.g. a number reserved for it. */
  twoFactorEnabled: boolean
  /** Whether the user has backup codes. */
  backupCodeEnabled: boolean
  /** Readable by the browser, writable only from the backend; `{}` when none. */
  publicMetadata: Record<string, unknown>
  /** Unix milliseconds (a number, not a `Date`). */
  createdAt: number
  /** Unix milliseconds; bumped on every change to the user or one of their numbers. */
  updatedAt: number
}

/**
 * A one-time sign-in token for a user.
 *
 * @example
 * ```ts
 * const { token } = await backend.signInTokens.createSignInToken({ userId: user.id })
 * await client.signIn({ ticket: token })
 * ```
 */
export interface SignInToken {
  /** Clerk's id, `sit_…`. */
  id: string
  /** `pending` until used, then `accepted`; `revoked` once withdrawn. */
  status: 'pending' | 'accepted' | 'revoked'
  /** The user it signs in (wire `user_id`). */
  userId: string
  /** The ticket to pass to `client.signIn({ ticket })`. */
  token: string
  /** A URL that accepts the ticket; `null` when the server gives none. */
  url: string | null
  /** Unix milliseconds. */
  createdAt: number
  /** Unix milliseconds. */
  updatedAt: number
}

/** What a delete returns. @example (await backend.phoneNumbers.deletePhoneNumber(id)).deleted // true */
export interface DeletedObject {
  /** Id of the deleted object; `null` when the answer had none. */
  id: string | null
  /** The deleted object's type, e.g. `phone_number`. */
  object: string
  /** True when the object is gone. */
  deleted: boolean
}

/**
 * Parameters of `phoneNumbers.createPhoneNumber()`.
 *
 * @example `{ userId: user.id, phoneNumber: '+14155552671', verified: true, reservedForSecondFactor: true }`
 */
export interface CreatePhoneNumberParams {
  /** The owner, `user_…`. */
  userId: string
  /** E.164, with or without the leading `+`; spaces, dashes, dots and parentheses are ignored. */
  phoneNumber: string
  /** Default: false, unless it is the user's first phone number. */
  primary?: boolean
  /** Mark it verified (strategy `admin`) without sending a code. Default false. */
  verified?: boolean
  /** Needs `verified`. With no other reserved second factor, the number becomes the default one. */
  reservedForSecondFactor?: boolean
}

/**
 * Parameters of `phoneNumbers.updatePhoneNumber()`; an omitted field is left as it is.
 *
 * @example `backend.phoneNumbers.updatePhoneNumber(id, { primary: true })`
 */
export interface UpdatePhoneNumberParams {
  /** Make it the user's primary number. */
  primary?: boolean
  /** Mark it verified (strategy `admin`). */
  verified?: boolean
  /** Use it as an SMS second factor; the number must be verified. */
  reservedForSecondFactor?: boolean
}

/**
 * Parameters of `users.createUser()`; all optional. Lists are arrays even for one value.
 *
 * @example `backend.users.createUser({ phoneNumber: ['+14155552671'], externalId: 'crm-42' })`
 */
export interface CreateUserParams {
  /** The first one becomes the primary phone number; all are created verified unless told otherwise. */
  phoneNumber?: string[]
  /** Parallel to `phoneNumber`: one status per number. */
  phoneNumberIdentificationStatus?: Array<'verified' | 'reserved'>
  /** Sent as `email_address`; the first becomes primary. The emulator accepts and ignores it. */
  emailAddress?: string[]
  /** Your own id for the user, returned as `externalId`. */
  externalId?: string
  /** Sent as `first_name`. */
  firstName?: string
  /** Sent as `last_name`. */
  lastName?: string
  /** Clerk requires it to be unique across the instance. */
  username?: string
  /** Plain-text password; the server hashes it. The emulator accepts and ignores it. */
  password?: string
  /** Create the user without a password even where the instance requires one. */
  skipPasswordRequirement?: boolean
  /** Readable by the browser, writable only from the backend. */
  publicMetadata?: Record<string, unknown>
  /** Backend only; never sent to the browser. */
  privateMetadata?: Record<string, unknown>
  /** Readable and writable by the browser; do not trust it. */
  unsafeMetadata?: Record<string, unknown>
}

/**
 * Parameters of `signInTokens.createSignInToken()`.
 *
 * @example `backend.signInTokens.createSignInToken({ userId: user.id, expiresInSeconds: 300 })`
 */
export interface CreateSignInTokenParams {
  /** The user the token signs in, `user_…`. */
  userId: string
  /** Lifetime in seconds; the server's default is 30 days. */
  expiresInSeconds?: number
}

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
  status: VerificationStatus
  strategy: VerificationStrategy
  attempts: number | null
  /** Unix milliseconds, or null when the verification has no expiry (e.g. `admin`). */
  expireAt: number | null
  channel: PhoneCodeChannel | null
}

/** Another identification this number is linked to. @example `phone.linkedTo.map((link) => link.type)` */
export interface BackendIdentificationLink {
  id: string
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
  id: string
  phoneNumber: string
  reservedForSecondFactor: boolean
  defaultSecondFactor: boolean
  reserved: boolean
  verification: BackendVerification | null
  linkedTo: BackendIdentificationLink[]
  /** Only set on the response that first enabled SMS as a second factor. */
  backupCodes: string[] | null
  createdAt: number
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
  id: string
  externalId: string | null
  firstName: string | null
  lastName: string | null
  username: string | null
  primaryPhoneNumberId: string | null
  phoneNumbers: BackendPhoneNumber[]
  twoFactorEnabled: boolean
  backupCodeEnabled: boolean
  publicMetadata: Record<string, unknown>
  createdAt: number
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
  id: string
  status: 'pending' | 'accepted' | 'revoked'
  userId: string
  /** The ticket to pass to `client.signIn({ ticket })`. */
  token: string
  url: string | null
  createdAt: number
  updatedAt: number
}

/** What a delete returns. @example (await backend.phoneNumbers.deletePhoneNumber(id)).deleted // true */
export interface DeletedObject {
  id: string | null
  object: string
  deleted: boolean
}

/** @example `{ userId: user.id, phoneNumber: '+14155552671', verified: true, reservedForSecondFactor: true }` */
export interface CreatePhoneNumberParams {
  userId: string
  /** E.164, with or without the leading `+`; spaces, dashes, dots and parentheses are ignored. */
  phoneNumber: string
  /** Default: false, unless it is the user's first phone number. */
  primary?: boolean
  verified?: boolean
  /** Needs `verified`. With no other reserved second factor, the number becomes the default one. */
  reservedForSecondFactor?: boolean
}

/** @example `backend.phoneNumbers.updatePhoneNumber(id, { primary: true })` */
export interface UpdatePhoneNumberParams {
  primary?: boolean
  verified?: boolean
  reservedForSecondFactor?: boolean
}

/** @example `backend.users.createUser({ phoneNumber: ['+14155552671'], externalId: 'crm-42' })` */
export interface CreateUserParams {
  /** The first one becomes the primary phone number; all are created verified unless told otherwise. */
  phoneNumber?: string[]
  /** Parallel to `phoneNumber`: one status per number. */
  phoneNumberIdentificationStatus?: Array<'verified' | 'reserved'>
  emailAddress?: string[]
  externalId?: string
  firstName?: string
  lastName?: string
  username?: string
  password?: string
  skipPasswordRequirement?: boolean
  publicMetadata?: Record<string, unknown>
  privateMetadata?: Record<string, unknown>
  unsafeMetadata?: Record<string, unknown>
}

/** @example `backend.signInTokens.createSignInToken({ userId: user.id, expiresInSeconds: 300 })` */
export interface CreateSignInTokenParams {
  userId: string
  /** Lifetime in seconds; the server's default is 30 days. */
  expiresInSeconds?: number
}

// Sign-in and sign-up wire shapes (FAPI `Client.SignIn`, `Client.SignUp`), for phone sign-in and sign-up.
// Only what dialkit reads is typed; the rest travels untouched so `fromJSON(json).toJSON()` round-trips.
import type { VerificationJSON } from './fapi-json.js'

/**
 * Where a sign-in stands. Open to statuses a newer server may send; dialkit surfaces them as they are.
 *
 * @example if (signIn.status === 'needs_second_factor') showSecondFactor()
 */
export type SignInStatus =
  | 'needs_identifier'
  | 'needs_first_factor'
  | 'needs_second_factor'
  | 'needs_client_trust'
  | 'needs_new_password'
  | 'complete'
  | 'abandoned'
  | (string & {})

/**
 * One entry of `supported_first_factors` / `supported_second_factors` (`Stubs.SignInFactor`).
 *
 * @example
 * ```ts
 * const factor: SignInFactorJSON = { strategy: 'phone_code', safe_identifier: '+14155552671', phone_number_id: 'idn_1' }
 * ```
 */
export interface SignInFactorJSON {
  /** `phone_code`, `backup_code`, or another of Clerk's strategies. */
  strategy: 'phone_code' | 'backup_code' | (string & {})
  /** The identifier the code goes to; masked except for the one typed. */
  safe_identifier?: string | null
  /** The phone number a `phone_code` factor sends to. */
  phone_number_id?: string | null
  /** Whether it is the user's primary identification. */
  primary?: boolean | null
  /** Whether it is the user's default second factor. */
  default?: boolean | null
  /** Fields dialkit does not model. */
  [field: string]: unknown
}

/**
 * A sign-in attempt, as `POST /v1/client/sign_ins` answers it; the domain class is `SignIn`.
 *
 * @example
 * ```ts
 * const done = (signIn: SignInJSON) => signIn.status === 'complete'
 * ```
 */
export interface SignInJSON {
  /** Clerk's id, `sia_…`. */
  id: string
  /** Type tag, always `sign_in_attempt`. */
  object: 'sign_in_attempt'
  /** `complete` once a session was created. */
  status: SignInStatus
  /** The identifier given to create, e.g. the E.164 number. */
  identifier?: string | null
  /** The ways to prove the first factor, e.g. one `phone_code` entry per verified number. */
  supported_first_factors?: SignInFactorJSON[] | null
  /** Populated only once the first factor is verified. */
  supported_second_factors?: SignInFactorJSON[] | null
  /** The first factor's verification; `null` before it was prepared. */
  first_factor_verification?: VerificationJSON | null
  /** The second factor's verification (`verification_otp` or `verification_backup_code`). */
  second_factor_verification?: VerificationJSON | null
  /** The session this sign-in created; `null` until `complete`. */
  created_session_id: string | null
  /** Fields dialkit does not model. */
  [field: string]: unknown
}

/**
 * Where a sign-up stands: `missing_requirements` until the phone is verified, then `complete`. Open to others.
 *
 * @example if (signUp.status === 'complete') goHome()
 */
export type SignUpStatus = 'missing_requirements' | 'complete' | 'abandoned' | (string & {})

/**
 * A sign-up attempt, as `POST /v1/client/sign_ups` answers it; the domain class is `SignUp`.
 *
 * @example
 * ```ts
 * const waiting = (signUp: SignUpJSON) => signUp.unverified_fields?.includes('phone_number')
 * ```
 */
export interface SignUpJSON {
  /** Clerk's id, `sua_…`. */
  id: string
  /** Type tag, always `sign_up_attempt`. */
  object: 'sign_up_attempt'
  /** See {@link SignUpStatus}. */
  status: SignUpStatus
  /** The E.164 number supplied. */
  phone_number?: string | null
  /** Fields the instance requires. */
  required_fields?: string[]
  /** Required fields not supplied yet. */
  missing_fields?: string[]
  /** Supplied fields still to verify, e.g. `phone_number`. */
  unverified_fields?: string[]
  /** Per identification; dialkit reads `phone_number`. */
  verifications?: { phone_number?: VerificationJSON | null; [field: string]: unknown } | null
  /** The user created on completion. */
  created_user_id?: string | null
  /** The session created on completion. */
  created_session_id?: string | null
  /** Fields dialkit does not model. */
  [field: string]: unknown
}

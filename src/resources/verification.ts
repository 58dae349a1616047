import { toApiError } from '../errors/api-error.js'
import type { ApiError } from '../errors/index.js'
import type { PhoneCodeChannel, VerificationJSON, VerificationStatus, VerificationStrategy } from '../wire/index.js'
import { copyJSON, toDate } from './json.js'

/**
 * The state of a phone number's verification. Immutable; `expireAt` is a `Date` (the wire has Unix ms).
 *
 * @example
 * const sent = await phone.prepareVerification()
 * sent.verification?.status   // 'unverified'
 * sent.verification?.expireAt // Date, ten minutes from now
 */
export class Verification {
  // Fields are `declare`d and set once in the constructor: no class-field emit keeps the first load small.
  /** `unverified` while a code is pending; the server reports a code past `expireAt` as `expired`. */
  declare readonly status: VerificationStatus
  /** `phone_code` (SMS) or `admin` (verified through the Backend API). */
  declare readonly strategy: VerificationStrategy
  /** Attempts made on this code; `null` for admin verifications. */
  declare readonly attempts: number | null
  /** When the code stops working (wire `expire_at`, Unix ms); `null` for admin verifications. */
  declare readonly expireAt: Date | null
  /** The last error this verification ran into. */
  declare readonly error: ApiError | null
  /** `sms` for phone codes; `null` when the wire has none (admin verifications). */
  declare readonly channel: PhoneCodeChannel | null
  /** The client id that completed the verification. */
  declare readonly verifiedAtClient: string | null
  readonly #json: VerificationJSON

  // Private: a verification comes with its resource; `fromJSON` rebuilds a saved one.
  private constructor(json: VerificationJSON) {
    this.#json = copyJSON(json, ['status', 'strategy'])
    this.status = json.status
    this.strategy = json.strategy
    this.attempts = json.attempts ?? null
    this.expireAt = toDate(json.expire_at)
    this.error = json.error ? toApiError(json.error) : null
    this.channel = json.channel ?? null
    this.verifiedAtClient = json.verified_at_client ?? null
    Object.freeze(this)
  }

  /** Builds an instance from wire JSON. @example `Verification.fromJSON({ status: 'unverified', strategy: 'phone_code', attempts: 0, expire_at: Date.now() })` */
  static fromJSON(json: VerificationJSON): Verification {
    return new Verification(json)
  }

  /** The wire JSON this instance was built from. @example verification.toJSON().expire_at */
  toJSON(): VerificationJSON {
    return copyJSON(this.#json)
  }
}

/** The private constructor (apps rebuild instances with `fromJSON`), for the resources that carry a verification. */
export type VerificationConstructor = new (json: VerificationJSON) => Verification

import type { UserJSON } from '../wire/index.js'
import type { BackupCode } from './backup-codes.js'
import type { UpdateUserParams } from './user-update.js'
import type { CallOptions } from './coalesce.js'
import type { DialkitClient } from '../client/create-client.js'
import { toNetworkError } from '../errors/network-error.js'
import { contextOf, type ResourceContext } from './context.js'
import { deepFreeze } from '../wire/deep-freeze.js'
import { copyJSON, readList, toDate } from './json.js'
import { runOperation } from './operation.js'
import { createPhoneNumber, PhoneNumber, type PhoneNumberConstructor } from './phone-number.js'

/**
 * The signed-in user, as far as phone numbers go. Immutable; read the latest one from `client.user`.
 *
 * @example
 * const user = client.user!
 * user.phoneNumbers.map(String)   // ['+12015550123']
 * user.primaryPhoneNumber?.id
 */
export class User {
  // Fields are `declare`d and set once in the constructor: no class-field emit keeps the first load small.
  /** Clerk's id, `user_…`. */
  declare readonly id: string
  /** Wire `primary_phone_number_id`; `null` when the user has no primary number. */
  declare readonly primaryPhoneNumberId: string | null
  /** All the user's numbers, verified or not, frozen. */
  declare readonly phoneNumbers: readonly PhoneNumber[]
  /** The number whose id is `primaryPhoneNumberId`, if the user has it. */
  declare readonly primaryPhoneNumber: PhoneNumber | null
  /** Whether the user has a second factor, e.g. a number reserved for it. */
  declare readonly twoFactorEnabled: boolean
  /** Whether the user has backup codes. */
  declare readonly backupCodeEnabled: boolean
  /** Wire `first_name`; `null` when not set. */
  declare readonly firstName: string | null
  /** Wire `last_name`; `null` when not set. */
  declare readonly lastName: string | null
  /** `firstName` and `lastName` joined by a space, either alone when the other is not set; `null` when neither is. */
  declare readonly fullName: string | null
  /** Wire `username`; `null` when not set. */
  declare readonly username: string | null
  /** Wire `image_url`, the user's avatar; `''` when the server sent none. */
  declare readonly imageUrl: string
  /** Wire `external_id`, the app's own id for the user (set with `dialkit/backend`); `null` when not set. */
  declare readonly externalId: string | null
  /** Wire `public_metadata`: set by the app's server, readable here; deeply frozen, `{}` when none. */
  declare readonly publicMetadata: Readonly<Record<string, unknown>>
  /** Wire `unsafe_metadata`: the user may set it (`update({ unsafeMetadata })`); deeply frozen, `{}` when none. */
  declare readonly unsafeMetadata: Readonly<Record<string, unknown>>
  /** Whether any of the user's numbers is verified. */
  declare readonly hasVerifiedPhoneNumber: boolean
  /** From the wire's Unix ms `created_at`; `null` only if the server omitted it. */
  declare readonly createdAt: Date | null
  /** From the wire's Unix ms `updated_at`, bumped on every change to the user or a number; `null` if omitted. */
  declare readonly updatedAt: Date | null
  readonly #json: UserJSON
  readonly #context: ResourceContext

  // Private: the user is `client.user`; `fromJSON` rebuilds a saved one.
  private constructor(json: UserJSON, context: ResourceContext) {
    // Fields that hold objects are read from the private copy, so the caller's JSON never reaches the instance.
    const copy = (this.#json = copyJSON(json, ['id']))
    this.#context = context
    this.id = json.id
    this.primaryPhoneNumberId = json.primary_phone_number_id ?? null
    this.phoneNumbers = readList(json.phone_numbers, (phone) => new (PhoneNumber as unknown as PhoneNumberConstructor)(phone, context))
    this.primaryPhoneNumber = this.phoneNumbers.find((phone) => phone.id === this.primaryPhoneNumberId) ?? null
    this.twoFactorEnabled = json.two_factor_enabled ?? false
    this.backupCodeEnabled = json.backup_code_enabled ?? false
    this.firstName = json.first_name ?? null
    this.lastName = json.last_name ?? null
    this.username = json.username ?? null
    this.imageUrl = json.image_url ?? ''
    this.externalId = json.external_id ?? null
    this.publicMetadata = deepFreeze(copy.public_metadata ?? {})
    this.unsafeMetadata = deepFreeze(copy.unsafe_metadata ?? {})
    this.fullName = `${this.firstName ?? ''} ${this.lastName ?? ''}`.trim() || null
    this.hasVerifiedPhoneNumber = this.phoneNumbers.some((phone) => phone.verification?.status == 'verified')
    this.createdAt = toDate(json.created_at)
    this.updatedAt = toDate(json.updated_at)
    Object.freeze(this)
  }

  /**
   * Builds an instance from wire JSON, acting through `client`.
   *
   * @throws ValidationError `json_invalid`, `param_invalid` (paramName `client`)
   * @example User.fromJSON(saved, client).phoneNumbers.length
   */
  static fromJSON(json: UserJSON, client: DialkitClient): User {
    return new User(json, contextOf(client))
  }

  /**
   * Adds a phone number: parsed to E.164 (national input needs `defaultCountry`), then
   * `POST /v1/me/phone_numbers`. Emits `phoneNumber:created`.
   *
   * @throws ValidationError `phone_number_invalid` before anything is sent
   * @example
   * ```ts
   * const phone = await user.createPhoneNumber({ phoneNumber: '201 555 0123', defaultCountry: 'US' })
   * ```
   */
  createPhoneNumber(params: { phoneNumber: string; defaultCountry?: string } & CallOptions): Promise<PhoneNumber> {
    return createPhoneNumber(this.#context, params)
  }

  /**
   * Updates the user (`PATCH /v1/me`); dialkit only sets `primaryPhoneNumberId`. Emits `user:updated`. Its code
   * loads on first call.
   *
   * @example
   * ```ts
   * const updated = await user.update({ primaryPhoneNumberId: phone.id })
   * ```
   */
  update(params: UpdateUserParams & CallOptions): Promise<User> {
    return this.#lazy((lazy) => lazy.updateUser(params, this.#context, User as unknown as UserConstructor, runOperation))
  }

  /** Fetches the user again (`GET /v1/me`). Emits `user:updated`. @example const fresh = await user.reload() */
  reload(options?: CallOptions): Promise<User> {
    return this.#lazy((lazy) => lazy.reloadUser(options, this.#context, User as unknown as UserConstructor, runOperation))
  }

  /**
   * Makes a new set of backup codes (`POST /v1/me/backup_codes`); every earlier code stops working. The codes
   * are in the answer only: show them once. Needs a second factor (else `400 backup_codes_not_available`).
   * The store takes the user's new state and `user:updated` is emitted. Its code loads on first call.
   *
   * @example
   * ```ts
   * const { codes } = await user.createBackupCode()
   * showOnce(codes) // ['a1b2c3d4', …]
   * ```
   */
  createBackupCode(options?: CallOptions): Promise<BackupCode> {
    return this.#lazy((lazy) => lazy.createBackupCode(options, this.#context, User as unknown as UserConstructor, runOperation))
  }

  /** The wire JSON this instance was built from. @example user.toJSON().primary_phone_number_id */
  toJSON(): UserJSON {
    return copyJSON(this.#json)
  }

  /** Runs an operation of the user chunk, whose code arrives with the first call. */
  #lazy<T>(use: (lazy: typeof import('./user-lazy.js')) => Promise<T>): Promise<T> {
    // A chunk that cannot be fetched is a NetworkError, like a request to /v1/me that got no answer.
    return import('./user-lazy.js').then(use, (cause: unknown) => {
      throw toNetworkError(cause, '/v1/me')
    })
  }
}

/** The private constructor (apps rebuild instances with `fromJSON`), for the session that carries its user. */
export type UserConstructor = new (json: UserJSON, context: ResourceContext) => User

import type { UserJSON } from '../wire/index.js'
import type { CallOptions } from './coalesce.js'
import type { DialkitClient } from '../client/create-client.js'
import { contextOf, type ResourceContext } from './context.js'
import { requireString } from './guards.js'
import { copyJSON, toDate } from './json.js'
import { runOperation, type Operation } from './operation.js'
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
  /** From the wire's Unix ms `created_at`; `null` only if the server omitted it. */
  declare readonly createdAt: Date | null
  /** From the wire's Unix ms `updated_at`, bumped on every change to the user or a number; `null` if omitted. */
  declare readonly updatedAt: Date | null
  readonly #json: UserJSON
  readonly #context: ResourceContext

  // Private: the user is `client.user`; `fromJSON` rebuilds a saved one.
  private constructor(json: UserJSON, context: ResourceContext) {
    this.#json = copyJSON(json, ['id'])
    this.#context = context
    this.id = json.id
    this.primaryPhoneNumberId = json.primary_phone_number_id ?? null
    this.phoneNumbers = Object.freeze(Array.from(json.phone_numbers ?? [], (phone) => new (PhoneNumber as unknown as PhoneNumberConstructor)(phone, context)))
    this.primaryPhoneNumber = this.phoneNumbers.find((phone) => phone.id === this.primaryPhoneNumberId) ?? null
    this.twoFactorEnabled = json.two_factor_enabled ?? false
    this.backupCodeEnabled = json.backup_code_enabled ?? false
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
   * Updates the user (`PATCH /v1/me`); dialkit only sets `primaryPhoneNumberId`. Emits `user:updated`.
   *
   * @example
   * ```ts
   * const updated = await user.update({ primaryPhoneNumberId: phone.id })
   * ```
   */
  async update(params: { primaryPhoneNumberId: string } & CallOptions): Promise<User> {
    const primaryPhoneNumberId = requireString(params?.primaryPhoneNumberId, 'primary_phone_number_id')
    return this.#run({ method: 'PATCH', path: '/me', body: { primaryPhoneNumberId } }, params)
  }

  /** Fetches the user again (`GET /v1/me`). Emits `user:updated`. @example const fresh = await user.reload() */
  async reload(options?: CallOptions): Promise<User> {
    return this.#run({ method: 'GET', path: '/me' }, options)
  }

  /** The wire JSON this instance was built from. @example user.toJSON().primary_phone_number_id */
  toJSON(): UserJSON {
    return copyJSON(this.#json)
  }

  #run(operation: Omit<Operation<User>, 'build'>, options: CallOptions | undefined): Promise<User> {
    const build: Operation<User>['build'] = (result) => new User(result?.response as UserJSON, this.#context)
    return runOperation(this.#context, { ...operation, build, emit: 'user:updated' }, options)
  }
}

/** The private constructor (apps rebuild instances with `fromJSON`), for the session that carries its user. */
export type UserConstructor = new (json: UserJSON, context: ResourceContext) => User

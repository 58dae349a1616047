import { ValidationError } from '../errors/index.js'
import { formatPhone, type PhoneFormat } from '../phone/helpers.js'
import { loadPhone } from '../phone/load.js'
import type { PhoneNumberJSON } from '../wire/index.js'
import type { CallOptions } from './coalesce.js'
import type { DialkitClient } from '../client/create-client.js'
import { contextOf, type ResourceContext } from './context.js'
import { normalizeCode, requireBoolean } from './guards.js'
import type { IdentificationLink } from './identification-link.js'
import { copyJSON, readList, toDate } from './json.js'
import { runOperation, type Operation } from './operation.js'
import type { FapiResult } from '../client/transport.js'
import { Verification, type VerificationConstructor } from './verification.js'

const ROOT = '/me/phone_numbers'

/**
 * Adds a number to the user (`POST /v1/me/phone_numbers`), what `user.createPhoneNumber()` does. The number
 * is parsed to E.164 first; national input needs `defaultCountry`. Emits `phoneNumber:created`.
 */
export async function createPhoneNumber(
  context: ResourceContext,
  params: { phoneNumber: string; defaultCountry?: string } & CallOptions,
): Promise<PhoneNumber> {
  // The phone chunk refuses what is not a number, before anything is sent.
  const phoneNumber = (await loadPhone()).parse(params?.phoneNumber, params?.defaultCountry)
  const build = (result: FapiResult<unknown> | null) => new (PhoneNumber as unknown as PhoneNumberConstructor)(result?.response as PhoneNumberJSON, context)
  return runOperation(context, { method: 'POST', path: ROOT, body: { phoneNumber }, build, emit: 'phoneNumber:created' }, params)
}

/**
 * One of the signed-in user's phone numbers. Immutable: every operation resolves to a **new** instance
 * built from the server's answer and leaves `this` as it was. Inputs are checked before any request.
 *
 * @example
 * ```ts
 * const phone = await client.user!.createPhoneNumber({ phoneNumber: '+12015550123' })
 * const sent = await phone.prepareVerification()
 * const done = await sent.attemptVerification({ code: '424242' })
 * done.verification?.status // 'verified'
 * ```
 */
export class PhoneNumber {
  // Fields are `declare`d and set once in the constructor: no class-field emit keeps the first load small.
  /** `idn_...`; empty for a number not created yet. */
  declare readonly id: string
  /** E.164 with `+`. */
  declare readonly phoneNumber: string
  /** `null` until a code was sent (or the number was verified by an admin). */
  declare readonly verification: Verification | null
  /** Used as an SMS second factor; see `setReservedForSecondFactor()`. False when the wire omits it. */
  declare readonly reservedForSecondFactor: boolean
  /** The user's default second factor; see `makeDefaultSecondFactor()`. False when the wire omits it. */
  declare readonly defaultSecondFactor: boolean
  /** Claimed but not verified yet, so no other user can add it; false once verified. */
  declare readonly reserved: boolean
  /** Identifications this number is linked to (wire `linked_to`), frozen; usually empty. */
  declare readonly linkedTo: readonly IdentificationLink[]
  /** Set once, on the answer that first reserves the number for the second factor; show them then. */
  declare readonly backupCodes: readonly string[] | null
  /** From the wire's Unix ms `created_at`; `null` only if the server omitted it. */
  declare readonly createdAt: Date | null
  /** From the wire's Unix ms `updated_at`; `null` only if the server omitted it. */
  declare readonly updatedAt: Date | null
  /** True for the instance `destroy()` resolves to. */
  declare readonly isDestroyed: boolean
  readonly #json: PhoneNumberJSON
  readonly #context: ResourceContext

  // Private: apps get numbers from `client.user` and operations, or rebuild one with `fromJSON`.
  private constructor(json: PhoneNumberJSON, context: ResourceContext, destroyed = false) {
    this.#json = copyJSON(json, ['id', 'phone_number'])
    this.#context = context
    this.id = json.id
    this.phoneNumber = json.phone_number
    this.verification = json.verification ? new (Verification as unknown as VerificationConstructor)(json.verification) : null
    this.reservedForSecondFactor = json.reserved_for_second_factor ?? false
    this.defaultSecondFactor = json.default_second_factor ?? false
    this.reserved = json.reserved
    this.linkedTo = readList(json.linked_to, (link) => Object.freeze(copyJSON(link, ['id', 'type'])) as IdentificationLink)
    this.backupCodes = json.backup_codes ? readList(json.backup_codes, (code) => code) : null
    this.createdAt = toDate(json.created_at)
    this.updatedAt = toDate(json.updated_at)
    this.isDestroyed = destroyed
    Object.freeze(this)
  }

  /**
   * Builds an instance from wire JSON, e.g. one saved with `toJSON()`, acting through `client`.
   *
   * @throws ValidationError `json_invalid` for damaged JSON, `param_invalid` (paramName `client`) for anything
   * `createClient()` did not return
   * @example PhoneNumber.fromJSON(saved, client).phoneNumber
   */
  static fromJSON(json: PhoneNumberJSON, client: DialkitClient): PhoneNumber {
    return new PhoneNumber(json, contextOf(client))
  }

  /**
   * Sends an SMS code (`strategy=phone_code`). Identical calls in flight share one request, so a double
   * click sends one SMS; each caller may still abort its own wait. Emits `phoneNumber:updated` once.
   *
   * @example
   * const sent = await phone.prepareVerification()
   * sent.verification?.expireAt // when the code stops working
   */
  async prepareVerification(options?: CallOptions): Promise<PhoneNumber> {
    return this.#run({ method: 'POST', path: this.#path('/prepare_verification'), body: { strategy: 'phone_code' }, coalesce: true }, options)
  }

  /**
   * Checks the code from the SMS. Never merged with other calls: each attempt counts on the server.
   * Emits `phoneNumber:updated`.
   *
   * @throws ValidationError `code_invalid` for anything but 4–10 digits
   * @example
   * ```ts
   * const done = await sent.attemptVerification({ code: '123 456' })
   * ```
   */
  async attemptVerification(params: { code: string } & CallOptions): Promise<PhoneNumber> {
    // Object literals evaluate in order: a removed number is refused before its code is looked at.
    return this.#run({ method: 'POST', path: this.#path('/attempt_verification'), body: { code: normalizeCode(params?.code) } }, params)
  }

  /**
   * Reserves (or releases) the number for SMS second factor. The first reservation may carry `backupCodes`.
   *
   * @example
   * ```ts
   * const mfa = await done.setReservedForSecondFactor({ reserved: true })
   * mfa.backupCodes // show them once
   * ```
   */
  async setReservedForSecondFactor(params: { reserved: boolean } & CallOptions): Promise<PhoneNumber> {
    const body = { reservedForSecondFactor: requireBoolean(params?.reserved, 'reserved_for_second_factor') }
    return this.#run({ method: 'PATCH', path: this.#path(), body }, params)
  }

  /** Makes this the default second factor. @example await mfa.makeDefaultSecondFactor() */
  async makeDefaultSecondFactor(options?: CallOptions): Promise<PhoneNumber> {
    return this.#run({ method: 'PATCH', path: this.#path(), body: { defaultSecondFactor: true } }, options)
  }

  /** Fetches the number again. @example const fresh = await phone.reload() */
  async reload(options?: CallOptions): Promise<PhoneNumber> {
    return this.#run({ method: 'GET', path: this.#path() }, options)
  }

  /**
   * Removes the number. Resolves to a destroyed copy (`isDestroyed`); any later operation on this number,
   * through any instance, is refused. Emits `phoneNumber:destroyed`.
   *
   * @example
   * const gone = await phone.destroy()
   * gone.isDestroyed // true
   */
  async destroy(options?: CallOptions): Promise<PhoneNumber> {
    return this.#run({ method: 'DELETE', path: this.#path(), emit: 'phoneNumber:destroyed' }, options)
  }

  /** E.164, e.g. `+12015550123`. @example String(phone) */
  toString(): string {
    return this.phoneNumber
  }

  /**
   * Display format. Sync: until the phone metadata chunk has loaded (any parse, `createPhoneNumber`, or
   * `preloadPhone()` loads it) this returns E.164 unchanged and starts the load in the background.
   *
   * @example
   * await preloadPhone()
   * phone.format('national') // '(201) 555-0123'
   */
  format(style?: PhoneFormat): string {
    return formatPhone(this.phoneNumber, style)
  }

  /** The wire JSON this instance was built from. @example PhoneNumber.fromJSON(phone.toJSON(), client) */
  toJSON(): PhoneNumberJSON {
    return copyJSON(this.#json)
  }

  /** The path of this live number; every operation starts here, so it checks first. */
  #path(action = ''): string {
    this.#assertLive()
    return `${ROOT}/${encodeURIComponent(this.id)}${action}`
  }

  #assertLive(): void {
    if (this.#context.destroyed.has(this.id)) {
      throw new ValidationError('resource_destroyed', 'Removed')
    }
  }

  #run(operation: Omit<Operation<PhoneNumber>, 'build'>, options: CallOptions | undefined): Promise<PhoneNumber> {
    const destroyed = operation.method == 'DELETE'
    const build: Operation<PhoneNumber>['build'] = (result) => {
      // Destroyed while this was in flight: a live instance or an event now would bring the number back.
      this.#assertLive()
      // The id goes in before the destroyed copy is built, so the set alone covers every instance.
      if (destroyed) this.#context.destroyed.add(this.id)
      return new PhoneNumber(destroyed ? this.#json : (result?.response as PhoneNumberJSON), this.#context, destroyed)
    }
    return runOperation(this.#context, { emit: 'phoneNumber:updated', ...operation, build }, options)
  }
}

/** The private constructor (apps rebuild instances with `fromJSON`), for the resources that build numbers from the wire. */
export type PhoneNumberConstructor = new (json: PhoneNumberJSON, context: ResourceContext) => PhoneNumber

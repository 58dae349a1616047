import type { FapiResult } from '../client/transport.js'
import { parsePhone } from '../phone/helpers.js'
import type { SignUpJSON, SignUpStatus } from '../wire/index.js'
import type { CallOptions } from './coalesce.js'
import { normalizeCode } from './guards.js'
import { copyJSON } from './json.js'
import { runOperation, type Operation } from './operation.js'
import { announce } from './sign-in-outcome.js'
import type { SignInDeps } from './sign-in-ticket.js'
import { depsOf } from './context.js'
import type { DialkitClient } from '../client/create-client.js'
import { Verification, type VerificationConstructor } from './verification.js'

const ROOT = '/client/sign_ups'

/**
 * A phone sign-up in progress (Clerk's `sign_up_attempt`). Immutable: every step resolves to a **new**
 * instance. It lives in the client, so it survives a reload (`SignUp.current(client)`). The step that
 * completes it creates the user and an active session: the store becomes `signed-in` and `session:created`
 * is emitted once; every other step emits `signUp:updated`.
 *
 * @example
 * ```ts
 * let signUp = await SignUp.create(client, { phoneNumber: '415 555 2671', defaultCountry: 'US' })
 * signUp = await signUp.preparePhoneNumberVerification()
 * signUp = await signUp.attemptPhoneNumberVerification({ code: '424242' })
 * signUp.status // 'complete'
 * ```
 */
export class SignUp {
  // Fields are `declare`d and set once in the constructor, like the other resources.
  /** Clerk's id, `sua_…`. */
  declare readonly id: string
  /** `missing_requirements` until the phone is verified, then `complete`; others surface as they are. */
  declare readonly status: SignUpStatus
  /** The E.164 number supplied. */
  declare readonly phoneNumber: string | null
  /** Required fields not supplied yet. */
  declare readonly missingFields: readonly string[]
  /** Supplied fields still to verify, e.g. `phone_number`. */
  declare readonly unverifiedFields: readonly string[]
  /** The phone number's verification; `null` before `preparePhoneNumberVerification()`. */
  declare readonly verifications: { readonly phoneNumber: Verification | null }
  /** The user created on completion; `null` before. */
  declare readonly createdUserId: string | null
  /** The session created on completion; `null` before. */
  declare readonly createdSessionId: string | null
  readonly #json: SignUpJSON
  readonly #client: SignInDeps

  // Private: start one with `SignUp.create`, resume it with `SignUp.current` or rebuild a saved one with `fromJSON`.
  private constructor(json: SignUpJSON, client: SignInDeps) {
    this.#json = copyJSON(json, ['id', 'status'])
    this.#client = client
    this.id = json.id
    this.status = json.status
    this.phoneNumber = json.phone_number ?? null
    this.missingFields = Object.freeze(Array.from(json.missing_fields ?? []))
    this.unverifiedFields = Object.freeze(Array.from(json.unverified_fields ?? []))
    const phone = json.verifications?.phone_number
    this.verifications = Object.freeze({ phoneNumber: phone ? new (Verification as unknown as VerificationConstructor)(phone) : null })
    this.createdUserId = json.created_user_id ?? null
    this.createdSessionId = json.created_session_id ?? null
    Object.freeze(this)
  }

  /**
   * Starts a phone sign-up (`POST /v1/client/sign_ups`), replacing the client's current one. The number is
   * parsed to E.164 first (national input needs `defaultCountry`). Emits `signUp:updated`.
   *
   * @throws ValidationError `phone_number_invalid` before anything is sent
   * @example
   * ```ts
   * const signUp = await SignUp.create(client, { phoneNumber: '+14155552671' })
   * signUp.unverifiedFields // ['phone_number']
   * ```
   */
  static async create(client: DialkitClient, params: { phoneNumber: string; defaultCountry?: string } & CallOptions): Promise<SignUp> {
    const deps = depsOf(client)
    const phoneNumber = await parsePhone(params?.phoneNumber, { defaultCountry: params?.defaultCountry })
    return run(deps, { method: 'POST', path: ROOT, body: { phoneNumber }, emit: 'signUp:updated' }, params)
  }

  /** Builds an instance from wire JSON, e.g. one saved with `toJSON()`. @example SignUp.fromJSON(json, client).status */
  static fromJSON(json: SignUpJSON, client: DialkitClient): SignUp {
    return new SignUp(json, depsOf(client))
  }

  /**
   * The client's sign-up in progress, from the store; `null` when there is none.
   *
   * @example
   * ```ts
   * await client.load()
   * const pending = SignUp.current(client)
   * ```
   */
  static current(client: DialkitClient): SignUp | null {
    const deps = depsOf(client)
    const json = deps.store.get().client?.toJSON().sign_up
    return json ? new SignUp(json, deps) : null
  }

  /**
   * Sends the SMS code to the sign-up's number (`strategy=phone_code`). Identical calls in flight share one
   * request (a double click sends one SMS). Emits `signUp:updated`.
   *
   * @example
   * ```ts
   * const sent = await signUp.preparePhoneNumberVerification()
   * sent.verifications.phoneNumber?.expireAt
   * ```
   */
  async preparePhoneNumberVerification(options?: CallOptions): Promise<SignUp> {
    const operation = { path: this.#path('/prepare_verification'), body: { strategy: 'phone_code' }, emit: 'signUp:updated', coalesce: true } as const
    return run(this.#client, { method: 'POST', ...operation }, options)
  }

  /**
   * Checks the code. The right one completes the sign-up: the user and an active session exist, the store is
   * `signed-in` and `session:created` is emitted. Never merged with other calls: each attempt counts.
   *
   * @throws ValidationError `code_invalid` for anything but 4–10 digits
   * @example
   * ```ts
   * const done = await sent.attemptPhoneNumberVerification({ code: '424242' })
   * done.createdSessionId // 'sess_…'
   * ```
   */
  async attemptPhoneNumberVerification(params: { code: string } & CallOptions): Promise<SignUp> {
    const body = { strategy: 'phone_code', code: normalizeCode(params?.code) }
    return run(this.#client, { method: 'POST', path: this.#path('/attempt_verification'), body }, params)
  }

  /** Fetches the sign-up again (`GET /v1/client/sign_ups/{id}`). Emits `signUp:updated`. @example const fresh = await signUp.reload() */
  async reload(options?: CallOptions): Promise<SignUp> {
    return run(this.#client, { method: 'GET', path: this.#path(), emit: 'signUp:updated' }, options)
  }

  /** The wire JSON this instance was built from. @example SignUp.fromJSON(signUp.toJSON(), client) */
  toJSON(): SignUpJSON {
    return copyJSON(this.#json)
  }

  #path(action = ''): string {
    return `${ROOT}/${encodeURIComponent(this.id)}${action}`
  }
}

/** The sign-up's operations: the answer must be a sign-up; the attempt announces itself (completion or not). */
function run(client: SignInDeps, operation: Omit<Operation<SignUp>, 'build'>, options: CallOptions | undefined): Promise<SignUp> {
  const build = (result: FapiResult | null) => {
    const next = new (SignUp as unknown as new (json: SignUpJSON, client: SignInDeps) => SignUp)(result?.response as SignUpJSON, client)
    if (!operation.emit) announce(client, 'signUp:updated', next)
    return next
  }
  return runOperation(client.context, { ...operation, build }, options)
}

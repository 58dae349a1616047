import type { FapiResult } from '../client/transport.js'
import { parsePhone } from '../phone/helpers.js'
import type { SignInJSON, SignInStatus } from '../wire/index.js'
import type { CallOptions } from './coalesce.js'
import { normalizeCode, requireString } from './guards.js'
import { copyJSON } from './json.js'
import { runOperation, type Operation } from './operation.js'
import { toFactors, type SignInFactor } from './sign-in-factor.js'
import { announce, requireStrategy } from './sign-in-outcome.js'
import type { SignInDeps } from './sign-in-ticket.js'
import { depsOf } from './context.js'
import type { DialkitClient } from '../client/create-client.js'
import { Verification, type VerificationConstructor } from './verification.js'

const ROOT = '/client/sign_ins'

/**
 * A phone sign-in in progress (Clerk's `sign_in_attempt`). Immutable: every step resolves to a **new**
 * instance built from the server's answer. It lives in the client, so it survives a reload: resume it with
 * `SignIn.current(client)`. The step that completes it makes the store `signed-in` and emits
 * `session:created` once; every other step emits `signIn:updated`.
 *
 * @example
 * ```ts
 * let signIn = await SignIn.create(client, { identifier: '+14155552671' })
 * signIn = await signIn.prepareFirstFactor({ strategy: 'phone_code' })
 * signIn = await signIn.attemptFirstFactor({ strategy: 'phone_code', code: '424242' })
 * if (signIn.status === 'needs_second_factor') {
 *   signIn = await signIn.prepareSecondFactor({ strategy: 'phone_code' })
 *   signIn = await signIn.attemptSecondFactor({ strategy: 'phone_code', code: '424242' })
 * }
 * client.store.get().status // 'signed-in'
 * ```
 */
export class SignIn {
  // Fields are `declare`d and set once in the constructor, like the other resources.
  /** Clerk's id, `sia_…`. */
  declare readonly id: string
  /** Where the sign-in stands; a status a newer server sends is surfaced as it is. */
  declare readonly status: SignInStatus
  /** The identifier given to `create()`, E.164. */
  declare readonly identifier: string | null
  /** One `phone_code` entry per verified number of the account. */
  declare readonly supportedFirstFactors: readonly SignInFactor[] | null
  /** `phone_code` and `backup_code` entries once the first factor is verified; `null` before. */
  declare readonly supportedSecondFactors: readonly SignInFactor[] | null
  /** The first factor's code; `null` before `prepareFirstFactor()`. */
  declare readonly firstFactorVerification: Verification | null
  /** The second factor's code or backup code; `null` before `prepareSecondFactor()`. */
  declare readonly secondFactorVerification: Verification | null
  /** The session this sign-in created; `null` until `complete`. */
  declare readonly createdSessionId: string | null
  readonly #json: SignInJSON
  readonly #client: SignInDeps

  // Private: start one with `SignIn.create`, resume it with `SignIn.current` or rebuild a saved one with `fromJSON`.
  private constructor(json: SignInJSON, client: SignInDeps) {
    this.#json = copyJSON(json, ['id', 'status'])
    this.#client = client
    this.id = json.id
    this.status = json.status
    this.identifier = json.identifier ?? null
    this.supportedFirstFactors = toFactors(json.supported_first_factors)
    this.supportedSecondFactors = toFactors(json.supported_second_factors)
    this.firstFactorVerification = json.first_factor_verification ? new (Verification as unknown as VerificationConstructor)(json.first_factor_verification) : null
    this.secondFactorVerification = json.second_factor_verification ? new (Verification as unknown as VerificationConstructor)(json.second_factor_verification) : null
    this.createdSessionId = json.created_session_id ?? null
    Object.freeze(this)
  }

  /**
   * Starts a phone sign-in (`POST /v1/client/sign_ins`), replacing the client's current one. The number is
   * parsed to E.164 first (national input needs `defaultCountry`). Emits `signIn:updated`.
   *
   * @throws ValidationError `phone_number_invalid` (paramName `phone_number`) before anything is sent
   * @example
   * ```ts
   * const signIn = await SignIn.create(client, { identifier: '(415) 555-2671', defaultCountry: 'US' })
   * signIn.status // 'needs_first_factor'
   * ```
   */
  static async create(client: DialkitClient, params: { identifier: string; defaultCountry?: string } & CallOptions): Promise<SignIn> {
    const deps = depsOf(client)
    const identifier = await parsePhone(params?.identifier, { defaultCountry: params?.defaultCountry })
    return run(deps, { method: 'POST', path: ROOT, body: { identifier }, emit: 'signIn:updated' }, params)
  }

  /** Builds an instance from wire JSON, e.g. one saved with `toJSON()`. @example SignIn.fromJSON(json, client).status */
  static fromJSON(json: SignInJSON, client: DialkitClient): SignIn {
    return new SignIn(json, depsOf(client))
  }

  /**
   * The client's sign-in in progress, from the store (so after a reload, once `client.load()` ran); `null`
   * when there is none.
   *
   * @example
   * ```ts
   * await client.load()
   * const pending = SignIn.current(client)
   * if (pending?.status === 'needs_first_factor') showCodeStep(pending)
   * ```
   */
  static current(client: DialkitClient): SignIn | null {
    const deps = depsOf(client)
    const json = deps.store.get().client?.toJSON().sign_in
    return json ? new SignIn(json, deps) : null
  }

  /**
   * Sends the SMS code of the first factor. `phoneNumberId` defaults to the factor of the typed identifier.
   * Identical calls in flight share one request (a double click sends one SMS). Emits `signIn:updated`.
   *
   * @example
   * ```ts
   * const sent = await signIn.prepareFirstFactor({ strategy: 'phone_code' })
   * sent.firstFactorVerification?.expireAt
   * ```
   */
  async prepareFirstFactor(params: { strategy: 'phone_code'; phoneNumberId?: string } & CallOptions): Promise<SignIn> {
    requireStrategy(params?.strategy, ['phone_code'])
    const phoneNumberId = optionalId(params.phoneNumberId) ?? this.#factorForIdentifier()
    const body = { strategy: 'phone_code', phoneNumberId }
    return this.#run({ path: this.#path('/prepare_first_factor'), body, emit: 'signIn:updated', coalesce: true }, params)
  }

  /**
   * Checks the first factor's code. Resolves `complete` (signed in, `session:created`) or
   * `needs_second_factor` (`signIn:updated`). Never merged with other calls: each attempt counts.
   *
   * @throws ValidationError `code_invalid` for anything but 4–10 digits
   * @example
   * ```ts
   * const next = await sent.attemptFirstFactor({ strategy: 'phone_code', code: '424242' })
   * ```
   */
  async attemptFirstFactor(params: { strategy: 'phone_code'; code: string } & CallOptions): Promise<SignIn> {
    const strategy = requireStrategy(params?.strategy, ['phone_code'])
    const body = { strategy, code: normalizeCode(params.code) }
    return this.#run({ path: this.#path('/attempt_first_factor'), body }, params)
  }

  /**
   * Sends the SMS code of the second factor; `phoneNumberId` defaults to the server's choice (the default
   * second factor). Identical calls in flight share one request. Emits `signIn:updated`.
   *
   * @example
   * ```ts
   * const sent = await signIn.prepareSecondFactor({ strategy: 'phone_code' })
   * ```
   */
  async prepareSecondFactor(params: { strategy: 'phone_code'; phoneNumberId?: string } & CallOptions): Promise<SignIn> {
    requireStrategy(params?.strategy, ['phone_code'])
    const body = { strategy: 'phone_code', phoneNumberId: optionalId(params.phoneNumberId) }
    return this.#run({ path: this.#path('/prepare_second_factor'), body, emit: 'signIn:updated', coalesce: true }, params)
  }

  /**
   * Checks the second factor: the SMS code (`phone_code`, 4–10 digits) or one of the account's backup codes
   * (`backup_code`, no prepare needed; each works once). Resolves `complete` and emits `session:created`.
   *
   * @throws ValidationError `code_invalid`, `param_invalid` (paramName `strategy`)
   * @example
   * ```ts
   * const done = await signIn.attemptSecondFactor({ strategy: 'backup_code', code: 'a1b2c3d4' })
   * done.createdSessionId // 'sess_…'
   * ```
   */
  async attemptSecondFactor(params: { strategy: 'phone_code' | 'backup_code'; code: string } & CallOptions): Promise<SignIn> {
    const strategy = requireStrategy(params?.strategy, ['phone_code', 'backup_code'])
    const code = strategy === 'phone_code' ? normalizeCode(params.code) : requireString(params.code, 'code').trim()
    return this.#run({ path: this.#path('/attempt_second_factor'), body: { strategy, code } }, params)
  }

  /** Fetches the sign-in again (`GET /v1/client/sign_ins/{id}`). Emits `signIn:updated`. @example const fresh = await signIn.reload() */
  async reload(options?: CallOptions): Promise<SignIn> {
    return this.#run({ method: 'GET', path: this.#path(), emit: 'signIn:updated' }, options)
  }

  /** The wire JSON this instance was built from. @example SignIn.fromJSON(signIn.toJSON(), client) */
  toJSON(): SignInJSON {
    return copyJSON(this.#json)
  }

  #path(action = ''): string {
    return `${ROOT}/${encodeURIComponent(this.id)}${action}`
  }

  /** clerk-js's rule: the `phone_code` factor whose `safe_identifier` is the typed identifier, else the first. */
  #factorForIdentifier(): string | undefined {
    const phones = this.supportedFirstFactors?.filter((factor) => factor.strategy === 'phone_code') ?? []
    return (phones.find((factor) => factor.safeIdentifier === this.identifier) ?? phones[0])?.phoneNumberId ?? undefined
  }

  #run(operation: Omit<Operation<SignIn>, 'build' | 'method'> & { method?: 'GET' }, options: CallOptions | undefined): Promise<SignIn> {
    return run(this.#client, { method: 'POST', ...operation }, options)
  }
}

/** The sign-in's operations: the answer must be a sign-in; attempts announce themselves (completion or not). */
function run(client: SignInDeps, operation: Omit<Operation<SignIn>, 'build'>, options: CallOptions | undefined): Promise<SignIn> {
  const build = (result: FapiResult | null) => {
    const next = new (SignIn as unknown as new (json: SignInJSON, client: SignInDeps) => SignIn)(result?.response as SignInJSON, client)
    if (!operation.emit) announce(client, 'signIn:updated', next)
    return next
  }
  return runOperation(client.context, { ...operation, build }, options)
}

function optionalId(id: unknown): string | undefined {
  return id === undefined ? undefined : requireString(id, 'phone_number_id')
}

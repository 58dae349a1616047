import type { SessionJSON } from '../wire/index.js'
import type { DialkitClient } from '../client/create-client.js'
import { contextOf, type GetTokenOptions, type ResourceContext } from './context.js'
import { copyJSON } from './json.js'
import { User, type UserConstructor } from './user.js'

/**
 * A session of the client. Immutable.
 *
 * @example
 * ```ts
 * const { session } = client.store.get()
 * session?.status // 'active'
 * ```
 */
export class Session {
  // Fields are `declare`d and set once in the constructor: no class-field emit keeps the first load small.
  /** Clerk's id, `sess_…`. */
  declare readonly id: string
  /** Only an `active` session signs the user in. */
  declare readonly status: SessionJSON['status']
  /** The session's user; `null` when the wire carried none. */
  declare readonly user: User | null
  readonly #json: SessionJSON
  readonly #context: ResourceContext

  // Private: sessions come with the client (`client.store`); `fromJSON` rebuilds a saved one.
  private constructor(json: SessionJSON, context: ResourceContext) {
    this.#json = copyJSON(json, ['id'])
    this.#context = context
    this.id = json.id
    this.status = json.status
    this.user = json.user ? new (User as unknown as UserConstructor)(json.user, context) : null
    Object.freeze(this)
  }

  /**
   * Builds an instance from wire JSON, acting through `client`.
   *
   * @throws ValidationError `json_invalid`, `param_invalid` (paramName `client`)
   * @example Session.fromJSON(saved, client).status
   */
  static fromJSON(json: SessionJSON, client: DialkitClient): Session {
    return new Session(json, contextOf(client))
  }

  /**
   * A session token (a JWT) the app's server verifies, from `POST /v1/client/sessions/{id}/tokens`. It is
   * cached until shortly before it expires, concurrent calls share one request, and the cache is dropped
   * whenever the client's active session changes (sign-in, sign-out, another session). Resolves to `null`
   * when this session is no longer the client's active one.
   *
   * @throws ValidationError `param_invalid` (paramName `skip_cache`, `signal` or `timeout`) before anything is sent
   * @example
   * ```ts
   * const token = await client.session?.getToken()
   * await fetch('/api/me', { headers: { Authorization: `Bearer ${token}` } })
   * ```
   */
  async getToken(options?: GetTokenOptions): Promise<string | null> {
    return this.#context.getToken?.(this, options) ?? null
  }

  /** The wire JSON this instance was built from. @example session.toJSON().id */
  toJSON(): SessionJSON {
    return copyJSON(this.#json)
  }
}

/** The private constructor (apps rebuild instances with `fromJSON`), for the client resource and sign-out. */
export type SessionConstructor = new (json: SessionJSON, context: ResourceContext) => Session

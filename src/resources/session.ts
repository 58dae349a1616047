import type { SessionJSON } from '../wire/index.js'
import type { GetTokenOptions, ResourceContext } from './context.js'
import { copyJSON } from './json.js'
import { User } from './user.js'

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

  constructor(json: SessionJSON, context: ResourceContext) {
    this.#json = copyJSON(json, ['id'])
    this.#context = context
    this.id = json.id
    this.status = json.status
    this.user = json.user ? new User(json.user, context) : null
    Object.freeze(this)
  }

  /** Builds an instance from wire JSON. @example Session.fromJSON(json, client.context).status */
  static fromJSON(json: SessionJSON, context: ResourceContext): Session {
    return new Session(json, context)
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

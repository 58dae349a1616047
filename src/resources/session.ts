import type { SessionJSON } from '../wire/index.js'
import type { ResourceContext } from './context.js'
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

  constructor(json: SessionJSON, context: ResourceContext) {
    this.#json = copyJSON(json, ['id'])
    this.id = json.id
    this.status = json.status
    this.user = json.user ? new User(json.user, context) : null
    Object.freeze(this)
  }

  /** Builds an instance from wire JSON. @example Session.fromJSON(json, client.context).status */
  static fromJSON(json: SessionJSON, context: ResourceContext): Session {
    return new Session(json, context)
  }

  /** The wire JSON this instance was built from. @example session.toJSON().id */
  toJSON(): SessionJSON {
    return copyJSON(this.#json)
  }
}

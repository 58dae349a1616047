import type { ClientJSON } from '../wire/index.js'
import type { ResourceContext } from './context.js'
import { copyJSON } from './json.js'
import { Session } from './session.js'

/**
 * The browser's Frontend API client: its sessions and which one is active. Immutable.
 *
 * @example
 * ```ts
 * const { client: state } = client.store.get()
 * state?.activeSession?.user?.id
 * ```
 */
export class ClientResource {
  // Fields are `declare`d and set once in the constructor: no class-field emit keeps the first load small.
  /** Clerk's id, `client_…`. */
  declare readonly id: string
  /** The client's current sessions, frozen. */
  declare readonly sessions: readonly Session[]
  /** Wire `last_active_session_id`; `null` when signed out. */
  declare readonly lastActiveSessionId: string | null
  /** The last active session, if it is still `active`. */
  declare readonly activeSession: Session | null
  readonly #json: ClientJSON

  constructor(json: ClientJSON, context: ResourceContext) {
    this.#json = copyJSON(json, ['id'])
    this.id = json.id
    this.sessions = Object.freeze(Array.from(json.sessions ?? [], (session) => new Session(session, context)))
    this.lastActiveSessionId = json.last_active_session_id ?? null
    this.activeSession =
      this.sessions.find((session) => session.id === this.lastActiveSessionId && session.status === 'active') ?? null
    Object.freeze(this)
  }

  /** Builds an instance from wire JSON, as `new ClientResource()` does. @example ClientResource.fromJSON(json, client.context).sessions.length */
  static fromJSON(json: ClientJSON, context: ResourceContext): ClientResource {
    return new ClientResource(json, context)
  }

  /** The wire JSON this instance was built from. @example state.toJSON().last_active_session_id */
  toJSON(): ClientJSON {
    return copyJSON(this.#json)
  }
}

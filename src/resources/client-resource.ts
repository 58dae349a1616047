import type { ClientJSON } from '../wire/index.js'
import type { DialkitClient } from '../client/create-client.js'
import { contextOf, type ResourceContext } from './context.js'
import { copyJSON, readList } from './json.js'
import { Session, type SessionConstructor } from './session.js'

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

  // Private: the client resource is `client.store.get().client`; `fromJSON` rebuilds a saved one.
  private constructor(json: ClientJSON, context: ResourceContext) {
    this.#json = copyJSON(json, ['id'])
    this.id = json.id
    this.sessions = readList(json.sessions, (session) => new (Session as unknown as SessionConstructor)(session, context))
    this.lastActiveSessionId = json.last_active_session_id ?? null
    this.activeSession =
      this.sessions.find((session) => session.id === this.lastActiveSessionId && session.status === 'active') ?? null
    Object.freeze(this)
  }

  /**
   * Builds an instance from wire JSON, acting through `client`.
   *
   * @throws ValidationError `json_invalid`, `param_invalid` (paramName `client`)
   * @example ClientResource.fromJSON(saved, client).sessions.length
   */
  static fromJSON(json: ClientJSON, client: DialkitClient): ClientResource {
    return new ClientResource(json, contextOf(client))
  }

  /** The wire JSON this instance was built from. @example state.toJSON().last_active_session_id */
  toJSON(): ClientJSON {
    return copyJSON(this.#json)
  }
}

/** The private constructor (apps rebuild instances with `fromJSON`), for the session store. */
export type ClientResourceConstructor = new (json: ClientJSON, context: ResourceContext) => ClientResource

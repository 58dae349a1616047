import type { IdentificationLinkJSON } from '../wire/index.js'
import { copyJSON } from './json.js'

/**
 * Another identification a phone number is linked to (e.g. an OAuth account). Immutable.
 *
 * @example
 * ```ts
 * phone.linkedTo.map((link) => `${link.type}:${link.id}`)
 * ```
 */
export class IdentificationLink {
  // Fields are `declare`d and set once in the constructor: no class-field emit keeps the first load small.
  /** Id of the linked identification. */
  declare readonly id: string
  /** Its kind, e.g. `oauth_google` or `saml`. */
  declare readonly type: string
  readonly #json: IdentificationLinkJSON

  constructor(json: IdentificationLinkJSON) {
    this.#json = copyJSON(json, ['id', 'type'])
    this.id = json.id
    this.type = json.type
    Object.freeze(this)
  }

  /** Builds an instance from wire JSON. @example `IdentificationLink.fromJSON({ id: 'idn_1', type: 'oauth_google' })` */
  static fromJSON(json: IdentificationLinkJSON): IdentificationLink {
    return new IdentificationLink(json)
  }

  /** The wire JSON this instance was built from. @example link.toJSON().type */
  toJSON(): IdentificationLinkJSON {
    return copyJSON(this.#json)
  }
}

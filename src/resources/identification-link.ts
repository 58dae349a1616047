/**
 * Another identification a phone number is linked to (e.g. an OAuth account): a frozen copy of the wire's
 * `linked_to` entry, unknown fields included. A plain object, not a class: it has nothing to do.
 *
 * @example
 * ```ts
 * phone.linkedTo.map((link) => `${link.type}:${link.id}`)
 * ```
 */
export interface IdentificationLink {
  /** Id of the linked identification. */
  readonly id: string
  /** Its kind, e.g. `oauth_google` or `saml`. */
  readonly type: string
}

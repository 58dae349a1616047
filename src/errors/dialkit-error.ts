/** Marks every dialkit error so guards work across realms (iframes, duplicated bundles), where `instanceof` fails. */
export const DIALKIT_ERROR_BRAND = Symbol.for('dialkit.error')

/**
 * The base of every error dialkit throws. The public API throws nothing else.
 *
 * @example
 * ```ts
 * try { await phone.prepareVerification() } catch (error) {
 *   if (isDialkitError(error)) console.warn(error.name, error.message)
 * }
 * ```
 */
export class DialkitError extends Error {
  /** The class's name (`ValidationError`, ...); the guards test it, so it survives minification and realms. */
  override name: string = 'DialkitError'
  /** The cross-realm brand {@link isDialkitError} checks. */
  readonly [DIALKIT_ERROR_BRAND] = true
  // No constructor of its own: Error's `(message, { cause })` is the one wanted, and a copy costs bytes.
}

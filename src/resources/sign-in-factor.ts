import type { SignInFactorJSON } from '../wire/index.js'
import { copyJSON } from './json.js'

/**
 * One way to prove a sign-in factor, from `supported_first_factors` / `supported_second_factors`. Frozen.
 *
 * @example
 * ```ts
 * const sms = signIn.supportedSecondFactors?.find((factor) => factor.strategy === 'phone_code')
 * sms?.safeIdentifier // '+*********71'
 * ```
 */
export interface SignInFactor {
  /** `phone_code`, `backup_code`, or another of Clerk's strategies, as sent. */
  readonly strategy: string
  /** Where the code goes, masked except for the identifier typed; `null` for backup codes. */
  readonly safeIdentifier: string | null
  /** The number a `phone_code` factor sends to; `null` for backup codes. */
  readonly phoneNumberId: string | null
  /** Whether it is the user's primary identification. */
  readonly primary: boolean
  /** Whether it is the user's default second factor. */
  readonly default: boolean
}

/**
 * Wire factors → frozen {@link SignInFactor}s; `null` stays `null` (second factors before the first is done).
 * A factor without a string `strategy` (`null`, a number) is refused as the other resources refuse theirs.
 *
 * @throws ValidationError `json_invalid`
 */
export function toFactors(list: SignInFactorJSON[] | null | undefined): readonly SignInFactor[] | null {
  if (!Array.isArray(list)) return null
  return Object.freeze(
    list.map((factor) => {
      // The one check every resource makes: refuses null, a non-object and a factor whose strategy is no string.
      copyJSON(factor, ['strategy'])
      return Object.freeze({
        strategy: factor.strategy,
        safeIdentifier: factor.safe_identifier ?? null,
        phoneNumberId: factor.phone_number_id ?? null,
        primary: factor.primary ?? false,
        default: factor.default ?? false,
      })
    }),
  )
}

import { ValidationError } from '../errors/validation-error.js'

// Instances keep a private copy of their wire JSON: a copy, so the caller's object can change without
// reaching the instance; never frozen, because nothing outside the instance ever sees it. Constructors
// pass the string fields they read, so what they keep is checked too: every resource has one, so this
// also refuses null, arrays and primitives. Lists go through `readList`, and their items are checked by
// the constructors built from them. A few names, not a schema library: this sits in the first load. The
// operation path turns the refusal of a server answer into `NetworkError` `malformed_response`.
//
// @throws ValidationError `json_invalid`
export function copyJSON<T>(value: T, strings: string[] = []): T {
  try {
    // structuredClone throws DataCloneError on what JSON cannot hold (a function, say): refused the same way.
    if (!strings.some((key) => typeof (value as Record<string, unknown> | null)?.[key] != 'string')) return structuredClone(value)
  } catch {
    // falls through to the refusal
  }
  refuseJSON()
}

/**
 * A wire list as a frozen array of what `build` makes of each item; absent or `null` is empty. Anything else
 * that is not an array (a number, an object, a string) is refused rather than read as empty or as characters.
 *
 * @throws ValidationError `json_invalid`
 */
export function readList<T, U>(list: readonly T[] | null | undefined, build: (item: T) => U): readonly U[] {
  return Object.freeze((list == null ? [] : Array.isArray(list) ? list : refuseJSON()).map((item) => build(item)))
}

function refuseJSON(): never {
  throw new ValidationError('json_invalid', 'json_invalid')
}

/** Unix milliseconds → Date, keeping `null` for "not set". */
export function toDate(ms: number | null | undefined): Date | null {
  return typeof ms === 'number' ? new Date(ms) : null
}

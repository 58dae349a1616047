import { ValidationError } from '../errors/validation-error.js'

// Instances keep a private copy of their wire JSON: a copy, so the caller's object can change without
// reaching the instance; never frozen, because nothing outside the instance ever sees it. Constructors
// pass the string fields they read, so what they keep is checked too: every resource has one, so this
// also refuses null, arrays and primitives. Lists are read with `Array.from`, which never throws on a
// damaged one, and their items are checked by the constructors built from them. A few names, not a
// schema library: this sits in the first load. The operation path turns the refusal of a server answer
// into `NetworkError` `malformed_response`.
//
// @throws ValidationError `json_invalid`
export function copyJSON<T>(value: T, strings: string[] = []): T {
  try {
    // structuredClone throws DataCloneError on what JSON cannot hold (a function, say): refused the same way.
    if (!strings.some((key) => typeof (value as Record<string, unknown> | null)?.[key] != 'string')) return structuredClone(value)
  } catch {
    // falls through to the refusal
  }
  throw new ValidationError('json_invalid', 'json_invalid')
}

/** Unix milliseconds → Date, keeping `null` for "not set". */
export function toDate(ms: number | null | undefined): Date | null {
  return typeof ms === 'number' ? new Date(ms) : null
}

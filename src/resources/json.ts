// Instances keep a private copy of their wire JSON: a copy, so the caller's object can change without
// reaching the instance; never frozen, because nothing outside the instance ever sees it.
export const copyJSON: <T>(value: T) => T = (value) => structuredClone(value)

/** Unix milliseconds → Date, keeping `null` for "not set". */
export function toDate(ms: number | null | undefined): Date | null {
  return typeof ms === 'number' ? new Date(ms) : null
}

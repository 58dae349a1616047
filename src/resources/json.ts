/** A deep-frozen copy, so an instance's wire JSON can never change under it. */
export function freezeCopy<T>(value: T): T {
  return deepFreeze(structuredClone(value))
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

/** A mutable copy for callers of `toJSON()`, so they cannot reach the instance's own JSON. */
export function thawCopy<T>(value: T): T {
  return structuredClone(value)
}

/** Unix milliseconds → Date, keeping `null` for "not set". */
export function toDate(ms: number | null | undefined): Date | null {
  return typeof ms === 'number' ? new Date(ms) : null
}

/**
 * Freezes wire JSON and everything it holds, for what an instance hands out as is: free-form metadata, an
 * error's `meta`. JSON has no cycles, so the walk ends.
 */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value == 'object') for (const item of Object.values(Object.freeze(value))) deepFreeze(item)
  return value
}

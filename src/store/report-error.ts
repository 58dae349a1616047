/**
 * Hands a listener's error to the host without letting it interrupt the caller: a buggy subscriber must
 * not break an operation that already succeeded, nor starve the listeners after it. `reportError` is read
 * at call time (browsers have it, Node 20 does not).
 */
export function reportListenerError(error: unknown): void {
  const report = (globalThis as { reportError?: (error: unknown) => void }).reportError
  if (report) report(error)
  else console.error(error)
}

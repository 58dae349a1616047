/**
 * Calls a listener without letting its error interrupt the caller: a buggy subscriber must not break an
 * operation that already succeeded, nor starve the listeners after it. The error goes to the host's
 * `reportError`, read at call time (browsers have it, Node 20 does not), else `console.error`.
 */
export function callListener<A extends unknown[]>(listener: (...args: A) => void, ...args: A): void {
  try {
    listener(...args)
  } catch (error) {
    const report = (globalThis as { reportError?: (error: unknown) => void }).reportError
    if (report) report(error)
    else console.error(error)
  }
}

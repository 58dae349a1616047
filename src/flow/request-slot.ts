/**
 * The one prepare or attempt a flow has in flight. Beginning a new one aborts the old, so only the newest
 * may write its result: a late answer to a cancelled or superseded request is dropped. A settled request
 * stays in the slot until the next one; aborting it then is a no-op.
 */
export interface RequestSlot {
  /** Abort the request in flight, if any, and hand out the signal of a new one. */
  begin(): AbortSignal
  /** False once the request was superseded or aborted: its result is stale. */
  isCurrent(signal: AbortSignal): boolean
  abort(): void
}

export function createRequestSlot(): RequestSlot {
  let current: AbortController | null = null
  const slot: RequestSlot = {
    begin() {
      slot.abort()
      current = new AbortController()
      return current.signal
    },
    isCurrent: (signal) => current?.signal === signal,
    abort() {
      current?.abort()
      current = null
    },
  }
  return slot
}

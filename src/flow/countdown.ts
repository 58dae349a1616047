/** One 1 s interval shared by every countdown of a flow. */
export interface Ticker {
  /** Start ticking unless already ticking. */
  ensure(): void
  /** (Re)start so the ticks line up with a deadline set just now. */
  restart(): void
  stop(): void
}

export const TICK_MS = 1000

export function createTicker(onTick: () => void): Ticker {
  let id: ReturnType<typeof setInterval> | undefined
  function stop(): void {
    if (id !== undefined) clearInterval(id)
    id = undefined
  }
  function restart(): void {
    stop()
    id = setInterval(onTick, TICK_MS)
  }
  return {
    ensure() {
      if (id === undefined) restart()
    },
    restart,
    stop,
  }
}

/**
 * Whole seconds left until `deadline` (ms), rounded up so "1" shows until the very end and 0 means "now".
 * Computed from the wall clock rather than by counting ticks, because background tabs throttle timers.
 */
export function secondsUntil(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / TICK_MS))
}

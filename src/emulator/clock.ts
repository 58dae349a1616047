/**
 * A controllable clock: real time plus an offset that tests move forward instead of sleeping.
 *
 * @example
 * ```ts
 * emu.clock.advance(30_000) // the resend throttle is over
 * ```
 */
export interface Clock {
  /** Current time in Unix milliseconds. */
  now(): number
  /** Moves the clock forward by `ms` and returns the new time. */
  advance(ms: number): number
  /** Jumps the clock to `ms` (Unix milliseconds) and returns it. */
  set(ms: number): number
}

/**
 * Creates a clock that keeps ticking with the wall clock but can be moved.
 *
 * @example
 * ```ts
 * const clock = createClock()
 * clock.advance(10 * 60_000) // every code sent before now is expired
 * ```
 */
export function createClock(start?: number): Clock {
  // An offset rather than a frozen value keeps created_at/updated_at strictly moving in real runs.
  let offset = start === undefined ? 0 : start - Date.now()
  return {
    now: () => Date.now() + offset,
    advance(ms) {
      if (!Number.isFinite(ms)) throw new RangeError('clock.advance(ms) needs a finite number')
      offset += ms
      return Date.now() + offset
    },
    set(ms) {
      if (!Number.isFinite(ms)) throw new RangeError('clock.set(ms) needs a finite number')
      offset = ms - Date.now()
      return ms
    },
  }
}

/** A wait that ticks once a second. */
export interface Countdown {
  /** Starts (or restarts) a wait of `seconds`; `render` hears every second left, the last time 0. */
  start(seconds: number): void
  /** Ends the wait now; `render` hears 0. */
  stop(): void
  /** Whole seconds left, 0 when there is no wait. */
  seconds(): number
}

/**
 * The sign-in and sign-up screens' resend wait, which (unlike the code step on the account page) has no
 * verification flow controller to count it: the server's `Retry-After`, or the resend throttle after a send.
 */
export function createCountdown(render: (seconds: number) => void): Countdown {
  let until = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  const seconds = () => Math.max(0, Math.ceil((until - Date.now()) / 1000))

  function tick() {
    clearTimeout(timer)
    const left = seconds()
    render(left)
    // Wake when the shown second changes, not on a fixed beat that would drift from the real deadline.
    if (left > 0) timer = setTimeout(tick, ((until - Date.now()) % 1000) || 1000)
  }

  return {
    start(wait) {
      until = Date.now() + wait * 1000
      tick()
    },
    stop() {
      until = 0
      tick()
    },
    seconds,
  }
}

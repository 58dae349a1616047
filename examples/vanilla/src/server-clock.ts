/**
 * The emulator's time as this tab knows it. A code expires on the server's clock (`expireAt`), and the
 * demo's "Clock +10 min" moves that clock, so the verify step counts down on this instead of the device's
 * clock. An app whose users' device clocks cannot be trusted would take the offset from its own server the
 * same way.
 */
let offsetMs = 0

export function serverNow(): number {
  return Date.now() + offsetMs
}

/** Reads the emulator's clock; an offset under a second is round-trip noise, below what a countdown shows. */
export async function syncServerClock(): Promise<void> {
  const sentAt = Date.now()
  const response = await fetch('/__dev/clock', { cache: 'no-store' }).catch(() => null)
  if (!response?.ok) return
  const { now } = (await response.json()) as { now: number }
  const measured = now - (sentAt + Date.now()) / 2
  offsetMs = Math.abs(measured) < 1000 ? 0 : Math.round(measured)
}

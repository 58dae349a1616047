// Server-side check is E.164 *shape* only: the emulator must not pull libphonenumber-js (that is the
// browser SDK's), and Clerk's test numbers (+1 XXX 555-01YY) must pass.
const E164 = /^\+?([1-9]\d{6,14})$/
const TEST_NUMBER = /^\+1\d{3}55501\d{2}$/

/** `'15551234567'` → `'+15551234567'`; anything not 7..15 digits (optional `+`) → `null`. */
export function normalizeE164(input: string): string | null {
  const match = E164.exec(input.trim())
  return match ? `+${match[1]}` : null
}

/** Clerk's test numbers take code 424242 and never send an SMS. */
export function isTestNumber(e164: string): boolean {
  return TEST_NUMBER.test(e164)
}

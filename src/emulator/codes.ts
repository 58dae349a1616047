import { createHmac, randomInt, timingSafeEqual, randomBytes } from 'node:crypto'

/** The code every test number (`+1 XXX 555-0100..0199`) accepts. */
export const TEST_CODE = '424242'

/** Six digits from a CSPRNG (uniform, leading zeros kept). */
export function generateCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0')
}

/** Backup codes shown once when SMS becomes a user's first second factor. */
export function generateBackupCodes(count = 10): string[] {
  return Array.from({ length: count }, () => randomBytes(5).toString('hex').slice(0, 8))
}

export interface CodeHasher {
  hash(code: string): string
  matches(code: string, hash: string): boolean
}

/**
 * Keyed hashing for verification codes: only the HMAC is stored, so the data file never holds a
 * usable code, and comparison is constant-time.
 */
export function createCodeHasher(key: string): CodeHasher {
  const digest = (code: string) => createHmac('sha256', key).update(code).digest()
  return {
    hash: (code) => digest(code).toString('hex'),
    matches(code, hash) {
      const expected = Buffer.from(hash, 'hex')
      const actual = digest(code)
      // Lengths differ only for a corrupted hash; timingSafeEqual would throw on it.
      return expected.length === actual.length && timingSafeEqual(expected, actual)
    },
  }
}

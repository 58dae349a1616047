import type { EmulatorContext } from '../context.js'
import { generateBackupCodes } from '../codes.js'
import type { UserRecord } from '../state.js'
import { touchUser } from './users.js'

/**
 * A fresh set of backup codes for the user; every earlier code stops working. The codes are returned
 * to be shown once: only their keyed hashes are kept.
 */
export function issueBackupCodes(ctx: EmulatorContext, user: UserRecord): string[] {
  const codes = generateBackupCodes()
  user.backupCodeEnabled = true
  user.backupCodeHashes = codes.map((code) => ctx.hasher.hash(code))
  touchUser(ctx, user)
  return codes
}

/** The user can still sign in with a backup code. */
export function hasBackupCodes(user: UserRecord): boolean {
  return user.backupCodeEnabled && user.backupCodeHashes.length > 0
}

/**
 * Spends a backup code: true when it is one of the user's unused codes, which is then gone for good.
 * Every stored hash is compared (in constant time), so timing does not tell which one matched.
 */
export function redeemBackupCode(ctx: EmulatorContext, user: UserRecord, code: string): boolean {
  const normalized = code.trim().toLowerCase()
  let found = -1
  user.backupCodeHashes.forEach((hash, index) => {
    if (ctx.hasher.matches(normalized, hash) && found === -1) found = index
  })
  if (found === -1) return false
  user.backupCodeHashes = user.backupCodeHashes.filter((_, index) => index !== found)
  touchUser(ctx, user)
  return true
}

import type { EmulatorContext } from '../context.js'
import { formDisableDefaultSecondFactorNotAllowed, formParamValueInvalid, identificationUpdateSecondFactorUnverified } from '../errors.js'
import type { PhoneRecord, UserRecord } from '../state.js'
import { issueBackupCodes } from './backup-codes.js'
import { isVerified, touchPhone } from './users.js'

function userPhones(ctx: EmulatorContext, user: UserRecord): PhoneRecord[] {
  return user.phoneNumberIds.flatMap((id) => ctx.store.phoneNumbers.get(id) ?? [])
}

/** Keeps exactly one default among reserved numbers (none when nothing is reserved). */
export function ensureDefaultSecondFactor(ctx: EmulatorContext, user: UserRecord): void {
  const reserved = userPhones(ctx, user).filter((phone) => phone.reservedForSecondFactor)
  if (reserved.length === 0 || reserved.some((phone) => phone.defaultSecondFactor)) return
  const first = reserved[0]!
  first.defaultSecondFactor = true
  touchPhone(ctx, first)
}

/**
 * Reserves (or releases) a verified number as an SMS second factor. Returns backup codes only when
 * this is the first time the user enables a second factor, since those are shown exactly once.
 */
export function setReserved(ctx: EmulatorContext, user: UserRecord, phone: PhoneRecord, reserved: boolean): string[] | null {
  if (!isVerified(phone)) throw identificationUpdateSecondFactorUnverified()
  if (phone.reservedForSecondFactor === reserved) return null
  const now = ctx.clock.now()
  const hadSecondFactor = userPhones(ctx, user).some((other) => other.reservedForSecondFactor)
  phone.reservedForSecondFactor = reserved
  if (!reserved) phone.defaultSecondFactor = false
  touchPhone(ctx, phone)
  ensureDefaultSecondFactor(ctx, user)
  const hasSecondFactor = userPhones(ctx, user).some((other) => other.reservedForSecondFactor)
  if (!hadSecondFactor && hasSecondFactor) user.mfaEnabledAt = now
  if (hadSecondFactor && !hasSecondFactor) user.mfaDisabledAt = now
  if (!reserved || user.backupCodeEnabled) return null
  return issueBackupCodes(ctx, user)
}

function hasOtherReserved(ctx: EmulatorContext, user: UserRecord, phone: PhoneRecord): boolean {
  return userPhones(ctx, user).some((other) => other !== phone && other.reservedForSecondFactor)
}

function moveDefaultTo(ctx: EmulatorContext, user: UserRecord, phone: PhoneRecord): void {
  if (phone.defaultSecondFactor) return
  for (const other of userPhones(ctx, user)) {
    if (other.defaultSecondFactor) {
      other.defaultSecondFactor = false
      touchPhone(ctx, other)
    }
  }
  phone.defaultSecondFactor = true
  touchPhone(ctx, phone)
}

/**
 * FAPI PATCH of both second-factor flags. The pair is checked against the state it would produce
 * before anything changes, so a refused request never half-applies (nor spends the one-time backup codes).
 * Only a reserved number can be the default; turning the default off is not allowed, only moving it.
 */
export function updateSecondFactor(
  ctx: EmulatorContext,
  user: UserRecord,
  phone: PhoneRecord,
  change: { reserved: boolean | null | undefined; makeDefault: boolean | null | undefined },
): string[] | null {
  if (change.reserved == null && change.makeDefault == null) return null
  if (!isVerified(phone)) throw identificationUpdateSecondFactorUnverified()
  const reserved = change.reserved ?? phone.reservedForSecondFactor
  // With no other reserved number, a reserved one is the default (ensureDefaultSecondFactor).
  const willBeDefault = reserved && (phone.defaultSecondFactor || !hasOtherReserved(ctx, user, phone))
  if (change.makeDefault === true && !reserved) throw formParamValueInvalid('default_second_factor')
  if (change.makeDefault === false && willBeDefault) throw formDisableDefaultSecondFactorNotAllowed('default_second_factor')
  const backupCodes = change.reserved == null ? null : setReserved(ctx, user, phone, change.reserved)
  if (change.makeDefault) moveDefaultTo(ctx, user, phone)
  return backupCodes
}

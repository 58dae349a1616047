import type { EmulatorContext } from '../context.js'
import { formIdentifierExists, identificationCreateSecondFactorUnverified, phoneNumberInvalid, resourceNotFound } from '../errors.js'
import { createId } from '../ids.js'
import { normalizeE164 } from '../phone-format.js'
import type { PhoneRecord, UserRecord } from '../state.js'
import { ensureDefaultSecondFactor, setReserved } from './second-factor.js'
import { touchPhone, touchUser } from './users.js'

export interface NewPhoneNumber {
  phoneNumber: string
  verified?: boolean
  /** Default: true only for the user's first phone number. */
  primary?: boolean
  reservedForSecondFactor?: boolean
  reserved?: boolean
}

/** Validates shape and instance-wide uniqueness; returns the E.164 form with `+`. */
export function claimableNumber(ctx: EmulatorContext, input: string, param = 'phone_number'): string {
  const e164 = normalizeE164(input)
  if (!e164) throw phoneNumberInvalid(param)
  if (ctx.store.phoneIndex.has(e164)) throw formIdentifierExists()
  return e164
}

/** Adds a number to a user (BAPI semantics; FAPI passes only `phoneNumber`). */
export function addPhoneNumber(ctx: EmulatorContext, user: UserRecord, input: NewPhoneNumber): { phone: PhoneRecord; backupCodes: string[] | null } {
  const e164 = claimableNumber(ctx, input.phoneNumber)
  if (input.reservedForSecondFactor && !input.verified) throw identificationCreateSecondFactorUnverified()
  const now = ctx.clock.now()
  const phone: PhoneRecord = {
    id: createId('idn'),
    userId: user.id,
    phoneNumber: e164,
    reserved: input.reserved ?? false,
    reservedForSecondFactor: false,
    defaultSecondFactor: false,
    verification: input.verified ? adminVerification() : null,
    createdAt: now,
    updatedAt: now,
  }
  const isFirst = user.phoneNumberIds.length === 0
  ctx.store.phoneNumbers.set(phone.id, phone)
  ctx.store.phoneIndex.set(e164, phone.id)
  user.phoneNumberIds.push(phone.id)
  if (input.primary ?? isFirst) user.primaryPhoneNumberId = phone.id
  touchUser(ctx, user)
  const backupCodes = input.reservedForSecondFactor ? setReserved(ctx, user, phone, true) : null
  return { phone, backupCodes }
}

export function adminVerification(): NonNullable<PhoneRecord['verification']> {
  return { strategy: 'admin', status: 'verified', attempts: null, expireAt: null, codeHash: null, verifiedAtClient: null }
}

/** A phone of this user, or 404 — another user's id answers exactly like a missing one. */
export function ownPhone(ctx: EmulatorContext, user: UserRecord, phoneId: string): PhoneRecord {
  const phone = ctx.store.phoneNumbers.get(phoneId)
  if (!phone || phone.userId !== user.id) throw resourceNotFound('phone_number_id')
  return phone
}

export function getPhone(ctx: EmulatorContext, phoneId: string): PhoneRecord {
  const phone = ctx.store.phoneNumbers.get(phoneId)
  if (!phone) throw resourceNotFound('phone_number_id')
  return phone
}

/** Deletes a number; a deleted primary or default second factor is handed on where possible. */
export function deletePhoneNumber(ctx: EmulatorContext, phone: PhoneRecord): void {
  const user = ctx.store.users.get(phone.userId)
  ctx.store.phoneNumbers.delete(phone.id)
  ctx.store.phoneIndex.delete(phone.phoneNumber)
  if (!user) return
  user.phoneNumberIds = user.phoneNumberIds.filter((id) => id !== phone.id)
  if (user.primaryPhoneNumberId === phone.id) user.primaryPhoneNumberId = nextPrimary(ctx, user)
  const hadSecondFactor = phone.reservedForSecondFactor
  ensureDefaultSecondFactor(ctx, user)
  const stillHas = user.phoneNumberIds.some((id) => ctx.store.phoneNumbers.get(id)?.reservedForSecondFactor)
  if (hadSecondFactor && !stillHas) user.mfaDisabledAt = ctx.clock.now()
  touchUser(ctx, user)
}

function nextPrimary(ctx: EmulatorContext, user: UserRecord): string | null {
  const verified = user.phoneNumberIds.find((id) => ctx.store.phoneNumbers.get(id)?.verification?.status === 'verified')
  return verified ?? null
}

/**
 * BAPI `verified` flag: true marks the number verified by an admin; false drops the verification, and
 * with it the second-factor role and the primary slot, which both require a verified number.
 */
export function setAdminVerified(ctx: EmulatorContext, user: UserRecord, phone: PhoneRecord, verified: boolean): void {
  const isVerified = phone.verification?.status === 'verified'
  if (verified === isVerified) return
  if (!verified && phone.reservedForSecondFactor) setReserved(ctx, user, phone, false)
  phone.verification = verified ? adminVerification() : null
  if (!verified && user.primaryPhoneNumberId === phone.id) user.primaryPhoneNumberId = nextPrimary(ctx, user)
  touchPhone(ctx, phone)
}

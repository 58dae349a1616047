import type { EmulatorContext } from '../context.js'
import { formVerificationNeeded, resourceNotFound } from '../errors.js'
import { createId } from '../ids.js'
import type { PhoneRecord, UserRecord } from '../state.js'

export interface NewUser {
  externalId?: string | null
  firstName?: string | null
  lastName?: string | null
  username?: string | null
  publicMetadata?: Record<string, unknown>
  privateMetadata?: Record<string, unknown>
  unsafeMetadata?: Record<string, unknown>
}

/** Adds a user with no identifiers yet (phones are added through the phone-number functions). */
export function insertUser(ctx: EmulatorContext, input: NewUser): UserRecord {
  const now = ctx.clock.now()
  const user: UserRecord = {
    id: createId('user'),
    externalId: input.externalId ?? null,
    firstName: input.firstName ?? null,
    lastName: input.lastName ?? null,
    username: input.username ?? null,
    publicMetadata: input.publicMetadata ?? {},
    privateMetadata: input.privateMetadata ?? {},
    unsafeMetadata: input.unsafeMetadata ?? {},
    primaryPhoneNumberId: null,
    phoneNumberIds: [],
    backupCodeEnabled: false,
    backupCodeHashes: [],
    mfaEnabledAt: null,
    mfaDisabledAt: null,
    lastSignInAt: null,
    createdAt: now,
    updatedAt: now,
  }
  ctx.store.users.set(user.id, user)
  return user
}

export function getUser(ctx: EmulatorContext, id: string): UserRecord {
  const user = ctx.store.users.get(id)
  if (!user) throw resourceNotFound('user_id')
  return user
}

/**
 * Every phone change bumps the user's `updated_at`: clerk-style listeners only pass a new user on when
 * it grows, so a stale timestamp would freeze UIs. Strictly increasing even within one millisecond.
 */
export function touchUser(ctx: EmulatorContext, user: UserRecord): void {
  user.updatedAt = Math.max(ctx.clock.now(), user.updatedAt + 1)
}

export function touchPhone(ctx: EmulatorContext, phone: PhoneRecord): void {
  phone.updatedAt = Math.max(ctx.clock.now(), phone.updatedAt + 1)
  const user = ctx.store.users.get(phone.userId)
  if (user) touchUser(ctx, user)
}

export function isVerified(phone: PhoneRecord): boolean {
  return phone.verification?.status === 'verified'
}

/** PATCH /me primary_phone_number_id: must be one of this user's verified numbers. */
export function setPrimaryPhone(ctx: EmulatorContext, user: UserRecord, phoneId: string): void {
  const phone = ctx.store.phoneNumbers.get(phoneId)
  if (!phone || phone.userId !== user.id) throw resourceNotFound('primary_phone_number_id')
  if (!isVerified(phone)) throw formVerificationNeeded('primary_phone_number_id')
  if (user.primaryPhoneNumberId === phoneId) return
  user.primaryPhoneNumberId = phoneId
  touchUser(ctx, user)
}

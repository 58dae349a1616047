// What a backend does to users beyond creating them: list and count with Clerk's filters, change
// profile fields, delete (its numbers, sign-in tokens and sessions go with it).
import type { EmulatorContext } from '../context.js'
import { formParamValueInvalid } from '../errors.js'
import { normalizeE164 } from '../phone-format.js'
import type { UserRecord } from '../state.js'
import { deletePhoneNumber } from './phone-numbers.js'
import { revokeUserSessions } from './session-lifecycle.js'
import { getUser, setPrimaryPhone, touchUser } from './users.js'

/** The filters of `GET /v1/users` and `/v1/users/count` the emulator models; each list matches any of its values. */
export interface UserFilter {
  phoneNumber?: string[]
  externalId?: string[]
  userId?: string[]
}

export interface UserPage {
  limit: number
  offset: number
  /** `[+|-]field`, Clerk's default `-created_at`. */
  orderBy: string
}

const ORDER_FIELDS = { created_at: 'createdAt', updated_at: 'updatedAt', last_sign_in_at: 'lastSignInAt' } as const

function matches(ctx: EmulatorContext, user: UserRecord, filter: UserFilter): boolean {
  if (filter.userId && !filter.userId.includes(user.id)) return false
  if (filter.externalId && !(user.externalId !== null && filter.externalId.includes(user.externalId))) return false
  if (filter.phoneNumber) {
    const wanted = filter.phoneNumber.map((number) => normalizeE164(number))
    const own = user.phoneNumberIds.map((id) => ctx.store.phoneNumbers.get(id)?.phoneNumber)
    if (!own.some((number) => number !== undefined && wanted.includes(number))) return false
  }
  return true
}

/** Users matching every given filter. */
export function findUsers(ctx: EmulatorContext, filter: UserFilter): UserRecord[] {
  return [...ctx.store.users.values()].filter((user) => matches(ctx, user, filter))
}

/** One page of {@link findUsers}, ordered as asked; an order field Clerk has but the emulator does not model is 422. */
export function listUsers(ctx: EmulatorContext, filter: UserFilter, page: UserPage): UserRecord[] {
  const descending = page.orderBy.startsWith('-')
  const name = page.orderBy.replace(/^[+-]/, '')
  const field = ORDER_FIELDS[name as keyof typeof ORDER_FIELDS]
  if (!field) throw formParamValueInvalid('order_by')
  // Users without the field (never signed in) sort last either way, as nulls do in Clerk's lists.
  const key = (user: UserRecord) => user[field] ?? (descending ? -Infinity : Infinity)
  const sorted = findUsers(ctx, filter).sort((a, b) => (descending ? key(b) - key(a) : key(a) - key(b)))
  return sorted.slice(page.offset, page.offset + page.limit)
}

/** The profile fields `PATCH /v1/users/{id}` changes; an omitted field stays as it is. */
export interface UserChanges {
  externalId?: string | null
  firstName?: string | null
  lastName?: string | null
  username?: string | null
  primaryPhoneNumberId?: string
  publicMetadata?: Record<string, unknown>
  privateMetadata?: Record<string, unknown>
  unsafeMetadata?: Record<string, unknown>
}

/** Applies the changes after checking the one that can fail (the primary number), so a refusal changes nothing. */
export function updateUser(ctx: EmulatorContext, userId: string, changes: UserChanges): UserRecord {
  const user = getUser(ctx, userId)
  if (changes.primaryPhoneNumberId !== undefined) setPrimaryPhone(ctx, user, changes.primaryPhoneNumberId)
  const { primaryPhoneNumberId: _primary, ...fields } = changes
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) Object.assign(user, { [key]: value })
  }
  touchUser(ctx, user)
  return user
}

/** Deletes the user with their numbers and sign-in tokens; their sessions are revoked wherever they are signed in. */
export function deleteUser(ctx: EmulatorContext, userId: string): UserRecord {
  const user = getUser(ctx, userId)
  for (const phoneId of [...user.phoneNumberIds]) {
    const phone = ctx.store.phoneNumbers.get(phoneId)
    if (phone) deletePhoneNumber(ctx, phone)
  }
  for (const token of ctx.store.signInTokens.values()) {
    if (token.userId !== user.id) continue
    ctx.store.signInTokens.delete(token.id)
    ctx.store.tickets.delete(token.token)
  }
  revokeUserSessions(ctx, user.id)
  ctx.store.users.delete(user.id)
  return user
}

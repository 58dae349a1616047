import type { EmulatorContext } from '../context.js'
import { formIdentifierNotFound, phoneNumberInvalid, signInForbidden, signInNotFound } from '../errors.js'
import { createId } from '../ids.js'
import { normalizeE164 } from '../phone-format.js'
import type { ClientRecord, PhoneRecord, SignInRecord, UserRecord } from '../state.js'
import { sendCode } from './otp.js'
import { openSession } from './sessions.js'
import { assertCanStartSession } from './single-session.js'
import { isVerified } from './users.js'

/** Clerk abandons an untouched sign-in (or sign-up) after a day. */
export const ATTEMPT_ABANDON_MS = 24 * 60 * 60 * 1000

/** The user's verified numbers, in the user's order: the phone_code first factors. */
export function verifiedPhones(ctx: EmulatorContext, user: UserRecord): PhoneRecord[] {
  return user.phoneNumberIds.flatMap((id) => {
    const phone = ctx.store.phoneNumbers.get(id)
    return phone && isVerified(phone) ? [phone] : []
  })
}

/** Numbers reserved as an SMS second factor (always verified). */
export function secondFactorPhones(ctx: EmulatorContext, user: UserRecord): PhoneRecord[] {
  return verifiedPhones(ctx, user).filter((phone) => phone.reservedForSecondFactor)
}

/** Only a verified number finds its user; an unknown or unverified one is `form_identifier_not_found`. */
function phoneForIdentifier(ctx: EmulatorContext, identifier: string): PhoneRecord {
  const e164 = normalizeE164(identifier)
  if (!e164) throw phoneNumberInvalid('identifier')
  const id = ctx.store.phoneIndex.get(e164)
  const phone = id === undefined ? undefined : ctx.store.phoneNumbers.get(id)
  if (!phone || !isVerified(phone) || !ctx.store.users.has(phone.userId)) throw formIdentifierNotFound()
  return phone
}

/** Drops this client's sign-ins that are past their abandon time, so long runs stay bounded. */
function forgetAbandoned(ctx: EmulatorContext, client: ClientRecord, now: number): void {
  for (const [id, signIn] of ctx.store.signIns) {
    if (signIn.clientId === client.id && signIn.abandonAt < now) ctx.store.signIns.delete(id)
  }
}

/**
 * Creates the client's sign-in for a phone identifier, replacing the current one. With
 * `sendNow` (create with `strategy=phone_code`) the first-factor code goes out in the same request;
 * every check, the resend throttle included, runs before anything is stored.
 */
export function createPhoneSignIn(ctx: EmulatorContext, client: ClientRecord, identifier: string, sendNow: { host: string } | null): SignInRecord {
  assertCanStartSession(ctx, client)
  const phone = phoneForIdentifier(ctx, identifier)
  const verification = sendNow ? sendCode(ctx, phone.phoneNumber, 'sign_in_first_factor', sendNow.host) : null
  const now = ctx.clock.now()
  forgetAbandoned(ctx, client, now)
  const signIn: SignInRecord = {
    id: createId('sia'),
    clientId: client.id,
    userId: phone.userId,
    identifier: phone.phoneNumber,
    status: 'needs_first_factor',
    firstFactor: verification && { strategy: 'phone_code', phoneNumberId: phone.id, verification },
    secondFactor: null,
    createdSessionId: null,
    abandonAt: now + ATTEMPT_ABANDON_MS,
    createdAt: now,
    updatedAt: now,
  }
  ctx.store.signIns.set(signIn.id, signIn)
  client.signInId = signIn.id
  client.updatedAt = now
  return signIn
}

/** A sign-in of this client; another client's or an unknown id is 404. */
export function findSignIn(ctx: EmulatorContext, client: ClientRecord, id: string): SignInRecord {
  const signIn = ctx.store.signIns.get(id)
  if (!signIn || signIn.clientId !== client.id) throw signInNotFound(id)
  return signIn
}

/** The sign-in a step may change: only the client's current one (a replaced or finished one is 403). */
export function currentSignIn(ctx: EmulatorContext, client: ClientRecord, id: string): SignInRecord {
  const signIn = findSignIn(ctx, client, id)
  if (client.signInId !== signIn.id) throw signInForbidden()
  return signIn
}

export function signInUser(ctx: EmulatorContext, signIn: SignInRecord): UserRecord {
  const user = ctx.store.users.get(signIn.userId)
  // The user was deleted while signing in: the identifier no longer finds anyone.
  if (!user) throw formIdentifierNotFound()
  return user
}

export function touchSignIn(ctx: EmulatorContext, signIn: SignInRecord): void {
  signIn.updatedAt = Math.max(ctx.clock.now(), signIn.updatedAt + 1)
}

/** The last factor passed: an active session, `complete`, and the client no longer carries the sign-in. */
export function completeSignIn(ctx: EmulatorContext, client: ClientRecord, signIn: SignInRecord, user: UserRecord): void {
  const session = openSession(ctx, client, user, 'phone_code')
  signIn.status = 'complete'
  signIn.createdSessionId = session.id
  touchSignIn(ctx, signIn)
}

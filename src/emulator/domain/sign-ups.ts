import type { EmulatorContext } from '../context.js'
import { clientStateInvalid, identificationClaimed, signUpForbidden, signUpNotFound, verificationAlreadyVerified } from '../errors.js'
import { createId } from '../ids.js'
import type { ClientRecord, SignUpRecord } from '../state.js'
import { checkCode, sendCode } from './otp.js'
import { addPhoneNumber, claimableNumber } from './phone-numbers.js'
import { openSession } from './sessions.js'
import { ATTEMPT_ABANDON_MS } from './sign-ins.js'
import { assertCanStartSession } from './single-session.js'
import { insertUser } from './users.js'

export interface NewSignUp {
  phoneNumber: string
  firstName: string | null
  lastName: string | null
  unsafeMetadata: Record<string, unknown>
}

/**
 * Creates the client's sign-up for a phone number nobody has yet, replacing the current one. With
 * `sendNow` (create with `strategy=phone_code`) the code goes out in the same request; every check,
 * the resend throttle included, runs before anything is stored.
 */
export function createSignUp(ctx: EmulatorContext, client: ClientRecord, input: NewSignUp, sendNow: { host: string } | null): SignUpRecord {
  assertCanStartSession(ctx, client)
  const phoneNumber = claimableNumber(ctx, input.phoneNumber)
  const verification = sendNow ? sendCode(ctx, phoneNumber, 'sign_up_verification', sendNow.host) : null
  const now = ctx.clock.now()
  for (const [id, old] of ctx.store.signUps) if (old.clientId === client.id && old.abandonAt < now) ctx.store.signUps.delete(id)
  const signUp: SignUpRecord = {
    id: createId('sua'),
    clientId: client.id,
    status: 'missing_requirements',
    ...input,
    phoneNumber,
    verification,
    createdUserId: null,
    createdSessionId: null,
    abandonAt: now + ATTEMPT_ABANDON_MS,
    createdAt: now,
    updatedAt: now,
  }
  ctx.store.signUps.set(signUp.id, signUp)
  client.signUpId = signUp.id
  client.updatedAt = now
  return signUp
}

/** A sign-up of this client; another client's or an unknown id is 404. */
export function findSignUp(ctx: EmulatorContext, client: ClientRecord, id: string): SignUpRecord {
  const signUp = ctx.store.signUps.get(id)
  if (!signUp || signUp.clientId !== client.id) throw signUpNotFound(id)
  return signUp
}

/** The sign-up a step may change: only the client's current one (a replaced or finished one is 403). */
export function currentSignUp(ctx: EmulatorContext, client: ClientRecord, id: string): SignUpRecord {
  const signUp = findSignUp(ctx, client, id)
  if (client.signUpId !== signUp.id) throw signUpForbidden()
  return signUp
}

function touchSignUp(ctx: EmulatorContext, signUp: SignUpRecord): void {
  signUp.updatedAt = Math.max(ctx.clock.now(), signUp.updatedAt + 1)
}

/** `prepare_verification`: sends the code to the sign-up's number, if nobody took it meanwhile. */
export function prepareSignUp(ctx: EmulatorContext, signUp: SignUpRecord, host: string): void {
  if (signUp.verification?.status === 'verified') throw verificationAlreadyVerified('strategy')
  claimableNumber(ctx, signUp.phoneNumber)
  signUp.verification = sendCode(ctx, signUp.phoneNumber, 'sign_up_verification', host)
  touchSignUp(ctx, signUp)
}

/**
 * `attempt_verification`: the right code creates the user with the number verified (and primary), opens
 * an active session and completes the sign-up, all in this one request.
 */
export function attemptSignUp(ctx: EmulatorContext, client: ClientRecord, signUp: SignUpRecord, code: string | null): void {
  if (signUp.status !== 'missing_requirements') throw clientStateInvalid('attempt verification', 'The sign up is complete.')
  const verification = signUp.verification
  checkCode(ctx, verification, code, () => touchSignUp(ctx, signUp))
  if (ctx.store.phoneIndex.has(signUp.phoneNumber)) throw identificationClaimed()
  verification!.verifiedAtClient = client.id
  const user = insertUser(ctx, { firstName: signUp.firstName, lastName: signUp.lastName, unsafeMetadata: signUp.unsafeMetadata })
  const { phone } = addPhoneNumber(ctx, user, { phoneNumber: signUp.phoneNumber, verified: true, primary: true })
  // Verified by the code the user typed, not by an admin.
  phone.verification = { ...verification! }
  const session = openSession(ctx, client, user, 'phone_code')
  signUp.status = 'complete'
  signUp.createdUserId = user.id
  signUp.createdSessionId = session.id
  touchSignUp(ctx, signUp)
}

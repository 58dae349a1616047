import type { EmulatorContext } from '../context.js'
import {
  clientStateInvalid,
  formCodeIncorrect,
  formParamNil,
  identificationBelongsToDifferentUser,
  noSecondFactors,
  resourceNotFound,
  strategyForUserInvalid,
} from '../errors.js'
import type { ClientRecord, PhoneRecord, SignInRecord, SignInStepRecord, UserRecord } from '../state.js'
import { hasBackupCodes, redeemBackupCode } from './backup-codes.js'
import { checkCode, sendCode } from './otp.js'
import { completeSignIn, secondFactorPhones, signInUser, touchSignIn, verifiedPhones } from './sign-ins.js'

// The four factor steps of a phone sign-in. Each checks everything it can before it sends a code or
// spends one, so a refused step leaves the sign-in as it was.

export interface FactorStep {
  strategy: string | null | undefined
  phoneNumberId?: string | null | undefined
}

export interface FactorAttempt {
  strategy: string | null | undefined
  code: string | null | undefined
}

function requireStatus(signIn: SignInRecord, status: SignInRecord['status'], action: string): void {
  if (signIn.status !== status) throw clientStateInvalid(action, `The sign in is ${signIn.status.replaceAll('_', ' ')}.`)
}

/** The number a step targets: the one asked for (which must be among `allowed`), else `fallback`. */
function choosePhone(ctx: EmulatorContext, user: UserRecord, requested: string | null | undefined, allowed: PhoneRecord[], fallback: PhoneRecord | undefined): PhoneRecord {
  if (!requested) {
    if (!fallback) throw strategyForUserInvalid()
    return fallback
  }
  const phone = ctx.store.phoneNumbers.get(requested)
  if (!phone) throw resourceNotFound('phone_number_id')
  if (phone.userId !== user.id) throw identificationBelongsToDifferentUser('phone_number_id')
  if (!allowed.includes(phone)) throw strategyForUserInvalid()
  return phone
}

/** Runs a code check on a step, moving the sign-in's `updated_at` when an attempt was counted. */
function checkStepCode(ctx: EmulatorContext, signIn: SignInRecord, step: SignInStepRecord | null, code: string | null | undefined): void {
  const verification = step?.strategy === 'phone_code' ? step.verification : null
  checkCode(ctx, verification, code ?? null, () => touchSignIn(ctx, signIn))
}

/** `prepare_first_factor`: sends the SMS code to the identifier's number, or to `phone_number_id`. */
export function prepareFirstFactor(ctx: EmulatorContext, signIn: SignInRecord, step: FactorStep, host: string): void {
  if (step.strategy !== 'phone_code') throw strategyForUserInvalid()
  requireStatus(signIn, 'needs_first_factor', 'prepare first factor')
  const user = signInUser(ctx, signIn)
  const phones = verifiedPhones(ctx, user)
  const own = phones.find((phone) => phone.phoneNumber === signIn.identifier) ?? phones[0]
  const phone = choosePhone(ctx, user, step.phoneNumberId, phones, own)
  const verification = sendCode(ctx, phone.phoneNumber, 'sign_in_first_factor', host)
  signIn.firstFactor = { strategy: 'phone_code', phoneNumberId: phone.id, verification }
  touchSignIn(ctx, signIn)
}

/** `attempt_first_factor`: a right code completes the sign-in, or asks for the second factor when the user has one. */
export function attemptFirstFactor(ctx: EmulatorContext, client: ClientRecord, signIn: SignInRecord, attempt: FactorAttempt): void {
  if (attempt.strategy !== 'phone_code') throw strategyForUserInvalid()
  requireStatus(signIn, 'needs_first_factor', 'attempt first factor')
  const user = signInUser(ctx, signIn)
  checkStepCode(ctx, signIn, signIn.firstFactor, attempt.code)
  signIn.firstFactor!.verification.verifiedAtClient = client.id
  if (secondFactorPhones(ctx, user).length > 0) {
    signIn.status = 'needs_second_factor'
    touchSignIn(ctx, signIn)
    return
  }
  completeSignIn(ctx, client, signIn, user)
}

/** `prepare_second_factor`: sends the SMS code to the default second-factor number, or to `phone_number_id`. */
export function prepareSecondFactor(ctx: EmulatorContext, signIn: SignInRecord, step: FactorStep, host: string): void {
  const strategy = step.strategy ?? 'phone_code'
  if (strategy !== 'phone_code') throw noSecondFactors(strategy)
  requireStatus(signIn, 'needs_second_factor', 'prepare second factor')
  const user = signInUser(ctx, signIn)
  const phones = secondFactorPhones(ctx, user)
  if (phones.length === 0) throw noSecondFactors(strategy)
  const phone = choosePhone(ctx, user, step.phoneNumberId, phones, phones.find((p) => p.defaultSecondFactor) ?? phones[0])
  const verification = sendCode(ctx, phone.phoneNumber, 'sign_in_second_factor', host)
  signIn.secondFactor = { strategy: 'phone_code', phoneNumberId: phone.id, verification }
  touchSignIn(ctx, signIn)
}

function attemptBackupCode(ctx: EmulatorContext, client: ClientRecord, signIn: SignInRecord, user: UserRecord, code: string | null | undefined): void {
  if (!code) throw formParamNil('code')
  if (!hasBackupCodes(user)) throw strategyForUserInvalid()
  if (!redeemBackupCode(ctx, user, code)) throw formCodeIncorrect()
  const verification = { strategy: 'backup_code' as const, status: 'verified' as const, attempts: null, expireAt: null, codeHash: null, verifiedAtClient: client.id }
  signIn.secondFactor = { strategy: 'backup_code', phoneNumberId: null, verification }
}

/** `attempt_second_factor`: the SMS code sent by the prepare step, or one unused backup code (no prepare). */
export function attemptSecondFactor(ctx: EmulatorContext, client: ClientRecord, signIn: SignInRecord, attempt: FactorAttempt): void {
  requireStatus(signIn, 'needs_second_factor', 'attempt second factor')
  const user = signInUser(ctx, signIn)
  if (attempt.strategy === 'backup_code') {
    attemptBackupCode(ctx, client, signIn, user, attempt.code)
  } else if (attempt.strategy === 'phone_code') {
    checkStepCode(ctx, signIn, signIn.secondFactor, attempt.code)
    signIn.secondFactor!.verification.verifiedAtClient = client.id
  } else {
    throw strategyForUserInvalid()
  }
  completeSignIn(ctx, client, signIn, user)
}

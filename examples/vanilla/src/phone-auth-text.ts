import type { SignIn } from 'dialkit'
import { isTestNumber, TEST_CODE } from './code-input.js'
import { clock } from './dom.js'
import { displayNumber } from './phone-format.js'

export type AuthStep = 'number' | 'code' | 'second'

/** The sentence under the title: what to type, and that a test number is texted nothing (it takes 424242). */
export function authHint(step: AuthStep, backup: boolean, number: string | null, signIn: SignIn | null): string {
  if (step === 'number') return 'Pick the country or type the number with its +country code. We text you a 6-digit code.'
  if (step === 'code') {
    if (!number) return 'Enter the 6-digit code we texted you.'
    const shown = displayNumber(number)
    return isTestNumber(number) ? `${shown} is a test number: nothing is texted. Enter ${TEST_CODE}.` : `Enter the 6-digit code we texted to ${shown}.`
  }
  if (backup) return 'Enter one of the backup codes you saved. Each works once.'
  const factor = signIn?.supportedSecondFactors?.find((f) => f.strategy === 'phone_code' && f.default)
  const masked = factor?.safeIdentifier ?? null
  // Second factors come masked (`+*********42`); the one ending like the test number signed in with is that number.
  if (number && isTestNumber(number) && masked?.slice(-2) === number.slice(-2)) {
    return `Your second factor is a test number: nothing is texted. Enter ${TEST_CODE}.`
  }
  return `Enter the code we just texted to your second-factor number${masked ? ` (${masked})` : ''}.`
}

/**
 * A refused send (429): when a new code may be asked for, live, and (on a step that texted one already) that
 * the code sent earlier still works. The number step's refusal is of a new sign-in, which has no code yet.
 */
export function waitText(step: AuthStep, sentThisStep: boolean, seconds: number): string {
  const when = clock(seconds)
  if (step === 'number') return `Too many code requests for this number. You can ask for a code in ${when}.`
  return sentThisStep
    ? `Too many code requests. You can ask for a new code in ${when}; the code sent earlier still works.`
    : `Too many code requests. You can ask for a code in ${when}.`
}

export function resendLabel(seconds: number): string {
  return seconds > 0 ? `Send a new code in ${clock(seconds)}` : 'Send a new code'
}

import type { PhoneNumber, VerificationFlowState } from 'dialkit'
import { isTestNumber, TEST_CODE } from './code-input.js'
import { clock } from './dom.js'
import { describeError, isThrottled, type Problem } from './messages.js'
import { displayNumber } from './phone-format.js'

type State = VerificationFlowState<PhoneNumber>

const EXPIRED = 'This code has expired. Send a new code.'

/** The sentence under the title: what is going on and what to do next. */
export function leadText(state: State): string {
  const e164 = String(state.phoneNumber)
  const to = displayNumber(e164)
  switch (state.status) {
    case 'idle': return `Ready to text a code to ${to}.`
    case 'sending': return `Sending a code to ${to}…`
    case 'verifying': return 'Checking the code…'
    case 'verified': return `${to} is verified.`
    case 'expired': return 'The code expired before it was used.'
    case 'failed': return state.error ? 'We could not verify this number.' : 'Too many wrong codes.'
    default:
      return isTestNumber(e164)
        ? `${to} is a test number: nothing is texted. Enter ${TEST_CODE}.`
        : `Enter the 6-digit code we texted to ${to}.`
  }
}

export function expiryText(state: State): string {
  if (state.expiresInSeconds === null || state.status === 'verified') return ''
  if (state.expiresInSeconds <= 0) return 'Code expired.'
  return `Code expires in ${clock(state.expiresInSeconds)}.`
}

/**
 * The field error (an alert, so said once). An expired code outranks whatever the last send said, and a
 * throttled resend is not an error of the code: it goes to {@link noticeText}, which counts down.
 */
export function errorFor(state: State): Problem | null {
  if (state.status === 'expired') return { field: null, message: EXPIRED }
  if (!state.error || isThrottled(state.error)) return null
  return describeError(state.error)
}

/** "Try again in 0:27", live, and gone when the cooldown is over or the code is dead anyway. */
export function noticeText(state: State): string {
  if (!isThrottled(state.error) || state.resendInSeconds <= 0 || state.status !== 'code-sent') return ''
  return `Too many code requests. You can ask for a new code in ${clock(state.resendInSeconds)}; the code sent earlier still works.`
}

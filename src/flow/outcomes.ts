import { DialkitError, isApiResponseError, isDialkitError } from '../errors/index.js'
import type { VerificationFlowStatus, VerificationTarget } from './flow-types.js'

/** Server error codes that end a verification rather than letting the person try again. */
const ENDING_CODES: Partial<Record<string, VerificationFlowStatus>> = {
  verification_failed: 'failed',
  verification_expired: 'expired',
}

/** Where a target's verification puts the flow, e.g. when it is created or an attempt returns. */
export function statusFromTarget(target: VerificationTarget, now: number): VerificationFlowStatus {
  const verification = target.verification
  switch (verification?.status) {
    case 'verified':
      return 'verified'
    case 'failed':
      return 'failed'
    case 'expired':
      return 'expired'
    case 'unverified':
      return isPast(verification.expireAt, now) ? 'expired' : 'code-sent'
    default:
      // No verification yet (a new number, an unprepared factor), or a status the flow does not model (`transferable`).
      return 'idle'
  }
}

function isPast(expireAt: Date | null, now: number): boolean {
  return expireAt !== null && expireAt.getTime() <= now
}

/** The status a failed attempt leads to: the end of the verification, or back to typing. */
export function statusAfterAttemptError(error: DialkitError): VerificationFlowStatus {
  return (isApiResponseError(error) && ENDING_CODES[error.code]) || 'code-sent'
}

/** A wrong code counts as an attempt; a refused input or a network failure never reached the check. */
export function isWrongCode(error: DialkitError): boolean {
  return isApiResponseError(error) && error.code === 'form_code_incorrect'
}

/** Seconds the server asked us to wait before sending again, if it said. */
export function retryAfterSeconds(error: DialkitError): number | undefined {
  return isApiResponseError(error) ? error.retryAfter : undefined
}

/**
 * The public API throws only dialkit errors, but a structural target may be anything; wrap
 * foreign throws so `state.error` is always a `DialkitError`.
 */
export function toDialkitError(error: unknown): DialkitError {
  if (isDialkitError(error)) return error
  const message = error instanceof Error ? error.message : 'Verification request failed'
  return new DialkitError(message, { cause: error })
}

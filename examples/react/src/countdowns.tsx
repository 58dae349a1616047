import type { PhoneNumber, VerificationFlowState } from 'dialkit'
import { formatSeconds, isThrottled } from './messages.js'

/**
 * The code's remaining lifetime, a refused resend's wait and the resend button with its cooldown. `role="timer"`
 * keeps screen readers from announcing every second; the status changes (expired, failed) are announced instead.
 */
export function Countdowns({ state, onResend }: { state: VerificationFlowState<PhoneNumber>; onResend(): void }) {
  const { status, expiresInSeconds, resendInSeconds, error } = state
  const throttled = isThrottled(error)
  // When the server said so, the form already shows its error; this covers the local countdown running out.
  // A throttled resend is no such answer: the code can still run out under it, and then that is what counts.
  const quiet = error !== null && !throttled
  return (
    <div className="countdowns">
      {status === 'expired' && !quiet && <p role="status">The code has expired. Send a new one.</p>}
      {status === 'failed' && !quiet && <p role="status">Too many wrong codes. Send a new one.</p>}
      {throttled && status === 'code-sent' && resendInSeconds > 0 && (
        <p role="timer" className="wait" data-testid="verify-wait">
          Too many code requests. You can ask for a new code in {formatSeconds(resendInSeconds)}; the code sent earlier still works.
        </p>
      )}
      {expiresInSeconds !== null && status !== 'expired' && (
        <p role="timer" className="hint">Code expires in {formatSeconds(expiresInSeconds)}</p>
      )}
      <button type="button" className="btn btn--ghost" data-testid="resend" disabled={resendInSeconds > 0 || status === 'verifying' || status === 'sending'} onClick={onResend}>
        {resendInSeconds > 0 ? `Resend code in ${formatSeconds(resendInSeconds)}` : status === 'sending' ? 'Sending…' : 'Resend code'}
      </button>
    </div>
  )
}

import type { PhoneNumber, VerificationFlowState } from 'dialkit'
import { formatSeconds } from './messages.js'

/**
 * The code's remaining lifetime and the resend button with its cooldown. `role="timer"` keeps screen
 * readers from announcing every second; the status changes (expired, failed) are announced instead.
 */
export function Countdowns({ state, onResend }: { state: VerificationFlowState<PhoneNumber>; onResend(): void }) {
  const { status, expiresInSeconds, resendInSeconds, error } = state
  // When the server said so, the form already shows its error; this covers the local countdown running out.
  const quiet = error !== null
  return (
    <div className="countdowns">
      {status === 'expired' && !quiet && <p role="status">The code has expired. Send a new one.</p>}
      {status === 'failed' && !quiet && <p role="status">Too many wrong codes. Send a new one.</p>}
      {expiresInSeconds !== null && status !== 'expired' && (
        <p role="timer" className="hint">Code expires in {formatSeconds(expiresInSeconds)}</p>
      )}
      <button type="button" className="btn btn--ghost" disabled={resendInSeconds > 0 || status === 'verifying' || status === 'sending'} onClick={onResend}>
        {resendInSeconds > 0 ? `Resend code in ${resendInSeconds} s` : status === 'sending' ? 'Sending…' : 'Resend code'}
      </button>
    </div>
  )
}

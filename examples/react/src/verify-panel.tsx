import type { PhoneNumber, VerificationFlow, VerificationFlowState } from 'dialkit'
import { useClient, useVerificationFlow } from 'dialkit/react'
import { useEffect, useRef } from 'react'
import { Countdowns } from './countdowns.js'
import { describeError, formatSeconds, isThrottled } from './messages.js'
import { VerifyForm } from './verify-form.js'

interface VerifyPanelProps {
  phone: PhoneNumber
  /** Send a code as soon as the flow exists (right after adding); a reopened number keeps its pending code. */
  sendOnOpen: boolean
  onVerified(phone: PhoneNumber): void
  onClose(): void
}

/** Send a code, type it, verified: the flow controller holds all the state, this only renders it. */
export function VerifyPanel({ phone, sendOnOpen, onVerified, onClose }: VerifyPanelProps) {
  const client = useClient()
  const { flow, state } = useVerificationFlow(phone)
  const sent = useRef(false)
  useEffect(() => {
    if (!flow || sent.current || !sendOnOpen) return
    sent.current = true
    void flow.send()
  }, [flow])
  useEffect(() => {
    if (state?.status === 'verified') onVerified(state.target)
    // A dead code changed the number on the server, but error answers carry no client: load it, so its row
    // says "Code expired" or "Failed" instead of "Unverified".
    if (state?.status === 'expired' || state?.status === 'failed') client.load().catch(() => undefined)
  }, [state?.status])

  return (
    <section className="card" aria-labelledby="verify-title" data-testid="verify-panel">
      <h2 id="verify-title">Verify {phone.format('international')}</h2>
      {flow && <VerifySteps flow={flow} state={state} onClose={onClose} />}
    </section>
  )
}

interface StepsProps {
  flow: VerificationFlow<PhoneNumber>
  state: VerificationFlowState<PhoneNumber>
  onClose(): void
}

function VerifySteps({ flow, state, onClose }: StepsProps) {
  // A throttled resend is a wait (Countdowns counts it down), not an error of the code.
  const problem = state.error && !isThrottled(state.error) ? describeError(state.error) : null
  const close = () => {
    flow.cancel()
    onClose()
  }

  if (state.status === 'verified') {
    return (
      <>
        <p className="success">✓ Verified.</p>
        <button type="button" className="btn" autoFocus onClick={onClose}>Done</button>
      </>
    )
  }
  if (state.status === 'idle' || state.status === 'sending') {
    const waiting = state.resendInSeconds > 0
    return (
      <>
        <p className="hint">We will text a 6-digit code to this number. Test numbers (+1 XXX 555-01YY) get no SMS: their code is 424242.</p>
        {problem && <p className="field-error" role="alert">{problem.message}</p>}
        {waiting && isThrottled(state.error) && (
          <p role="timer" className="wait" data-testid="verify-wait">
            Too many code requests for this number. You can ask for a code in {formatSeconds(state.resendInSeconds)}.
          </p>
        )}
        <div className="actions">
          <button type="button" className="btn" disabled={state.status === 'sending' || waiting} onClick={() => void flow.send()}>
            {state.status === 'sending' ? 'Sending…' : waiting ? `Send code in ${formatSeconds(state.resendInSeconds)}` : 'Send code'}
          </button>
          <button type="button" className="btn btn--ghost" onClick={close}>Cancel</button>
        </div>
      </>
    )
  }
  return (
    <>
      <p className="hint" data-testid="verify-lead">
        {isTestNumber(String(state.target))
          ? 'A test number: no SMS is sent, its code is 424242.'
          : 'Enter the 6-digit code we texted to this number.'}
      </p>
      <VerifyForm flow={flow} state={state} fieldError={problem?.message ?? null} />
      <Countdowns state={state} onResend={() => void flow.resend()} />
      <button type="button" className="btn btn--ghost" onClick={close}>Cancel</button>
    </>
  )
}

// Clerk's test numbers, +1 XXX 555-01YY, take 424242 and are never texted.
function isTestNumber(e164: string): boolean {
  return /^\+1\d{3}55501\d{2}$/.test(e164)
}

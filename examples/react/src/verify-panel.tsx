import type { PhoneNumber, VerificationFlow } from 'dialkit'
import { Countdowns } from './countdowns.js'
import { describeError } from './messages.js'
import { useStore } from './use-store.js'
import { useVerificationFlow } from './use-verification-flow.js'
import { VerifyForm } from './verify-form.js'

/** Send a code, type it, verified: the flow controller holds all the state, this only renders it. */
export function VerifyPanel({ phone, onClose }: { phone: PhoneNumber; onClose(): void }) {
  const flow = useVerificationFlow(phone)
  return (
    <section className="card" aria-labelledby="verify-title">
      <h2 id="verify-title">Verify {phone.format('international')}</h2>
      {flow && <VerifySteps flow={flow} onClose={onClose} />}
    </section>
  )
}

function VerifySteps({ flow, onClose }: { flow: VerificationFlow<PhoneNumber>; onClose(): void }) {
  const state = useStore(flow.store)
  const problem = state.error ? describeError(state.error) : null
  const close = () => {
    flow.cancel()
    onClose()
  }

  if (state.status === 'verified') {
    return (
      <>
        <p className="success" role="status">✓ Verified.</p>
        <button type="button" className="btn" onClick={onClose}>Done</button>
      </>
    )
  }
  if (state.status === 'idle' || state.status === 'sending') {
    const waiting = state.resendInSeconds > 0
    return (
      <>
        <p className="hint">We will text a 6-digit code to this number. Test numbers (+1 XXX 555-01YY) take 424242.</p>
        {problem && <p className="field-error" role="alert">{problem.message}</p>}
        <button type="button" className="btn" disabled={state.status === 'sending' || waiting} onClick={() => void flow.send()}>
          {state.status === 'sending' ? 'Sending…' : waiting ? `Send code in ${state.resendInSeconds} s` : 'Send code'}
        </button>
        <button type="button" className="btn btn--ghost" onClick={close}>Cancel</button>
      </>
    )
  }
  return (
    <>
      <VerifyForm flow={flow} state={state} fieldError={problem?.message ?? null} />
      <Countdowns state={state} onResend={() => void flow.resend()} />
      <button type="button" className="btn btn--ghost" onClick={close}>Cancel</button>
    </>
  )
}

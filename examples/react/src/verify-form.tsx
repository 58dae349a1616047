import type { PhoneNumber, VerificationFlow, VerificationFlowState } from 'dialkit'
import { useEffect, useId, useState, type FormEvent } from 'react'

interface VerifyFormProps {
  flow: VerificationFlow<PhoneNumber>
  state: VerificationFlowState<PhoneNumber>
  fieldError: string | null
}

/**
 * The code field. `one-time-code` lets iOS/Android offer the SMS code; WebOTP fills it by itself. A pasted
 * `566 757` or a whole SMS yields its six digits, before anything is sent.
 */
export function VerifyForm({ flow, state, fieldError }: VerifyFormProps) {
  const [code, setCode] = useState('')
  const id = useId()

  // Show the code WebOTP read (or the one being checked) in the field.
  useEffect(() => {
    if (state.code) setCode(state.code)
  }, [state.code])

  function submit(event: FormEvent) {
    event.preventDefault()
    void flow.submit(code)
  }

  const editable = state.status === 'code-sent'
  return (
    <form className="form" noValidate onSubmit={submit}>
      <label htmlFor={id}>Code from the SMS</label>
      <input
        id={id}
        name="code"
        autoComplete="one-time-code"
        inputMode="numeric"
        autoFocus
        value={code}
        onChange={(event) => setCode(codeFrom(event.target.value))}
        disabled={!editable}
        aria-invalid={fieldError !== null}
        aria-describedby={fieldError ? `${id}-error` : undefined}
      />
      {fieldError && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {fieldError}
        </p>
      )}
      <button type="submit" className="btn" disabled={!editable || code.length !== 6}>
        {state.status === 'verifying' ? 'Checking…' : 'Verify'}
      </button>
      {state.attempts > 0 && <p className="hint">Attempts: {state.attempts}</p>}
    </form>
  )
}

// Six digits in a row win (a whole pasted SMS); otherwise keep the digits typed so far, at most six.
function codeFrom(text: string): string {
  return /\b\d{6}\b/.exec(text)?.[0] ?? text.replace(/\D/g, '').slice(0, 6)
}

import type { PhoneNumber, VerificationFlow, VerificationFlowState } from 'dialkit'
import { useEffect, useId, useState, type FormEvent } from 'react'

interface VerifyFormProps {
  flow: VerificationFlow<PhoneNumber>
  state: VerificationFlowState<PhoneNumber>
  fieldError: string | null
}

/** The code field. `one-time-code` lets iOS/Android offer the SMS code; WebOTP fills it by itself. */
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
        pattern="[0-9]*"
        maxLength={10}
        value={code}
        onChange={(event) => setCode(event.target.value)}
        readOnly={!editable}
        aria-invalid={fieldError !== null}
        aria-describedby={fieldError ? `${id}-error` : undefined}
      />
      {fieldError && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {fieldError}
        </p>
      )}
      <button type="submit" className="btn" disabled={!editable || code.trim() === ''}>
        {state.status === 'verifying' ? 'Checking…' : 'Verify'}
      </button>
      {state.attempts > 0 && <p className="hint">Attempts: {state.attempts}</p>}
    </form>
  )
}

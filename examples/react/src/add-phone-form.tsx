import type { PhoneNumber, User } from 'dialkit'
import { useId, useState, type FormEvent } from 'react'
import { leftOut } from './left-out.js'
import { describeError } from './messages.js'

/** Adds a number; a bad one gets a field error before anything is sent (the SDK validates first). */
export function AddPhoneForm({ user, onAdded }: { user: User; onAdded(phone: PhoneNumber): void }) {
  const [value, setValue] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const id = useId()
  const { kept, notice } = leftOut(value)

  async function add(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      // National input is read as a US number; "+44 ..." works for any country.
      const phone = await user.createPhoneNumber({ phoneNumber: kept, defaultCountry: 'US' })
      setValue('')
      onAdded(phone)
    } catch (failure) {
      setError(describeError(failure).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="form" noValidate onSubmit={(event) => void add(event)}>
      <label htmlFor={id}>Phone number</label>
      <input
        id={id}
        name="phone"
        type="tel"
        autoComplete="tel"
        placeholder="415 555 2671"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        aria-invalid={error !== null}
        aria-describedby={`${id}-hint ${id}-notice${error ? ` ${id}-error` : ''}`}
      />
      <p id={`${id}-hint`} className="hint">A US number, or any number with its +country code.</p>
      {/* Always there, so screen readers hear its text change. */}
      <p id={`${id}-notice`} className="wait" aria-live="polite" data-testid="phone-notice">{notice}</p>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="btn" disabled={busy || value.trim() === ''}>
        {busy ? 'Adding…' : 'Add number'}
      </button>
    </form>
  )
}

import type { PhoneNumber, User } from 'dialkit'
import { useId, useState, type FormEvent } from 'react'
import { describeError } from './messages.js'

/** Adds a number; a bad one gets a field error before anything is sent (the SDK validates first). */
export function AddPhoneForm({ user, onAdded }: { user: User; onAdded(phone: PhoneNumber): void }) {
  const [value, setValue] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const id = useId()

  async function add(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      // National input is read as a US number; "+44 ..." works for any country.
      const phone = await user.createPhoneNumber({ phoneNumber: value, defaultCountry: 'US' })
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
        aria-describedby={error ? `${id}-error` : undefined}
      />
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

import type { DialkitClient } from 'dialkit'
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { describeError } from './messages.js'

/**
 * Signs in with a sign-in token ("ticket"), which an app's server mints with
 * `backend.signInTokens.createSignInToken({ userId })`. A `?ticket=` in the URL signs in at once.
 */
export function SignInForm({ client }: { client: DialkitClient }) {
  const [ticket, setTicket] = useState(() => new URLSearchParams(window.location.search).get('ticket') ?? '')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const started = useRef(false)
  const id = useId()

  async function signIn(value: string) {
    setBusy(true)
    setError(null)
    try {
      await client.signIn({ ticket: value.trim() })
    } catch (failure) {
      setError(describeError(failure).message)
      setBusy(false)
    }
  }

  useEffect(() => {
    // A ticket is single-use: StrictMode runs effects twice in development, the ref keeps it to one try.
    if (started.current || ticket === '') return
    started.current = true
    void signIn(ticket)
  }, [])

  function submit(event: FormEvent) {
    event.preventDefault()
    void signIn(ticket)
  }

  return (
    <form className="card form" noValidate onSubmit={submit}>
      <h1>Sign in</h1>
      <label htmlFor={id}>Sign-in token</label>
      <input id={id} value={ticket} onChange={(event) => setTicket(event.target.value)} autoComplete="off" />
      {error && <p className="field-error" role="alert">{error}</p>}
      <button type="submit" className="btn" disabled={busy || ticket.trim() === ''}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
      <p className="hint">Mint one with <code>dialkit/backend</code>: <code>signInTokens.createSignInToken({'{ userId }'})</code>.</p>
    </form>
  )
}

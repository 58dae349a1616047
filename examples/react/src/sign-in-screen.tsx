import { useClient } from 'dialkit/react'
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { describeError } from './messages.js'

/**
 * Signs in with a sign-in token ("ticket"), which an app's server mints with
 * `backend.signInTokens.createSignInToken({ userId })`. Here the dev server's `/demo/ticket` plays that
 * server; a `?ticket=` in the URL signs in at once.
 */
export function SignInScreen() {
  const client = useClient()
  const [ticket, setTicket] = useState(() => new URLSearchParams(window.location.search).get('ticket') ?? '')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const started = useRef(false)
  const id = useId()

  async function signIn(getTicket: () => Promise<string>) {
    setBusy(true)
    setError(null)
    try {
      await client.signIn({ ticket: (await getTicket()).trim() })
    } catch (failure) {
      setError(describeError(failure).message)
      setBusy(false)
    }
  }

  useEffect(() => {
    // A ticket is single-use: StrictMode runs effects twice in development, the ref keeps it to one try.
    if (started.current || ticket === '') return
    started.current = true
    void signIn(async () => ticket)
  }, [])

  function submit(event: FormEvent) {
    event.preventDefault()
    void signIn(async () => ticket)
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Sign in</h1>
      <p className="hint lead">You are signed out. The demo server signs you in as a new user with one verified test number.</p>
      <button type="button" className="btn" disabled={busy} onClick={() => void signIn(mintDemoTicket)}>
        {busy ? 'Signing in…' : 'Continue as a demo user'}
      </button>
      <form className="form form--split" noValidate onSubmit={submit}>
        <label htmlFor={id}>Or paste a sign-in token</label>
        <input id={id} value={ticket} onChange={(event) => setTicket(event.target.value)} autoComplete="off" />
        <button type="submit" className="btn btn--ghost" disabled={busy || ticket.trim() === ''}>
          Sign in with token
        </button>
      </form>
      {error && <p className="field-error" role="alert">{error}</p>}
    </section>
  )
}

async function mintDemoTicket(): Promise<string> {
  const response = await fetch('/demo/ticket', { cache: 'no-store' })
  if (!response.ok) throw new Error(`The demo server could not mint a sign-in token (${response.status}).`)
  return ((await response.json()) as { ticket: string }).ticket
}

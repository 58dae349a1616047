import { useClient, useSessionState } from 'dialkit/react'
import { useEffect, useState, type ReactNode } from 'react'
import { AccountPage } from './account-page.js'
import { describeError } from './messages.js'
import { SignInScreen } from './sign-in-screen.js'

/** Loads the session once, then shows the account page or the sign-in screen. */
export function App() {
  const client = useClient()
  const { status, user } = useSessionState()
  const [loadError, setLoadError] = useState<string | null>(null)

  useEffect(() => {
    client.load().catch((error: unknown) => setLoadError(describeError(error).message))
  }, [client])

  if (status === 'unloaded') {
    return (
      <Shell>
        <p role="status" className="card">{loadError ?? 'Loading…'}</p>
      </Shell>
    )
  }
  return <Shell>{user ? <AccountPage key={user.id} user={user} /> : <SignInScreen />}</Shell>
}

function Shell({ children }: { children: ReactNode }) {
  return (
    <main className="page">
      <p className="brand">☎ dialkit · React</p>
      {children}
    </main>
  )
}

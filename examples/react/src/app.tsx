import type { DialkitClient, PhoneNumber } from 'dialkit'
import { useEffect, useState } from 'react'
import { AddPhoneForm } from './add-phone-form.js'
import { describeError } from './messages.js'
import { PhoneList } from './phone-list.js'
import { SignInForm } from './sign-in-form.js'
import { useStore } from './use-store.js'
import { VerifyPanel } from './verify-panel.js'

/** The page: loads the session, then shows the numbers, the verification panel and the add form. */
export function App({ client }: { client: DialkitClient }) {
  const { status, user } = useStore(client.store)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [verifyingId, setVerifyingId] = useState<string | null>(null)

  useEffect(() => {
    client.load().catch((error: unknown) => setLoadError(describeError(error).message))
  }, [client])

  if (status === 'unloaded') return <Shell><p role="status">{loadError ?? 'Loading…'}</p></Shell>
  if (!user) return <Shell><SignInForm client={client} /></Shell>

  // Look the number up in the latest snapshot each render: the store replaces instances on every change.
  const verifying = user.phoneNumbers.find((phone) => phone.id === verifyingId) ?? null
  return (
    <Shell>
      <section className="card" aria-labelledby="phones-title">
        <h1 id="phones-title">Phone numbers</h1>
        <PhoneList phones={user.phoneNumbers} primaryId={user.primaryPhoneNumberId} onVerify={setVerifyingId} />
      </section>
      {verifying && <VerifyPanel key={verifying.id} phone={verifying} onClose={() => setVerifyingId(null)} />}
      <section className="card" aria-labelledby="add-title">
        <h2 id="add-title">Add a phone number</h2>
        <AddPhoneForm user={user} onAdded={(phone: PhoneNumber) => setVerifyingId(phone.id)} />
      </section>
    </Shell>
  )
}

function Shell({ children }: { children: React.ReactNode }) {
  return (
    <main className="page">
      <p className="brand">☎ dialkit · React</p>
      {/* No live region around the page: the countdowns change every second. Status lines announce themselves. */}
      <div>{children}</div>
    </main>
  )
}

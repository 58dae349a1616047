import type { PhoneNumber, User } from 'dialkit'
import { useClient, usePhoneNumbers } from 'dialkit/react'
import { useState } from 'react'
import { AddPhoneForm } from './add-phone-form.js'
import { BackupCodesDialog, useConfirm } from './dialogs.js'
import { describeError } from './messages.js'
import { NoticeLine, type Notice } from './notice.js'
import { usePhoneActions } from './phone-actions.js'
import { PhoneList } from './phone-list.js'
import { VerifyPanel } from './verify-panel.js'

/** The signed-in page: the numbers with their actions, the verification panel, the add form, sign out. */
export function AccountPage({ user }: { user: User }) {
  const client = useClient()
  // Formatted as soon as the phone helpers are there, also right after a reload.
  const phones = usePhoneNumbers()
  const [verifying, setVerifying] = useState<{ id: string; send: boolean } | null>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  const [backupCodes, setBackupCodes] = useState<readonly string[] | null>(null)
  const [confirmDialog, confirm] = useConfirm()
  const actions = usePhoneActions({ confirm, onNotice: setNotice, onBackupCodes: setBackupCodes, onVerify: (id) => setVerifying({ id, send: false }) })
  const [signingOut, setSigningOut] = useState(false)

  async function signOut() {
    setSigningOut(true)
    try {
      await client.signOut()
    } catch (error) {
      setNotice({ tone: 'error', text: describeError(error).message })
      setSigningOut(false)
    }
  }

  // Look the number up in the latest snapshot each render: the store replaces instances on every change.
  const verifyTarget = phones.find((phone) => phone.id === verifying?.id) ?? null
  return (
    <>
      <header className="card header">
        <div>
          <h1>Your account</h1>
          <p className="hint">{user.twoFactorEnabled ? 'Two-step verification is on.' : 'Two-step verification is off.'}</p>
        </div>
        <button type="button" className="btn btn--ghost" disabled={signingOut} onClick={() => void signOut()}>
          {signingOut ? 'Signing out…' : 'Sign out'}
        </button>
      </header>
      <NoticeLine notice={notice} />
      <section className="card" aria-labelledby="phones-title">
        <h2 id="phones-title">Phone numbers</h2>
        <PhoneList phones={phones} primaryId={user.primaryPhoneNumberId} busyId={actions.busyId} onAction={actions.run} />
      </section>
      {verifyTarget && (
        <VerifyPanel
          key={verifyTarget.id}
          phone={verifyTarget}
          sendOnOpen={verifying?.send ?? false}
          onVerified={(phone) => setNotice({ tone: 'success', text: `${phone.format('international')} is verified.` })}
          onClose={() => setVerifying(null)}
        />
      )}
      <section className="card" aria-labelledby="add-title">
        <h2 id="add-title">Add a phone number</h2>
        <AddPhoneForm user={user} onAdded={(phone: PhoneNumber) => setVerifying({ id: phone.id, send: true })} />
      </section>
      {confirmDialog}
      {backupCodes && <BackupCodesDialog codes={backupCodes} onClose={() => setBackupCodes(null)} />}
    </>
  )
}

import { useEffect, useRef, useState, type ReactNode } from 'react'

/** What a confirmation asks. */
export interface ConfirmRequest {
  title: string
  body: string
  confirmLabel: string
}

/** `[dialog element to render, ask(request) → Promise<boolean>]`: a modal confirmation, resolved by its buttons. */
export function useConfirm(): [ReactNode, (request: ConfirmRequest) => Promise<boolean>] {
  const [pending, setPending] = useState<{ request: ConfirmRequest; resolve(ok: boolean): void } | null>(null)
  const ask = (request: ConfirmRequest) => new Promise<boolean>((resolve) => setPending({ request, resolve }))
  const answer = (ok: boolean) => {
    pending?.resolve(ok)
    setPending(null)
  }
  const element = pending && (
    <Modal label={pending.request.title} onCancel={() => answer(false)}>
      <h2>{pending.request.title}</h2>
      <p>{pending.request.body}</p>
      <div className="actions">
        <button type="button" className="btn btn--ghost" onClick={() => answer(false)}>Cancel</button>
        <button type="button" className="btn btn--danger" onClick={() => answer(true)}>{pending.request.confirmLabel}</button>
      </div>
    </Modal>
  )
  return [element, ask]
}

/**
 * The one-time backup codes. They cannot be shown again, so Escape does not dismiss them: only "I saved
 * them" does, after the person could copy or download them.
 */
export function BackupCodesDialog({ codes, onClose }: { codes: readonly string[]; onClose(): void }) {
  const [copied, setCopied] = useState(false)
  const text = `${codes.join('\n')}\n`
  const download = `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`
  async function copy() {
    await navigator.clipboard?.writeText(text).then(() => setCopied(true), () => setCopied(false))
  }
  return (
    <Modal label="Your backup codes" onCancel={() => undefined}>
      <h2>Your backup codes</h2>
      <p>Each code signs you in once when you cannot get an SMS. Save them now: they are shown only this once.</p>
      <ul className="codes" data-testid="backup-codes">
        {codes.map((code) => <li key={code}>{code}</li>)}
      </ul>
      <div className="actions">
        <button type="button" className="btn btn--ghost" onClick={() => void copy()}>{copied ? 'Copied' : 'Copy'}</button>
        <a className="btn btn--ghost" href={download} download="dialkit-backup-codes.txt">Download</a>
        <button type="button" className="btn" autoFocus onClick={onClose}>I saved them</button>
      </div>
    </Modal>
  )
}

/** A native modal `<dialog>`: focus trapped, the page behind inert, Escape goes to `onCancel`. */
function Modal({ label, onCancel, children }: { label: string; onCancel(): void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-label={label}
      onCancel={(event) => {
        event.preventDefault()
        onCancel()
      }}
    >
      {children}
    </dialog>
  )
}

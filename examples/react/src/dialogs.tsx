import { useEffect, useId, useRef, useState, type ReactNode } from 'react'

/** What a confirmation asks. */
export interface ConfirmRequest {
  title: string
  body: string
  confirmLabel: string
  /**
   * For what cannot be undone cheaply (the primary or last number, the only second factor): the confirm
   * button stays disabled until `value` is typed, so a stray Enter or click cannot do it.
   */
  typeToConfirm?: { label: string; value: string }
}

/** `[dialog element to render, ask(request) → Promise<boolean>]`: a modal confirmation, resolved by its buttons. */
export function useConfirm(): [ReactNode, (request: ConfirmRequest) => Promise<boolean>] {
  const [pending, setPending] = useState<{ request: ConfirmRequest; resolve(ok: boolean): void } | null>(null)
  const ask = (request: ConfirmRequest) => new Promise<boolean>((resolve) => setPending({ request, resolve }))
  const answer = (ok: boolean) => {
    pending?.resolve(ok)
    setPending(null)
  }
  const element = pending && <ConfirmDialog request={pending.request} onAnswer={answer} />
  return [element, ask]
}

function ConfirmDialog({ request, onAnswer }: { request: ConfirmRequest; onAnswer(ok: boolean): void }) {
  const [typed, setTyped] = useState('')
  const id = useId()
  const expected = request.typeToConfirm?.value
  const allowed = expected === undefined || typed.trim() === expected
  return (
    <Modal label={request.title} onCancel={() => onAnswer(false)}>
      <h2>{request.title}</h2>
      <p>{request.body}</p>
      {request.typeToConfirm && (
        <form className="field" onSubmit={(event) => { event.preventDefault(); if (allowed) onAnswer(true) }}>
          <label htmlFor={id}>{request.typeToConfirm.label}</label>
          <input id={id} inputMode="numeric" autoComplete="off" autoFocus value={typed} onChange={(event) => setTyped(event.target.value)} />
        </form>
      )}
      <div className="actions">
        <button type="button" className="btn btn--ghost" autoFocus={!request.typeToConfirm} onClick={() => onAnswer(false)}>Cancel</button>
        <button type="button" className="btn btn--danger" disabled={!allowed} onClick={() => onAnswer(true)}>{request.confirmLabel}</button>
      </div>
    </Modal>
  )
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

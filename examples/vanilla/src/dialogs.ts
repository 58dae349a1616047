import { h, required } from './dom.js'

/** Asks before a destructive action; resolves true only on the explicit confirm button. */
export function confirmAction(text: { title: string; body: string; confirm: string }): Promise<boolean> {
  const dialog = required<HTMLDialogElement>(document, '[data-testid="confirm-dialog"]')
  return new Promise((resolve) => {
    const cancel = h('button', { type: 'button', class: 'btn btn--ghost', 'data-testid': 'confirm-cancel' }, 'Cancel')
    const ok = h('button', { type: 'button', class: 'btn btn--danger', 'data-testid': 'confirm-ok' }, text.confirm)
    dialog.replaceChildren(
      h('h2', { id: 'confirm-title', class: 'dialog__title' }, text.title),
      h('p', { class: 'dialog__body' }, text.body),
      h('div', { class: 'dialog__actions' }, cancel, ok),
    )
    const finish = (answer: boolean) => {
      dialog.removeEventListener('close', onClose)
      dialog.close()
      resolve(answer)
    }
    const onClose = () => finish(false)
    cancel.addEventListener('click', () => finish(false))
    ok.addEventListener('click', () => finish(true))
    dialog.addEventListener('close', onClose)
    dialog.showModal()
    cancel.focus()
  })
}

/** Shows freshly generated backup codes. They exist only in this dialog: closing it forgets them. */
export function showBackupCodes(codes: readonly string[]): Promise<void> {
  const dialog = required<HTMLDialogElement>(document, '[data-testid="backup-codes-dialog"]')
  return new Promise((resolve) => {
    const copy = h('button', { type: 'button', class: 'btn btn--ghost' }, 'Copy codes')
    const done = h('button', { type: 'button', class: 'btn btn--primary', 'data-testid': 'backup-done' }, 'I saved them')
    dialog.replaceChildren(
      h('h2', { id: 'backup-title', class: 'dialog__title' }, 'Save your backup codes'),
      h('p', { class: 'dialog__body' },
        'Two-step verification is on. If you lose this phone, each code below signs you in once. ',
        h('strong', {}, 'They will not be shown again.')),
      h('ol', { class: 'backup-codes', 'data-testid': 'backup-codes' }, ...codes.map((code) => h('li', {}, code))),
      h('div', { class: 'dialog__actions' }, copy, done),
    )
    copy.addEventListener('click', () => {
      void navigator.clipboard?.writeText(codes.join('\n')).then(
        () => { copy.textContent = 'Copied' },
        () => { copy.textContent = 'Copy failed' },
      )
    })
    const onClose = () => {
      dialog.removeEventListener('close', onClose)
      dialog.replaceChildren()
      resolve()
    }
    done.addEventListener('click', () => dialog.close())
    dialog.addEventListener('close', onClose)
    dialog.showModal()
    done.focus()
  })
}

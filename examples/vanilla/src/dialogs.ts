import { h, required } from './dom.js'

export interface ConfirmText {
  title: string
  body: string
  confirm: string
  /**
   * For what cannot be undone cheaply (the primary or last number, the account's only second factor): the
   * confirm button stays disabled until this is typed, so a stray Enter cannot do it.
   */
  typeToConfirm?: { label: string; value: string }
}

/** Asks before a destructive action; resolves true only on the explicit confirm button. */
export function confirmAction(text: ConfirmText): Promise<boolean> {
  const dialog = required<HTMLDialogElement>(document, '[data-testid="confirm-dialog"]')
  return new Promise((resolve) => {
    const cancel = h('button', { type: 'button', class: 'btn btn--ghost', 'data-testid': 'confirm-cancel' }, 'Cancel')
    const ok = h('button', { type: 'button', class: 'btn btn--danger', 'data-testid': 'confirm-ok' }, text.confirm)
    const typed = text.typeToConfirm ? typedConfirmation(text.typeToConfirm, ok) : null
    dialog.replaceChildren(
      h('h2', { id: 'confirm-title', class: 'dialog__title' }, text.title),
      h('p', { class: 'dialog__body' }, text.body),
      ...(typed ? [typed.field] : []),
      h('div', { class: 'dialog__actions' }, cancel, ok),
    )
    const finish = (answer: boolean) => {
      dialog.removeEventListener('close', onClose)
      dialog.close()
      resolve(answer)
    }
    const onClose = () => finish(false)
    cancel.addEventListener('click', () => finish(false))
    ok.addEventListener('click', () => {
      if (!ok.disabled) finish(true)
    })
    dialog.addEventListener('close', onClose)
    dialog.showModal()
    ;(typed?.input ?? cancel).focus()
  })
}

function typedConfirmation(spec: { label: string; value: string }, ok: HTMLButtonElement) {
  const input = h('input', {
    id: 'confirm-typed', type: 'text', inputmode: 'numeric', autocomplete: 'off', 'data-testid': 'confirm-typed',
  })
  ok.disabled = true
  input.addEventListener('input', () => {
    ok.disabled = input.value.trim() !== spec.value
  })
  // Enter in the field confirms once it matches, as it would in a one-field form.
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !ok.disabled) ok.click()
  })
  const field = h('div', { class: 'field dialog__field' }, h('label', { for: 'confirm-typed' }, spec.label), input)
  return { field, input }
}

/**
 * Shows freshly generated backup codes. They exist only in this dialog, so it closes only on "I saved them":
 * Escape would otherwise throw them away for good. Copy and download are both offered.
 */
export function showBackupCodes(codes: readonly string[]): Promise<void> {
  const dialog = required<HTMLDialogElement>(document, '[data-testid="backup-codes-dialog"]')
  return new Promise((resolve) => {
    const copy = h('button', { type: 'button', class: 'btn btn--ghost', 'data-testid': 'backup-copy' }, 'Copy codes')
    const download = h('button', { type: 'button', class: 'btn btn--ghost', 'data-testid': 'backup-download' }, 'Download')
    const done = h('button', { type: 'button', class: 'btn btn--primary', 'data-testid': 'backup-done' }, 'I saved them')
    const hint = h('p', { class: 'field-notice', 'data-testid': 'backup-hint', 'aria-live': 'polite' })
    dialog.replaceChildren(
      h('h2', { id: 'backup-title', class: 'dialog__title' }, 'Save your backup codes'),
      h('p', { class: 'dialog__body' },
        'Two-step verification is on. If you lose this phone, each code below signs you in once. ',
        h('strong', {}, 'They will not be shown again.')),
      h('ol', { class: 'backup-codes', 'data-testid': 'backup-codes' }, ...codes.map((code) => h('li', {}, code))),
      hint,
      h('div', { class: 'dialog__actions' }, copy, download, done),
    )
    copy.addEventListener('click', () => {
      void navigator.clipboard?.writeText(codes.join('\n')).then(
        () => { copy.textContent = 'Copied' },
        () => { copy.textContent = 'Copy failed' },
      )
    })
    download.addEventListener('click', () => saveAsFile(codes))
    const onCancel = (event: Event) => {
      event.preventDefault()
      hint.textContent = 'Save the codes first (copy or download), then choose “I saved them”.'
      done.focus()
    }
    const onClose = () => {
      dialog.removeEventListener('close', onClose)
      dialog.removeEventListener('cancel', onCancel)
      dialog.replaceChildren()
      resolve()
    }
    done.addEventListener('click', () => dialog.close())
    dialog.addEventListener('cancel', onCancel)
    dialog.addEventListener('close', onClose)
    dialog.showModal()
    done.focus()
  })
}

function saveAsFile(codes: readonly string[]) {
  const text = `dialkit demo backup codes (each works once)\n\n${codes.join('\n')}\n`
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }))
  const link = h('a', { href: url, download: 'backup-codes.txt', hidden: true })
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked after the click has handed the blob to the download.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

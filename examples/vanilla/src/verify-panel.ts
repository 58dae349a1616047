import { createVerificationFlow, type PhoneNumber, type VerificationFlowState } from 'dialkit'
import { serverNow } from './server-clock.js'
import { announce } from './announce.js'
import { clock, h } from './dom.js'
import { describeError } from './messages.js'
import { displayNumber } from './phone-format.js'

type State = VerificationFlowState<PhoneNumber>

export interface VerifyPanel {
  /** Opens the panel for `phone` and sends a code; closes any flow already open. */
  open(phone: PhoneNumber): void
  close(): void
  /** The number the panel is verifying, if open. */
  currentNumber(): string | null
  /** Puts a code in the input (the dev panel's "Use code"). */
  fill(code: string): void
}

export interface VerifyPanelHooks {
  onSent(): void
  onVerified(phone: PhoneNumber): void
  /** The person left with Cancel: focus goes back to that number's row. */
  onCancelled(e164: string): void
}

/** The code step, driven by dialkit's verification flow controller. */
export function createVerifyPanel(section: HTMLElement, hooks: VerifyPanelHooks): VerifyPanel {
  let flow: ReturnType<typeof createVerificationFlow<PhoneNumber>> | undefined
  let number: string | null = null

  const title = h('h2', { id: 'verify-title', class: 'card__title' })
  const lead = h('p', { class: 'card__hint', 'data-testid': 'verify-lead' })
  const input = h('input', {
    id: 'code', name: 'code', type: 'text', inputmode: 'numeric', autocomplete: 'one-time-code',
    maxlength: 6, pattern: '[0-9]{6}', 'data-testid': 'code-input', 'aria-describedby': 'code-error code-meta',
    class: 'code-input', spellcheck: false,
  })
  const submit = h('button', { type: 'submit', class: 'btn btn--primary', 'data-testid': 'verify-submit' }, 'Verify')
  const error = h('p', { id: 'code-error', class: 'field-error', 'data-testid': 'verify-error', role: 'alert' })
  const expiry = h('span', { 'data-testid': 'expiry' })
  const resend = h('button', { type: 'button', class: 'btn btn--link', 'data-testid': 'resend' }, 'Resend code')
  const cancel = h('button', { type: 'button', class: 'btn btn--ghost', 'data-testid': 'verify-cancel' }, 'Cancel')
  const form = h('form', { class: 'code-form', novalidate: true },
    h('label', { for: 'code' }, 'Verification code'),
    h('div', { class: 'code-row' }, input, submit),
    error,
    h('p', { id: 'code-meta', class: 'code-meta' }, expiry, resend),
  )
  section.replaceChildren(title, lead, form, h('div', { class: 'form-actions' }, cancel))

  input.addEventListener('input', () => {
    input.value = input.value.replace(/\D/g, '').slice(0, 6)
  })
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    void flow?.submit(input.value)
  })
  // From idle (the first send failed, e.g. offline) only `send` asks again; `resend` is for a code already sent.
  resend.addEventListener('click', () => void (flow?.store.get().status === 'idle' ? flow.send() : flow?.resend()))
  cancel.addEventListener('click', () => {
    const leaving = number
    close()
    if (leaving) hooks.onCancelled(leaving)
  })

  function render(state: State, previous: State | undefined) {
    const busy = state.status === 'sending' || state.status === 'verifying'
    const dead = state.status === 'expired' || state.status === 'failed'
    lead.textContent = leadText(state)
    input.disabled = busy || state.status === 'idle'
    submit.disabled = busy || dead || state.status === 'idle'
    submit.textContent = state.status === 'verifying' ? 'Checking…' : 'Verify'
    section.dataset['status'] = state.status

    const problem = state.error ? describeError(state.error) : null
    error.textContent = problem?.message ?? (state.status === 'expired' ? 'This code has expired. Send a new code.' : '')
    input.setAttribute('aria-invalid', problem?.field === 'code' ? 'true' : 'false')

    expiry.textContent = expiryText(state)
    const wait = state.resendInSeconds
    resend.disabled = busy || wait > 0 || (state.status === 'idle' && !state.error)
    resend.textContent = wait > 0 ? `Resend code in ${clock(wait)}` : dead ? 'Send a new code' : state.status === 'idle' ? 'Send code' : 'Resend code'

    if (state.status === 'code-sent' && previous?.status === 'sending') {
      // Also after a refused (throttled) send: the code sent earlier still stands.
      input.focus()
      if (!state.error) {
        announce(`Code sent to ${displayNumber(String(state.phoneNumber))}.`, 'success')
        hooks.onSent()
      }
    }
    if (state.status === 'code-sent' && previous?.status === 'verifying' && state.error) input.select()
    if (state.status === 'verified') {
      announce(`${displayNumber(String(state.phoneNumber))} is verified.`, 'success')
      const phone = state.phoneNumber
      close()
      hooks.onVerified(phone)
    }
  }

  function open(phone: PhoneNumber) {
    close()
    number = String(phone)
    title.textContent = `Verify ${displayNumber(number)}`
    input.value = ''
    section.hidden = false
    const current = createVerificationFlow(phone, { now: serverNow })
    flow = current
    current.store.subscribe((state, previous) => {
      if (flow === current) render(state, previous)
    })
    section.scrollIntoView({ block: 'nearest' })
    void current.send()
  }

  function close() {
    flow?.destroy()
    flow = undefined
    number = null
    section.hidden = true
  }

  return {
    open,
    close,
    currentNumber: () => number,
    fill(code) {
      input.value = code
      input.focus()
    },
  }
}

function leadText(state: State): string {
  const to = displayNumber(String(state.phoneNumber))
  switch (state.status) {
    case 'idle': return `Ready to text a code to ${to}.`
    case 'sending': return `Sending a code to ${to}…`
    case 'verifying': return 'Checking the code…'
    case 'verified': return `${to} is verified.`
    case 'expired': return 'The code expired before it was used.'
    case 'failed': return state.error ? 'We could not verify this number.' : 'Too many wrong codes.'
    default: return `Enter the 6-digit code we texted to ${to}.`
  }
}

function expiryText(state: State): string {
  if (state.expiresInSeconds === null || state.status === 'verified') return ''
  if (state.expiresInSeconds <= 0) return 'Code expired.'
  return `Code expires in ${clock(state.expiresInSeconds)}.`
}

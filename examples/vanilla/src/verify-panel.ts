import { createVerificationFlow, type PhoneNumber, type VerificationFlowState } from 'dialkit'
import { serverNow } from './server-clock.js'
import { announce } from './announce.js'
import { extractCode, isTestNumber, TEST_CODE } from './code-input.js'
import { clock, h } from './dom.js'
import { displayNumber } from './phone-format.js'
import { errorFor, expiryText, leadText, noticeText } from './verify-text.js'

type State = VerificationFlowState<PhoneNumber>

export interface VerifyPanel {
  /** Opens the panel for `phone`; sends a code unless one sent earlier is still pending. Closes any open flow. */
  open(phone: PhoneNumber): void
  close(): void
  /** The number the panel is verifying, if open. */
  currentNumber(): string | null
  /** Puts a code in the input (the dev panel's "Use code"). */
  fill(code: string): void
  /** Closes the code step when another tab verified or deleted its number: nothing is left to type. */
  follow(phones: readonly PhoneNumber[]): void
}

export interface VerifyPanelHooks {
  onSent(): void
  onVerified(phone: PhoneNumber): void
  /** The code is dead (expired, too many wrong codes): the server's record changed, the list should show it. */
  onEnded(): void
  /** The person left with Cancel: focus goes back to that number's row. */
  onCancelled(e164: string): void
}

/** The code step, driven by dialkit's verification flow controller. */
export function createVerifyPanel(section: HTMLElement, hooks: VerifyPanelHooks): VerifyPanel {
  let flow: ReturnType<typeof createVerificationFlow<PhoneNumber>> | undefined
  let number: string | null = null

  const title = h('h2', { id: 'verify-title', class: 'card__title' })
  const lead = h('p', { class: 'card__hint', 'data-testid': 'verify-lead' })
  // No maxlength: see extractCode. The input handler keeps the value to six digits instead.
  const input = h('input', {
    id: 'code', name: 'code', type: 'text', inputmode: 'numeric', autocomplete: 'one-time-code',
    pattern: '[0-9]{6}', 'data-testid': 'code-input', 'aria-describedby': 'code-error code-notice code-meta',
    class: 'code-input', spellcheck: false,
  })
  const submit = h('button', { type: 'submit', class: 'btn btn--primary', 'data-testid': 'verify-submit' }, 'Verify')
  const error = h('p', { id: 'code-error', class: 'field-error', 'data-testid': 'verify-error', role: 'alert' })
  // Not a live region: it ticks every second, and the disabled Resend button already says the same.
  const notice = h('p', { id: 'code-notice', class: 'field-notice', 'data-testid': 'verify-notice' })
  const expiry = h('span', { 'data-testid': 'expiry' })
  const resend = h('button', { type: 'button', class: 'btn btn--link', 'data-testid': 'resend' }, 'Resend code')
  const cancel = h('button', { type: 'button', class: 'btn btn--ghost', 'data-testid': 'verify-cancel' }, 'Cancel')
  const form = h('form', { class: 'code-form', novalidate: true },
    h('label', { for: 'code' }, 'Verification code'),
    h('div', { class: 'code-row' }, input, submit),
    error,
    notice,
    h('p', { id: 'code-meta', class: 'code-meta' }, expiry, resend),
  )
  section.replaceChildren(title, lead, form, h('div', { class: 'form-actions' }, cancel))

  input.addEventListener('input', () => {
    input.value = extractCode(input.value)
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

  function renderControls(state: State) {
    const busy = state.status === 'sending' || state.status === 'verifying'
    const dead = state.status === 'expired' || state.status === 'failed'
    const typingWasHere = document.activeElement === input
    lead.textContent = leadText(state)
    input.disabled = busy || dead || state.status === 'idle'
    submit.disabled = input.disabled
    submit.textContent = state.status === 'verifying' ? 'Checking…' : 'Verify'
    section.dataset['status'] = state.status

    const problem = errorFor(state)
    error.textContent = problem?.message ?? ''
    notice.textContent = noticeText(state)
    input.setAttribute('aria-invalid', problem?.field === 'code' ? 'true' : 'false')

    expiry.textContent = expiryText(state)
    const wait = state.resendInSeconds
    resend.disabled = busy || wait > 0 || (state.status === 'idle' && !state.error)
    resend.textContent = wait > 0 ? `Resend code in ${clock(wait)}` : dead ? 'Send a new code' : state.status === 'idle' ? 'Send code' : 'Resend code'
    // A dead code disables its input; the only way on is a new code, so the keyboard goes there.
    if (dead && typingWasHere) resend.focus()
  }

  function render(state: State, previous: State | undefined) {
    renderControls(state)
    if (state.status === 'code-sent' && previous?.status === 'sending') {
      // Also after a refused (throttled) send: the code sent earlier still stands.
      input.focus()
      if (!state.error) announceSent(String(state.phoneNumber))
    }
    if (state.status === 'code-sent' && previous?.status === 'verifying' && state.error) input.select()
    if ((state.status === 'expired' || state.status === 'failed') && previous && previous.status !== state.status) hooks.onEnded()
    if (state.status === 'verified') {
      announce(`${displayNumber(String(state.phoneNumber))} is verified.`, 'success')
      const phone = state.phoneNumber
      close()
      hooks.onVerified(phone)
    }
  }

  function announceSent(e164: string) {
    const shown = displayNumber(e164)
    announce(isTestNumber(e164) ? `${shown} is a test number: no SMS, use ${TEST_CODE}.` : `Code sent to ${shown}.`, 'success')
    hooks.onSent()
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
    // A code sent earlier and still valid (the panel was closed, the page reloaded) is typed, not replaced:
    // a new SMS would throttle the next resend and leave the person with two codes, one of them dead.
    if (current.store.get().status === 'code-sent') input.focus()
    else void current.send()
  }

  function follow(phones: readonly PhoneNumber[]) {
    const status = flow?.store.get().status
    // This tab's own attempt ends the step itself (with its message and focus), after the store has the answer.
    if (!number || status === 'verifying' || status === 'verified') return
    const phone = phones.find((candidate) => String(candidate) === number)
    if (phone && phone.verification?.status !== 'verified') return
    const shown = displayNumber(number)
    close()
    announce(phone ? `${shown} was verified in another tab.` : `${shown} was removed in another tab.`)
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
    follow,
    currentNumber: () => number,
    fill(code) {
      input.value = code
      input.focus()
    },
  }
}

import { SignIn, SignUp, isApiResponseError, type DialkitClient } from 'dialkit'
import { extractCode } from './code-input.js'
import { h } from './dom.js'
import { describeError } from './messages.js'

type Mode = 'sign-in' | 'sign-up'
type Step = 'number' | 'code' | 'second'

export interface PhoneAuthOptions {
  /** A code was texted: the outbox panel should look now. */
  onSent(): void
}

export interface PhoneAuth {
  element: HTMLElement
  /** The E.164 number being signed in or up with, so the outbox panel can show its texts. */
  currentNumber(): string | null
  /** Back to the number step, forgetting any sign-in or sign-up in progress on this screen. */
  reset(): void
}

const TITLES: Record<Mode, string> = { 'sign-in': 'Sign in with your phone', 'sign-up': 'Create an account' }

/**
 * Phone sign-in (number → code → second factor when the account has one) and sign-up (number → code), on the
 * public SignIn and SignUp resources. Completion signs the client in, and the page follows its store.
 */
export function createPhoneAuth(client: DialkitClient, options: PhoneAuthOptions): PhoneAuth {
  let mode: Mode = 'sign-in'
  let step: Step = 'number'
  let backup = false
  let signIn: SignIn | null = null
  let signUp: SignUp | null = null

  const title = h('h2', { class: 'card__title', 'data-testid': 'phone-auth-title' })
  const hint = h('p', { class: 'card__hint', 'data-testid': 'phone-auth-hint' })
  const label = h('label', { for: 'auth-input' })
  const input = h('input', { id: 'auth-input', 'data-testid': 'auth-input', 'aria-describedby': 'auth-problem' })
  const problem = h('p', { id: 'auth-problem', class: 'field-error', role: 'alert', 'data-testid': 'phone-auth-error' })
  const offer = h('button', { type: 'button', class: 'btn btn--link btn--small', 'data-testid': 'auth-offer', hidden: true })
  const submit = h('button', { type: 'submit', class: 'btn btn--primary', 'data-testid': 'auth-submit' })
  const useBackup = h('button', { type: 'button', class: 'btn btn--link btn--small', 'data-testid': 'use-backup-code', hidden: true })
  const resend = h('button', { type: 'button', class: 'btn btn--ghost', 'data-testid': 'auth-resend', hidden: true }, 'Send a new code')
  const switcher = h('button', { type: 'button', class: 'btn btn--ghost', 'data-testid': 'auth-switch' })
  const form = h('form', { class: 'field', novalidate: true, 'data-testid': 'phone-auth' },
    label, input, problem, offer, h('div', { class: 'form-actions' }, submit, resend, useBackup))
  const element = h('section', { class: 'card auth__card', 'aria-labelledby': 'phone-auth-heading' },
    title, hint, form, h('div', { class: 'form-actions' }, switcher))
  title.id = 'phone-auth-heading'

  function show(next: { mode?: Mode; step: Step; keepInput?: boolean }) {
    mode = next.mode ?? mode
    step = next.step
    if (step !== 'second') backup = false
    element.dataset['step'] = step
    element.dataset['mode'] = mode
    title.textContent = step === 'second' ? 'Two-step verification' : TITLES[mode]
    hint.textContent = hintFor()
    label.textContent = step === 'number' ? 'Your mobile number' : backup ? 'Backup code' : 'Code we texted you'
    Object.assign(input, step === 'number'
      ? { type: 'tel', autocomplete: 'tel', inputMode: 'tel', placeholder: '(415) 555-2671' }
      : { type: 'text', autocomplete: 'one-time-code', inputMode: backup ? 'text' : 'numeric', placeholder: '' })
    if (!next.keepInput) input.value = ''
    submit.textContent = step === 'number' ? 'Send code' : 'Continue'
    useBackup.hidden = step !== 'second'
    resend.hidden = step === 'number' || backup
    useBackup.textContent = backup ? 'Use a text message instead' : 'Use a backup code'
    switcher.textContent = mode === 'sign-in' ? 'Create an account' : 'I have an account: sign in'
    switcher.hidden = step !== 'number'
    offer.hidden = true
    problem.textContent = ''
    if (!element.closest('[hidden]') && element.isConnected) input.focus()
  }

  function hintFor() {
    if (step === 'number') return 'A US number, or any number with its +country code. We text you a 6-digit code.'
    if (step === 'second') return backup ? 'Enter one of the backup codes you saved. Each works once.' : 'Enter the code we just texted to your second-factor number.'
    return `Enter the 6-digit code texted to ${currentNumber() ?? 'your phone'}.`
  }

  function currentNumber() {
    return mode === 'sign-in' ? (signIn?.identifier ?? null) : (signUp?.phoneNumber ?? null)
  }

  async function sendCode(number: string) {
    if (mode === 'sign-in') {
      signIn = await SignIn.create(client, { identifier: number, defaultCountry: 'US' })
      signIn = await signIn.prepareFirstFactor({ strategy: 'phone_code' })
    } else {
      signUp = await SignUp.create(client, { phoneNumber: number, defaultCountry: 'US' })
      signUp = await signUp.preparePhoneNumberVerification()
    }
    options.onSent()
    show({ step: 'code' })
  }

  async function checkCode(code: string) {
    if (mode === 'sign-up') {
      signUp = await signUp!.attemptPhoneNumberVerification({ code })
      return
    }
    if (step === 'code') {
      signIn = await signIn!.attemptFirstFactor({ strategy: 'phone_code', code })
      if (signIn.status !== 'needs_second_factor') return
      show({ step: 'second' })
      await sendAgain() // a refusal (the number's resend wait) shows on the second step, which offers a resend
      return
    }
    signIn = await signIn!.attemptSecondFactor({ strategy: backup ? 'backup_code' : 'phone_code', code })
  }

  /** Texts a code for the current step again (the first send of a second factor too). */
  async function sendAgain() {
    if (mode === 'sign-up') signUp = await signUp!.preparePhoneNumberVerification()
    else if (step === 'code') signIn = await signIn!.prepareFirstFactor({ strategy: 'phone_code' })
    else signIn = await signIn!.prepareSecondFactor({ strategy: 'phone_code' })
    options.onSent()
  }

  function explain(error: unknown, number: string) {
    problem.textContent = describeError(error).message
    const code = isApiResponseError(error) ? error.code : ''
    if (code === 'form_identifier_not_found') problem.textContent = 'No account uses this number.'
    const other: Mode | null = code === 'form_identifier_not_found' ? 'sign-up' : code === 'form_identifier_exists' ? 'sign-in' : null
    offer.hidden = !other
    if (!other) return input.focus()
    offer.textContent = other === 'sign-up' ? 'Create an account with this number' : 'Sign in with this number'
    offer.onclick = () => {
      show({ mode: other, step: 'number' })
      input.value = number
      void run()
    }
    offer.focus()
  }

  async function guarded(button: HTMLButtonElement, work: () => Promise<void>) {
    const value = input.value.trim()
    button.disabled = true
    problem.textContent = ''
    try {
      await work()
    } catch (error) {
      explain(error, value)
    } finally {
      button.disabled = false
    }
  }

  function run() {
    const value = input.value.trim()
    return guarded(submit, () => (step === 'number' ? sendCode(value) : checkCode(backup ? value : extractCode(value))))
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault()
    void run()
  })
  resend.addEventListener('click', () => void guarded(resend, async () => {
    await sendAgain()
    problem.textContent = ''
    input.focus()
  }))
  switcher.addEventListener('click', () => show({ mode: mode === 'sign-in' ? 'sign-up' : 'sign-in', step: 'number' }))
  useBackup.addEventListener('click', () => {
    backup = !backup
    show({ step: 'second' })
  })
  show({ step: 'number' })
  function reset() {
    signIn = null
    signUp = null
    show({ mode: 'sign-in', step: 'number' })
  }

  return { element, currentNumber, reset }
}

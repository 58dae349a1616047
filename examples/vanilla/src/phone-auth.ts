import { SignIn, SignUp, isApiResponseError, type DialkitClient } from 'dialkit'
import { extractCode } from './code-input.js'
import { createCountdown } from './countdown.js'
import { h } from './dom.js'
import { describeError, isThrottled } from './messages.js'
import { authHint, resendLabel, waitText, type AuthStep } from './phone-auth-text.js'
import { attachPhoneField, phoneNotice, type PhoneField } from './phone-field.js'

type Mode = 'sign-in' | 'sign-up'

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
  /** Puts the outbox's code for `to` in the code field (its "Use code"); false when no code step is open for `to`. */
  fill(to: string, code: string): boolean
}

const TITLES: Record<Mode, string> = { 'sign-in': 'Sign in with your phone', 'sign-up': 'Create an account' }
// The server's resend throttle (Clerk's and the emulator's): after a send, the next code of a step waits this long.
const RESEND_WAIT_SECONDS = 30

/**
 * Phone sign-in (number → code → second factor when the account has one) and sign-up (number → code), on the
 * public SignIn and SignUp resources. Completion signs the client in, and the page follows its store.
 */
export function createPhoneAuth(client: DialkitClient, options: PhoneAuthOptions): PhoneAuth {
  let mode: Mode = 'sign-in'
  let step: AuthStep = 'number'
  let backup = false
  let signIn: SignIn | null = null
  let signUp: SignUp | null = null
  // A refused send (429) is a wait, not an error: it counts down in `wait` and goes when the wait is over.
  let throttled = false
  let sentThisStep = false
  let field: PhoneField | undefined

  const title = h('h2', { class: 'card__title', id: 'phone-auth-heading', 'data-testid': 'phone-auth-title' })
  const hint = h('p', { class: 'card__hint', 'data-testid': 'phone-auth-hint' })
  const numberInput = h('input', {
    id: 'auth-number', type: 'tel', inputmode: 'tel', autocomplete: 'tel', 'data-testid': 'auth-number',
    'aria-describedby': 'auth-notice auth-wait auth-problem',
  })
  const notice = phoneNotice('auth-notice')
  const country = h('div', { class: 'field' }, h('label', { for: 'auth-country' }, 'Country'))
  const numberStep = h('div', { class: 'auth__number' }, country,
    h('div', { class: 'field' }, h('label', { for: 'auth-number' }, 'Your mobile number'), numberInput, notice))
  const codeLabel = h('label', { for: 'auth-code' })
  // No maxlength, as on the account page: the input handler finds the code in a paste (see extractCode).
  const codeInput = h('input', {
    id: 'auth-code', type: 'text', autocomplete: 'one-time-code', 'data-testid': 'auth-code',
    'aria-describedby': 'auth-wait auth-problem', spellcheck: false,
  })
  const codeStep = h('div', { class: 'field' }, codeLabel, codeInput)
  const wait = h('p', { id: 'auth-wait', class: 'field-notice', 'data-testid': 'auth-wait' })
  const problem = h('p', { id: 'auth-problem', class: 'field-error', role: 'alert', 'data-testid': 'phone-auth-error' })
  const offer = h('button', { type: 'button', class: 'btn btn--link btn--small', 'data-testid': 'auth-offer', hidden: true })
  const submit = h('button', { type: 'submit', class: 'btn btn--primary', 'data-testid': 'auth-submit' })
  const useBackup = h('button', { type: 'button', class: 'btn btn--link btn--small', 'data-testid': 'use-backup-code', hidden: true })
  const resend = h('button', { type: 'button', class: 'btn btn--ghost', 'data-testid': 'auth-resend', hidden: true })
  const switcher = h('button', { type: 'button', class: 'btn btn--ghost', 'data-testid': 'auth-switch' })
  const form = h('form', { class: 'field', novalidate: true, 'data-testid': 'phone-auth' },
    numberStep, codeStep, wait, problem, offer, h('div', { class: 'form-actions' }, submit, resend, useBackup))
  const element = h('section', { class: 'card auth__card', 'aria-labelledby': 'phone-auth-heading' },
    title, hint, form, h('div', { class: 'form-actions' }, switcher))

  const countdown = createCountdown((seconds) => {
    resend.disabled = seconds > 0
    resend.textContent = resendLabel(seconds)
    if (seconds === 0) throttled = false
    wait.textContent = throttled ? waitText(step, sentThisStep, seconds) : ''
  })
  // The countries come with the phone helpers; until then the number is read as a US one.
  void attachPhoneField(numberInput, notice, { countryId: 'auth-country', onEdit: () => (problem.textContent = '') })
    .then((attached) => {
      field = attached
      country.append(attached.picker.field)
    })

  function show(next: { mode?: Mode; step: AuthStep; keepNumber?: boolean }) {
    mode = next.mode ?? mode
    step = next.step
    if (step !== 'second') backup = false
    sentThisStep = false
    throttled = false
    countdown.stop()
    element.dataset['step'] = step
    element.dataset['mode'] = mode
    title.textContent = step === 'second' ? 'Two-step verification' : TITLES[mode]
    hint.textContent = authHint(step, backup, currentNumber(), signIn)
    numberStep.hidden = step !== 'number'
    codeStep.hidden = step === 'number'
    codeLabel.textContent = backup ? 'Backup code' : 'Code we texted you'
    codeInput.inputMode = backup ? 'text' : 'numeric'
    codeInput.value = ''
    if (step === 'number' && !next.keepNumber) field?.clear()
    submit.textContent = step === 'number' ? 'Send code' : 'Continue'
    useBackup.hidden = step !== 'second'
    resend.hidden = step === 'number' || backup
    useBackup.textContent = backup ? 'Use a text message instead' : 'Use a backup code'
    // Past the number step the other choice is a different number: a typo is not a dead end.
    switcher.textContent = step !== 'number' ? 'Use another number' : mode === 'sign-in' ? 'Create an account' : 'I have an account: sign in'
    offer.hidden = true
    problem.textContent = ''
    if (!element.closest('[hidden]') && element.isConnected) activeInput().focus()
  }

  const activeInput = () => (step === 'number' ? numberInput : codeInput)

  function currentNumber() {
    return mode === 'sign-in' ? (signIn?.identifier ?? null) : (signUp?.phoneNumber ?? null)
  }

  /** A code went out for this step: the next one waits for the server's resend throttle. */
  function sent() {
    options.onSent()
    sentThisStep = true
    countdown.start(RESEND_WAIT_SECONDS)
  }

  async function sendCode() {
    const { text, country: defaultCountry } = field?.value() ?? { text: numberInput.value, country: 'US' }
    if (mode === 'sign-in') {
      signIn = await SignIn.create(client, { identifier: text.trim(), defaultCountry })
      signIn = await signIn.prepareFirstFactor({ strategy: 'phone_code' })
    } else {
      signUp = await SignUp.create(client, { phoneNumber: text.trim(), defaultCountry })
      signUp = await signUp.preparePhoneNumberVerification()
    }
    show({ step: 'code' })
    sent()
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
    sent()
  }

  function explain(error: unknown, number: string) {
    if (isThrottled(error)) {
      throttled = true
      countdown.start(isApiResponseError(error) ? (error.retryAfter ?? RESEND_WAIT_SECONDS) : RESEND_WAIT_SECONDS)
      return activeInput().focus()
    }
    problem.textContent = describeError(error).message
    const code = isApiResponseError(error) ? error.code : ''
    if (code === 'form_identifier_not_found') problem.textContent = 'No account uses this number.'
    const other: Mode | null = code === 'form_identifier_not_found' ? 'sign-up' : code === 'form_identifier_exists' ? 'sign-in' : null
    offer.hidden = !other
    if (!other) return activeInput().focus()
    offer.textContent = other === 'sign-up' ? 'Create an account with this number' : 'Sign in with this number'
    offer.onclick = () => {
      show({ mode: other, step: 'number', keepNumber: true })
      numberInput.value = number
      void run()
    }
    offer.focus()
  }

  async function guarded(button: HTMLButtonElement, work: () => Promise<void>) {
    const number = numberInput.value
    button.disabled = true
    problem.textContent = ''
    try {
      await work()
    } catch (error) {
      explain(error, number)
    } finally {
      // The resend button stays disabled while its wait counts down.
      button.disabled = button === resend && countdown.seconds() > 0
    }
  }

  function run() {
    return guarded(submit, () => (step === 'number' ? sendCode() : checkCode(backup ? codeInput.value.trim() : extractCode(codeInput.value))))
  }

  codeInput.addEventListener('input', () => {
    problem.textContent = ''
    if (!backup) codeInput.value = extractCode(codeInput.value)
  })
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    void run()
  })
  resend.addEventListener('click', () => void guarded(resend, async () => {
    await sendAgain()
    codeInput.focus()
  }))
  switcher.addEventListener('click', () => {
    if (step !== 'number') return show({ step: 'number', keepNumber: true })
    show({ mode: mode === 'sign-in' ? 'sign-up' : 'sign-in', step: 'number' })
  })
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

  function fill(to: string, code: string) {
    if (step === 'number' || backup || currentNumber() !== to) return false
    codeInput.value = code
    codeInput.focus()
    return true
  }

  return { element, currentNumber, reset, fill }
}

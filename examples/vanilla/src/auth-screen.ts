import { h } from './dom.js'
import type { PhoneAuth } from './phone-auth.js'

export interface AuthScreen {
  show(): void
  hide(): void
}

export interface AuthScreenOptions {
  /** Signs in as a fresh demo user (a ticket minted by the demo server); rejects with a message to show. */
  continueAsDemoUser(): Promise<void>
  /** Phone sign-in and sign-up, shown above the demo user's way in. */
  phoneAuth: PhoneAuth
}

/**
 * What a signed-out visitor sees: phone sign-in and sign-up, or a fresh demo user, signed in with a ticket the
 * demo server mints through the backend client, as an app's own server would.
 */
export function createAuthScreen(root: HTMLElement, options: AuthScreenOptions): AuthScreen {
  const demo = h('button', { type: 'button', class: 'btn btn--primary auth__demo', 'data-testid': 'continue-demo' }, 'Continue as a demo user')
  const error = h('p', { class: 'field-error', role: 'alert', 'data-testid': 'auth-error' })
  root.replaceChildren(
    options.phoneAuth.element,
    h('section', { class: 'card auth__card' },
      h('h1', { id: 'auth-title', class: 'card__title' }, 'Or try it as a demo user'),
      h('p', { class: 'card__hint' },
        'A demo user is a new account with one verified test number (+1 XXX 555-01YY, code 424242). ',
        'Your browser keeps it until you sign out; a private window gets another one.'),
      error,
      h('div', { class: 'form-actions' }, demo)),
  )

  demo.addEventListener('click', async () => {
    demo.disabled = true
    demo.textContent = 'Signing in…'
    error.textContent = ''
    try {
      await options.continueAsDemoUser()
    } catch (caught) {
      error.textContent = caught instanceof Error ? caught.message : 'Could not sign in.'
      demo.focus()
    } finally {
      demo.disabled = false
      demo.textContent = 'Continue as a demo user'
    }
  })

  return {
    show() {
      root.hidden = false
      options.phoneAuth.reset()
      demo.focus()
    },
    hide() {
      root.hidden = true
    },
  }
}

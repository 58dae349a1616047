import type { PhoneNumber } from 'dialkit'
import { h } from './dom.js'
import { displayNumber } from './phone-format.js'
import { serverNow } from './server-clock.js'

export type PhoneAction = 'verify' | 'enable-2fa' | 'disable-2fa' | 'make-default' | 'set-primary' | 'delete'

export interface PhoneListView {
  phones: readonly PhoneNumber[]
  primaryId: string | null
  /** Ids with an operation in flight: their buttons are disabled. */
  busy: ReadonlySet<string>
}

const STATUS_LABEL: Record<string, [string, string]> = {
  verified: ['Verified', 'ok'],
  unverified: ['Unverified', 'warn'],
  expired: ['Code expired', 'warn'],
  failed: ['Verification failed', 'bad'],
}

/**
 * Renders the user's numbers with status and 2FA badges and the actions each one allows. Every render
 * replaces the rows, so keyboard focus on a row button is put back on the same button of the same number,
 * or on that row's first button when the action is gone, or on the list when the number is.
 */
export function renderPhoneList(list: HTMLElement, view: PhoneListView, act: (action: PhoneAction, phone: PhoneNumber) => void): void {
  const active = document.activeElement
  const focused = active instanceof HTMLElement && active !== list && list.contains(active)
    ? { phone: active.closest<HTMLElement>('[data-phone]')?.dataset['phone'], action: active.dataset['action'] }
    : null
  list.setAttribute('aria-busy', 'false')
  if (view.phones.length === 0) {
    list.replaceChildren(h('li', { class: 'phones__empty' }, 'No phone numbers yet. Add one below.'))
  } else {
    list.replaceChildren(...view.phones.map((phone) => renderRow(phone, view, act)))
  }
  if (!focused?.phone) return
  const row = list.querySelector<HTMLElement>(`[data-phone="${focused.phone}"]`)
  const same = row?.querySelector<HTMLElement>(`[data-action="${focused.action}"]`)
  if (same) same.focus()
  else focusPhone(list, focused.phone)
}

/** Focuses the first action of `e164`'s row (after verifying it, or leaving its verification), else the list. */
export function focusPhone(list: HTMLElement, e164: string): void {
  const first = list.querySelector<HTMLElement>(`[data-phone="${e164}"] button`)
  if (first) first.focus()
  else list.focus()
}

function renderRow(phone: PhoneNumber, view: PhoneListView, act: (action: PhoneAction, phone: PhoneNumber) => void) {
  const e164 = String(phone)
  const shown = displayNumber(e164)
  const status = phone.verification?.status ?? 'unverified'
  const verified = status === 'verified'
  const primary = phone.id === view.primaryId
  const busy = view.busy.has(phone.id)
  const [statusText, tone] = STATUS_LABEL[status] ?? [status, 'warn']
  // A code sent from this tab or another one and still valid: "Verify" opens on it instead of texting again.
  const pending = status === 'unverified' && (phone.verification?.expireAt?.getTime() ?? 0) > serverNow()

  const button = (action: PhoneAction, label: string, kind = 'ghost') =>
    h('button', {
      // aria-disabled, not disabled: a disabled button drops keyboard focus while its action runs.
      type: 'button', class: `btn btn--${kind} btn--small`, 'aria-disabled': busy ? 'true' : null,
      'data-action': action, 'aria-label': `${label}: ${shown}`, onclick: () => act(action, phone),
    }, label)

  return h('li', { class: 'phone', 'data-testid': 'phone-row', 'data-phone': e164, 'data-status': status, 'aria-busy': busy ? 'true' : 'false' },
    h('div', { class: 'phone__main' },
      h('span', { class: 'phone__number' }, shown),
      h('span', { class: 'badges' },
        h('span', { class: `badge badge--${tone}`, 'data-badge': 'status' }, statusText),
        pending && h('span', { class: 'badge badge--info', 'data-badge': 'code-sent' }, 'Code sent'),
        primary && h('span', { class: 'badge badge--primary', 'data-badge': 'primary' }, 'Primary'),
        secondFactorBadge(phone))),
    h('div', { class: 'phone__actions' },
      !verified && button('verify', 'Verify', 'primary'),
      verified && !phone.reservedForSecondFactor && button('enable-2fa', 'Use for 2FA'),
      verified && phone.reservedForSecondFactor && !phone.defaultSecondFactor && button('make-default', 'Make default'),
      verified && !primary && button('set-primary', 'Set as primary'),
      phone.reservedForSecondFactor && button('disable-2fa', 'Turn off 2FA'),
      button('delete', 'Delete', 'danger-ghost')))
}

// One badge per fact: the default second factor is a second factor, so it says "Default 2FA" and not both.
function secondFactorBadge(phone: PhoneNumber) {
  if (phone.defaultSecondFactor) return h('span', { class: 'badge badge--2fa-default', 'data-badge': 'default-2fa' }, 'Default 2FA')
  if (phone.reservedForSecondFactor) return h('span', { class: 'badge badge--2fa', 'data-badge': '2fa' }, '2FA')
  return null
}

import type { PhoneNumber } from 'dialkit'
import { h } from './dom.js'
import { displayNumber } from './phone-format.js'

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

/** Renders the user's numbers with status and 2FA badges and the actions each one allows. */
export function renderPhoneList(list: HTMLElement, view: PhoneListView, act: (action: PhoneAction, phone: PhoneNumber) => void): void {
  list.setAttribute('aria-busy', 'false')
  if (view.phones.length === 0) {
    list.replaceChildren(h('li', { class: 'phones__empty' }, 'No phone numbers yet. Add one below.'))
    return
  }
  list.replaceChildren(...view.phones.map((phone) => renderRow(phone, view, act)))
}

function renderRow(phone: PhoneNumber, view: PhoneListView, act: (action: PhoneAction, phone: PhoneNumber) => void) {
  const e164 = String(phone)
  const shown = displayNumber(e164)
  const status = phone.verification?.status ?? 'unverified'
  const verified = status === 'verified'
  const primary = phone.id === view.primaryId
  const busy = view.busy.has(phone.id)
  const [statusText, tone] = STATUS_LABEL[status] ?? [status, 'warn']

  const button = (action: PhoneAction, label: string, kind = 'ghost') =>
    h('button', {
      type: 'button', class: `btn btn--${kind} btn--small`, disabled: busy,
      'data-action': action, 'aria-label': `${label}: ${shown}`, onclick: () => act(action, phone),
    }, label)

  return h('li', { class: 'phone', 'data-testid': 'phone-row', 'data-phone': e164, 'data-status': status, 'aria-busy': busy ? 'true' : 'false' },
    h('div', { class: 'phone__main' },
      h('span', { class: 'phone__number' }, shown),
      h('span', { class: 'badges' },
        h('span', { class: `badge badge--${tone}`, 'data-badge': 'status' }, statusText),
        primary && h('span', { class: 'badge badge--primary', 'data-badge': 'primary' }, 'Primary'),
        phone.reservedForSecondFactor && h('span', { class: 'badge badge--2fa', 'data-badge': '2fa' }, '2FA'),
        phone.defaultSecondFactor && h('span', { class: 'badge badge--2fa-default', 'data-badge': 'default-2fa' }, 'Default 2FA'))),
    h('div', { class: 'phone__actions' },
      !verified && button('verify', 'Verify', 'primary'),
      verified && !phone.reservedForSecondFactor && button('enable-2fa', 'Use for 2FA'),
      verified && phone.reservedForSecondFactor && !phone.defaultSecondFactor && button('make-default', 'Make default'),
      verified && !primary && button('set-primary', 'Set as primary'),
      phone.reservedForSecondFactor && button('disable-2fa', 'Turn off 2FA'),
      button('delete', 'Delete', 'danger-ghost')))
}

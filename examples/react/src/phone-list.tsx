import type { PhoneNumber } from 'dialkit'
import type { PhoneAction } from './phone-actions.js'

interface PhoneListProps {
  phones: readonly PhoneNumber[]
  primaryId: string | null
  busyId: string | null
  onAction(action: PhoneAction, phone: PhoneNumber): void
}

/** The user's numbers with their badges and what can be done with each. */
export function PhoneList({ phones, primaryId, busyId, onAction }: PhoneListProps) {
  if (phones.length === 0) return <p className="hint">No phone numbers yet.</p>
  return (
    <ul className="phones">
      {phones.map((phone) => (
        <PhoneRow key={phone.id} phone={phone} primary={phone.id === primaryId} busy={busyId === phone.id} onAction={onAction} />
      ))}
    </ul>
  )
}

const STATUS_LABELS: Record<string, string> = { verified: 'Verified', unverified: 'Unverified', expired: 'Code expired', failed: 'Failed' }

interface RowProps {
  phone: PhoneNumber
  primary: boolean
  busy: boolean
  onAction(action: PhoneAction, phone: PhoneNumber): void
}

function PhoneRow({ phone, primary, busy, onAction }: RowProps) {
  const status = phone.verification?.status ?? 'unverified'
  const shown = phone.format('international')
  const verified = status === 'verified'
  const button = (action: PhoneAction, label: string, danger = false) => (
    <button
      type="button"
      className={`btn btn--small${danger ? ' btn--danger-ghost' : ' btn--ghost'}`}
      aria-label={`${label}: ${shown}`}
      disabled={busy}
      onClick={() => onAction(action, phone)}
    >
      {label}
    </button>
  )
  return (
    <li className="phones__row" data-testid="phone-row" data-phone={String(phone)} aria-busy={busy}>
      <div className="phones__head">
        <span className="phones__number">{shown}</span>
        <span className="badges">
          {primary && <span className="badge badge--primary">Primary</span>}
          <span className={`badge badge--${status}`} data-badge="status">{STATUS_LABELS[status] ?? status}</span>
          {phone.defaultSecondFactor ? (
            <span className="badge" data-badge="default-2fa">Default 2FA</span>
          ) : (
            phone.reservedForSecondFactor && <span className="badge" data-badge="2fa">2FA</span>
          )}
        </span>
      </div>
      <div className="phones__actions">
        {!verified && button('verify', 'Verify')}
        {verified && !phone.reservedForSecondFactor && button('enable-2fa', 'Use for 2FA')}
        {phone.reservedForSecondFactor && !phone.defaultSecondFactor && button('make-default', 'Make default')}
        {phone.reservedForSecondFactor && button('disable-2fa', 'Turn off 2FA')}
        {verified && !primary && button('set-primary', 'Set as primary')}
        {button('delete', 'Delete', true)}
      </div>
    </li>
  )
}

import type { PhoneNumber } from 'dialkit'

interface PhoneListProps {
  phones: readonly PhoneNumber[]
  primaryId: string | null
  onVerify(id: string): void
}

/** The user's numbers with their status badges; unverified ones offer "Verify". */
export function PhoneList({ phones, primaryId, onVerify }: PhoneListProps) {
  if (phones.length === 0) return <p className="hint">No phone numbers yet.</p>
  return (
    <ul className="phones">
      {phones.map((phone) => (
        <PhoneRow key={phone.id} phone={phone} primary={phone.id === primaryId} onVerify={onVerify} />
      ))}
    </ul>
  )
}

function PhoneRow({ phone, primary, onVerify }: { phone: PhoneNumber; primary: boolean; onVerify(id: string): void }) {
  const status = phone.verification?.status ?? 'unverified'
  const formatted = phone.format('international')
  return (
    <li className="phones__row">
      <span className="phones__number">{formatted}</span>
      <span className={`badge badge--${status}`}>{status}</span>
      {primary && <span className="badge">primary</span>}
      {phone.reservedForSecondFactor && <span className="badge">2FA</span>}
      {status !== 'verified' && (
        <button type="button" className="btn btn--small" aria-label={`Verify ${formatted}`} onClick={() => onVerify(phone.id)}>
          Verify
        </button>
      )}
    </li>
  )
}

import type { PhoneNumber, User } from 'dialkit'
import type { ConfirmText } from './dialogs.js'

const lastFour = (phone: PhoneNumber) => String(phone).slice(-4)

/** Deleting: a plain question, or a typed one for the primary or last number (and it says what else goes). */
export function deleteConfirmation(user: User, phone: PhoneNumber, shown: string): ConfirmText {
  const primary = phone.id === user.primaryPhoneNumberId
  const last = user.phoneNumbers.length === 1
  const onlySecondFactor = isOnlySecondFactor(user, phone)
  const consequences = [
    'You will no longer be able to receive codes or sign in with this number.',
    primary && !last && 'It is your primary number: another verified number of yours becomes primary, if you have one.',
    last && 'It is the last number on your account.',
    onlySecondFactor && 'It is your only second factor, so two-step verification turns off.',
  ].filter(Boolean).join(' ')
  if (!primary && !last && !onlySecondFactor) return { title: `Delete ${shown}?`, body: consequences, confirm: 'Delete number' }
  return {
    title: last ? `Delete your last number, ${shown}?` : primary ? `Delete your primary number, ${shown}?` : `Delete ${shown}?`,
    body: consequences,
    confirm: 'Delete number',
    typeToConfirm: { label: `Type its last four digits (${lastFour(phone)}) to confirm`, value: lastFour(phone) },
  }
}

/** Turning 2FA off for the account's only second factor turns two-step verification off: asked, typed. */
export function disableSecondFactorConfirmation(user: User, phone: PhoneNumber, shown: string): ConfirmText | null {
  if (!isOnlySecondFactor(user, phone)) return null
  return {
    title: 'Turn off two-step verification?',
    body: `${shown} is your only second factor. Without it, signing in asks for no second step.`,
    confirm: 'Turn off 2FA',
    typeToConfirm: { label: `Type its last four digits (${lastFour(phone)}) to confirm`, value: lastFour(phone) },
  }
}

function isOnlySecondFactor(user: User, phone: PhoneNumber): boolean {
  const factors = user.phoneNumbers.filter((p) => p.reservedForSecondFactor)
  return factors.length === 1 && factors[0]!.id === phone.id
}

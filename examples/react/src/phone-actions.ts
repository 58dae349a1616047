import type { PhoneNumber } from 'dialkit'
import { useClient } from 'dialkit/react'
import { useState } from 'react'
import type { ConfirmRequest } from './dialogs.js'
import { describeError } from './messages.js'
import type { Notice } from './notice.js'

/** What a row's buttons do. */
export type PhoneAction = 'verify' | 'enable-2fa' | 'disable-2fa' | 'make-default' | 'set-primary' | 'delete'

interface Deps {
  confirm(request: ConfirmRequest): Promise<boolean>
  onNotice(notice: Notice): void
  onBackupCodes(codes: readonly string[]): void
  onVerify(id: string): void
}

/**
 * Runs row actions one at a time per number, with a notice for the outcome. The store re-renders the list
 * with the new instances; nothing here keeps a copy of them.
 */
export function usePhoneActions({ confirm, onNotice, onBackupCodes, onVerify }: Deps) {
  const client = useClient()
  const [busyId, setBusyId] = useState<string | null>(null)

  const handlers: Record<Exclude<PhoneAction, 'verify'>, (phone: PhoneNumber, shown: string) => Promise<string | null>> = {
    async 'enable-2fa'(phone, shown) {
      const updated = await phone.setReservedForSecondFactor({ reserved: true })
      // The first second factor comes with one-time backup codes; later ones do not.
      if (updated.backupCodes?.length) onBackupCodes(updated.backupCodes)
      return `${shown} is now a second factor.`
    },
    async 'disable-2fa'(phone, shown) {
      const others = client.user?.phoneNumbers.filter((other) => other.reservedForSecondFactor && other.id !== phone.id) ?? []
      if (others.length === 0) {
        const sure = await confirm({
          title: 'Turn off two-step verification?',
          body: `${shown} is your only second factor. Without it, signing in asks for no second step.`,
          confirmLabel: 'Turn off 2FA',
          typeToConfirm: typeLastFour(phone),
        })
        if (!sure) return null
      }
      await phone.setReservedForSecondFactor({ reserved: false })
      return `${shown} is no longer a second factor.`
    },
    async 'make-default'(phone, shown) {
      await phone.makeDefaultSecondFactor()
      return `${shown} is now your default second factor.`
    },
    async 'set-primary'(phone, shown) {
      await client.user!.update({ primaryPhoneNumberId: phone.id })
      return `${shown} is now your primary number.`
    },
    async delete(phone, shown) {
      const user = client.user
      const last = (user?.phoneNumbers.length ?? 0) <= 1
      const primary = user?.primaryPhoneNumberId === phone.id
      const onlySecondFactor = phone.reservedForSecondFactor && !user?.phoneNumbers.some((other) => other.reservedForSecondFactor && other.id !== phone.id)
      const sure = await confirm({
        title: last ? `Delete your last number, ${shown}?` : primary ? `Delete your primary number, ${shown}?` : `Delete ${shown}?`,
        body: last
          ? 'It is your only phone number: you will not be able to receive codes or sign in with a phone any more.'
          : primary
            ? 'It is your primary number; another number becomes primary.'
            : onlySecondFactor
              ? 'It is your only second factor, so two-step verification turns off.'
              : 'You will no longer receive codes or sign in with this number.',
        confirmLabel: 'Delete number',
        // The primary or last number, or the only second factor, is asked for by its digits; any other by a click.
        ...(last || primary || onlySecondFactor ? { typeToConfirm: typeLastFour(phone) } : {}),
      })
      if (!sure) return null
      await phone.destroy()
      return `${shown} was deleted.`
    },
  }

  function run(action: PhoneAction, phone: PhoneNumber) {
    if (action === 'verify') return onVerify(phone.id)
    if (busyId) return
    const shown = phone.format('international')
    setBusyId(phone.id)
    handlers[action](phone, shown)
      .then((text) => text && onNotice({ tone: 'success', text }))
      .catch((error: unknown) => onNotice({ tone: 'error', text: describeError(error).message }))
      .finally(() => setBusyId(null))
  }

  return { busyId, run }
}

function typeLastFour(phone: PhoneNumber): { label: string; value: string } {
  const digits = String(phone).slice(-4)
  return { label: `Type its last four digits (${digits}) to confirm`, value: digits }
}

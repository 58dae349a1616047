import type { DialkitClient, User } from 'dialkit'
import { announce } from './announce.js'
import { confirmAction, showBackupCodes } from './dialogs.js'
import { describeError } from './messages.js'

export interface NewBackupCodes {
  /** Shown only while the account has a second factor: backup codes mean nothing without one. */
  render(user: User): void
}

/**
 * "New backup codes": replaces the account's codes (every old one stops working, so it asks first) and shows
 * the new ones once, in the same dialog as the first set, which survives Escape and offers a download.
 */
export function mountNewBackupCodes(button: HTMLButtonElement, client: DialkitClient): NewBackupCodes {
  button.addEventListener('click', async () => {
    const user = client.store.get().user
    if (!user || button.disabled) return
    const replace = await confirmAction({
      title: 'Make new backup codes?',
      body: 'Your current backup codes stop working at once. You will see the new ones only this time.',
      confirm: 'Make new codes',
    })
    if (!replace) return
    button.disabled = true
    try {
      const { codes } = await user.createBackupCode()
      await showBackupCodes(codes)
      announce('New backup codes saved. The old ones no longer work.', 'success')
    } catch (error) {
      announce(describeError(error).message, 'error')
    } finally {
      button.disabled = false
    }
  })
  return {
    render(user) {
      button.hidden = !user.twoFactorEnabled
    },
  }
}

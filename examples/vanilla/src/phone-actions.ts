import { isApiResponseError, type DialkitClient, type PhoneNumber } from 'dialkit'
import { announce } from './announce.js'
import { deleteConfirmation, disableSecondFactorConfirmation } from './confirm-texts.js'
import { confirmAction, showBackupCodes } from './dialogs.js'
import { describeError } from './messages.js'
import { displayNumber } from './phone-format.js'
import type { PhoneAction } from './phone-list.js'
import type { VerifyPanel } from './verify-panel.js'

interface Deps {
  client: DialkitClient
  busy: Set<string>
  verify: VerifyPanel
  rerender(): void
}

/** What each row button does. The store re-renders the list; this only adds busy state and messages. */
export function createPhoneActions({ client, busy, verify, rerender }: Deps) {
  const user = () => {
    const current = client.store.get().user
    if (!current) throw new Error('Signed out')
    return current
  }

  async function withBusy(phone: PhoneNumber, work: () => Promise<string | void>) {
    busy.add(phone.id)
    rerender()
    try {
      const done = await work()
      if (done) announce(done, 'success')
    } catch (error) {
      announce(describeError(error).message, 'error')
      // Removed where this tab could not hear of it (another browser, a suspended tab): the row is stale.
      if (isApiResponseError(error) && error.code === 'resource_not_found') void client.load().catch(() => undefined)
    } finally {
      busy.delete(phone.id)
      rerender()
    }
  }

  const handlers: Record<PhoneAction, (phone: PhoneNumber, shown: string) => Promise<string | void> | void> = {
    verify: (phone) => verify.open(phone),
    'enable-2fa': async (phone, shown) => {
      const updated = await phone.setReservedForSecondFactor({ reserved: true })
      if (updated.backupCodes?.length) await showBackupCodes(updated.backupCodes)
      return `${shown} is now a second factor.`
    },
    'disable-2fa': async (phone, shown) => {
      const question = disableSecondFactorConfirmation(user(), phone, shown)
      if (question && !(await confirmAction(question))) return
      await phone.setReservedForSecondFactor({ reserved: false })
      return `${shown} is no longer a second factor.`
    },
    'make-default': async (phone, shown) => {
      await phone.makeDefaultSecondFactor()
      return `${shown} is now your default second factor.`
    },
    'set-primary': async (phone, shown) => {
      await user().update({ primaryPhoneNumberId: phone.id })
      return `${shown} is now your primary number.`
    },
    delete: async (phone, shown) => {
      if (!(await confirmAction(deleteConfirmation(user(), phone, shown)))) return
      if (verify.currentNumber() === String(phone)) verify.close()
      await phone.destroy()
      return `${shown} was deleted.`
    },
  }

  return {
    run(action: PhoneAction, phone: PhoneNumber) {
      if (busy.has(phone.id)) return
      const shown = displayNumber(String(phone))
      if (action === 'verify') return void handlers.verify(phone, shown)
      void withBusy(phone, async () => handlers[action](phone, shown))
    },
    async create(phoneNumber: string, country: string): Promise<PhoneNumber> {
      const phone = await user().createPhoneNumber({ phoneNumber, defaultCountry: country })
      announce(`${displayNumber(String(phone))} added.`)
      return phone
    },
  }
}

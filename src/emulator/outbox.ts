/**
 * What an SMS was sent for: verifying a user's number, a sign-in's first or second factor, or a
 * sign-up's phone number.
 *
 * @example
 * ```ts
 * const purpose: SmsPurpose = 'sign_in_first_factor'
 * emu.outbox.latest('+14155552671', purpose)?.code
 * ```
 */
export type SmsPurpose = 'phone_number_verification' | 'sign_in_first_factor' | 'sign_in_second_factor' | 'sign_up_verification'

/**
 * One SMS the emulator "sent" instead of handing it to a carrier.
 *
 * @example
 * ```ts
 * const sms: SmsMessage | undefined = emu.outbox.latest('+14155552671')
 * sms?.body // 'Your verification code is 123456.\n\n@localhost #123456'
 * ```
 */
export interface SmsMessage {
  /** `sms_…`, unique per message. */
  id: string
  /** E.164 recipient. */
  to: string
  /** The full text, ending in the WebOTP line `@host #code`. */
  body: string
  /** The verification code alone. */
  code: string
  /** What the code verifies. */
  purpose: SmsPurpose
  /** Unix milliseconds (emulator clock). */
  createdAt: number
}

/**
 * Read side of the SMS outbox, newest first.
 *
 * @example
 * ```ts
 * emu.outbox.clear()
 * const off = emu.outbox.onMessage((sms) => console.log(sms.to, sms.code))
 * ```
 */
export interface Outbox {
  /** Every message kept (the last 1000), newest first; copies. */
  list(): SmsMessage[]
  /** Newest message, optionally only those sent to `phone` (E.164, `+` optional) and sent for `purpose`. */
  latest(phone?: string, purpose?: SmsPurpose): SmsMessage | undefined
  /** Forgets the messages; `onMessage` listeners stay. */
  clear(): void
  /** Calls `listener` for every message sent from now on; returns an unsubscribe function. */
  onMessage(listener: (message: SmsMessage) => void): () => void
}

/** The outbox plus the write side the emulator uses. */
export interface OutboxController extends Outbox {
  add(message: SmsMessage): void
}

const MAX_MESSAGES = 1000

function digits(phone: string): string {
  return phone.replace(/\D/g, '')
}

/**
 * Creates an in-memory SMS outbox (kept to the last 1000 messages so long runs stay bounded).
 *
 * @example
 * ```ts
 * const outbox = createOutbox()
 * outbox.latest('+14155552671')?.code
 * ```
 */
export function createOutbox(): OutboxController {
  let messages: SmsMessage[] = []
  const listeners = new Set<(message: SmsMessage) => void>()
  return {
    list: () => messages.map((message) => ({ ...message })),
    latest(phone, purpose) {
      const found = messages.find((m) => (phone === undefined || digits(m.to) === digits(phone)) && (purpose === undefined || m.purpose === purpose))
      return found && { ...found }
    },
    clear() {
      messages = []
    },
    onMessage(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    add(message) {
      messages = [message, ...messages].slice(0, MAX_MESSAGES)
      for (const listener of listeners) listener({ ...message })
    },
  }
}

import type { SmsMessage, SmsPurpose } from 'dialkit/emulator'
import { DialkitError } from '../errors/dialkit-error.js'
import type { DevSurface } from './dev-surface.js'

/**
 * Options of `kit.waitForSms()` and `kit.waitForCode()`.
 *
 * @example
 * ```ts
 * const first = await kit.waitForSms('+14155552671')
 * const resent = await kit.waitForCode('+14155552671', { after: first, purpose: 'phone_number_verification', timeout: 10_000 })
 * ```
 */
export interface WaitForSmsOptions {
  /** Only a text sent for this purpose (a number's verification, a sign-in factor, a sign-up). */
  purpose?: SmsPurpose
  /** Only a text newer than this one, e.g. the code before a resend. */
  after?: SmsMessage
  /** How long to wait, in real milliseconds. Default 15000, as long as the SDK waits for an answer (a loaded CI machine is slow). */
  timeout?: number
}

/** How often an emulator reached over HTTP is asked again; an in-process one pushes instead. */
const POLL_MS = 25

interface Wanted {
  phoneNumber: string
  purpose: SmsPurpose | undefined
  after: SmsMessage | undefined
}

/** The newest text to the number (and purpose): the one a person would read on their phone. */
export function newestFor(messages: SmsMessage[], wanted: Omit<Wanted, 'after'>): SmsMessage | undefined {
  return messages.find((sms) => sms.to === wanted.phoneNumber && (wanted.purpose === undefined || sms.purpose === wanted.purpose))
}

function isWanted(sms: SmsMessage | undefined, { after }: Wanted): sms is SmsMessage {
  return sms !== undefined && (after === undefined || (sms.id !== after.id && sms.createdAt >= after.createdAt))
}

function noSms({ phoneNumber, purpose, after }: Wanted, timeout: number): DialkitError {
  const what = `${purpose ? `${purpose} ` : ''}code${after ? ` newer than ${after.code}` : ''}`
  return new DialkitError(`dialkit/testing: no ${what} arrived for ${phoneNumber} within ${timeout} ms (was it sent? test numbers send none)`)
}

/**
 * Resolves with the newest wanted text as soon as there is one: at once if it is already in the outbox, else
 * when it arrives, pushed by an in-process emulator or found by asking a remote one every 25 ms.
 */
export function waitForSms(surface: DevSurface, wanted: Wanted, timeout: number): Promise<SmsMessage> {
  return surface.subscribe ? pushed(surface, surface.subscribe, wanted, timeout) : polled(surface, wanted, Date.now() + timeout, timeout)
}

function pushed(surface: DevSurface, subscribe: NonNullable<DevSurface['subscribe']>, wanted: Wanted, timeout: number): Promise<SmsMessage> {
  return new Promise((resolve, reject) => {
    // Listening starts before the outbox is read, so a text sent in between cannot be missed.
    const finish = (sms: SmsMessage | undefined, error?: unknown) => {
      if (!isWanted(sms, wanted) && error === undefined) return
      clearTimeout(timer)
      stop()
      if (error === undefined) resolve(sms!)
      else reject(error)
    }
    const stop = subscribe((sms) => finish(newestFor([sms], wanted)))
    const timer = setTimeout(() => finish(undefined, noSms(wanted, timeout)), timeout)
    surface.messages().then((messages) => finish(newestFor(messages, wanted)), (error: unknown) => finish(undefined, error))
  })
}

async function polled(surface: DevSurface, wanted: Wanted, deadline: number, timeout: number): Promise<SmsMessage> {
  for (;;) {
    const found = newestFor(await surface.messages(), wanted)
    if (isWanted(found, wanted)) return found
    if (Date.now() >= deadline) throw noSms(wanted, timeout)
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(POLL_MS, deadline - Date.now()))))
  }
}

import type { Country, PhoneFormatter } from './phone-lazy.js'
import { loadPhone as load, phoneIfLoaded } from './load.js'

export type { Country, PhoneFormatter }

/** How {@link formatPhone} and `PhoneNumber.format()` display a number. @example formatPhone(e164, 'national') */
export type PhoneFormat = 'national' | 'international'

/**
 * Loads the phone metadata (libphonenumber-js `min`, a separate chunk) ahead of time, so the sync
 * formatters format instead of falling back to E.164. Parsing loads it too.
 *
 * @example
 * await preloadPhone()
 * phone.format('national') // '(201) 555-0123'
 */
export async function preloadPhone(): Promise<void> {
  await load()
}

/**
 * Parses user input to E.164: `+1 201 555 0123`, `12015550123` (E.164 without `+`), or national input with
 * a `defaultCountry`. "Possible" numbers pass, so Clerk's test numbers `+1 XXX 555-01YY` work.
 *
 * @throws ValidationError `phone_number_invalid` (paramName `phone_number`); `param_invalid` (paramName
 * `default_country`) for a `defaultCountry` that is not an ISO code libphonenumber knows
 * @example
 * ```ts
 * await parsePhone('(201) 555-0123', { defaultCountry: 'US' }) // '+12015550123'
 * ```
 */
export async function parsePhone(input: string, options?: { defaultCountry?: string }): Promise<string> {
  return (await load()).parse(input, options?.defaultCountry)
}

/**
 * Formats an E.164 number for display. Sync: before the metadata is loaded (see {@link preloadPhone}) it
 * returns the E.164 string unchanged and starts loading, so a later render is formatted.
 *
 * @example
 * formatPhone('+12015550123', 'international') // '+1 201 555 0123' once loaded
 */
export function formatPhone(e164: string, style: PhoneFormat = 'international'): string {
  const phone = phoneIfLoaded()
  if (phone) return phone.formatE164(e164, style)
  load().catch(() => undefined)
  return e164
}

/**
 * An as-you-type formatter for a phone input.
 *
 * @example
 * const formatter = await createPhoneFormatter('US')
 * input.value = formatter.input(input.value) // '(201) 555-0'
 * formatter.getNumber()                      // '+12015550123' once complete
 */
export async function createPhoneFormatter(defaultCountry?: string): Promise<PhoneFormatter> {
  return (await load()).formatter(defaultCountry)
}

/**
 * Every country libphonenumber knows, with its calling code, for a country picker.
 *
 * @example
 * ```ts
 * const options = (await listCountries()).map((c) => `${c.code} +${c.callingCode}`)
 * ```
 */
export async function listCountries(): Promise<Country[]> {
  return (await load()).countries()
}

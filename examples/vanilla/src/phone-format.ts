// The demo's only contact with phone formatting; everything comes from dialkit's phone helpers.
import { createPhoneFormatter, formatPhone, type PhoneFormatter } from 'dialkit'

/** `+14155552671` → `+1 415 555 2671` (E.164 until the phone metadata chunk has loaded). */
export function displayNumber(e164: string): string {
  return formatPhone(e164, 'international')
}

const formatters = new Map<string, Promise<PhoneFormatter>>()

/** An as-you-type formatter for `country`, created once per country. */
export function formatterFor(country: string): Promise<PhoneFormatter> {
  let formatter = formatters.get(country)
  if (!formatter) {
    formatter = createPhoneFormatter(country)
    formatters.set(country, formatter)
  }
  return formatter
}

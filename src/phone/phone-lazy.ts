// The lazy chunk: the only module that imports libphonenumber-js. Loaded through ./load.ts with a
// dynamic import(), so its ~29 KB gzip stays out of the first load. It also refuses bad input itself, with
// the error classes of the first load (a shared chunk): the refusals' code and messages then cost the first
// load nothing.
import {
  AsYouType,
  getCountries,
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberWithError,
  type CountryCode,
} from 'libphonenumber-js/min'
import { ValidationError } from '../errors/validation-error.js'

/**
 * User input as E.164, for `parsePhone()` and `createPhoneNumber()`.
 *
 * @throws ValidationError `phone_number_invalid` (paramName `phone_number`), `param_invalid` (paramName
 * `default_country`)
 */
export function parse(input: unknown, country?: unknown): string {
  const e164 = typeof input == 'string' ? toE164(input, country) : undefined
  if (e164 === null) badCountry()
  if (!e164) {
    // Without the input: it may be anything (an object String() throws on), and the message may be shown.
    throw new ValidationError('phone_number_invalid', 'Not a phone number', { paramName: 'phone_number' })
  }
  return e164
}

/** An as-you-type formatter, for `createPhoneFormatter()`. @throws ValidationError `param_invalid` (`default_country`) */
export function formatter(country?: unknown): PhoneFormatter {
  return createFormatter(country) ?? badCountry()
}

function badCountry(): never {
  throw new ValidationError('param_invalid', 'defaultCountry must be a country code libphonenumber knows, such as US or GB', {
    paramName: 'default_country',
  })
}

/**
 * Parses to E.164 or returns `undefined`. "Possible" (right length) is enough: Clerk's test numbers are not
 * "valid". `null` when the country, not the number, is wrong.
 */
function toE164(input: string, country?: unknown): string | undefined | null {
  const defaultCountry = toCountryCode(country)
  if (defaultCountry === null) return null
  const candidates = /^\s*\+/.test(input) || !defaultCountry ? [withPlus(input)] : [input, withPlus(input)]
  for (const candidate of candidates) {
    try {
      const parsed = parsePhoneNumberWithError(candidate, defaultCountry)
      if (parsed.isPossible()) return parsed.number
    } catch {
      // Not parseable as this candidate; try the next reading.
    }
  }
  return undefined
}

/**
 * A `defaultCountry` option as libphonenumber wants it: upper-cased, since it only knows `US` and 'us' from a
 * hand-written select must not fail as a bad number; an empty select ('') means none. `null` for anything
 * else (the `Country` object of `listCountries()`, a number, `ZZ`).
 */
function toCountryCode(country: unknown): CountryCode | undefined | null {
  if (country === undefined || country === null || country === '') return undefined
  const code = typeof country === 'string' ? country.toUpperCase() : ''
  return isSupportedCountry(code) ? code : null
}

// E.164 without "+" is what Clerk's own backend docs pass, so digits alone are read as international.
function withPlus(input: string): string {
  return /^\s*\+/.test(input) ? input : `+${input.trim()}`
}

/** National or international display of an E.164 number; the input unchanged when it cannot be parsed. */
export function formatE164(e164: string, style: 'national' | 'international'): string {
  try {
    const parsed = parsePhoneNumberWithError(e164)
    return style === 'national' ? parsed.formatNational() : parsed.formatInternational()
  } catch {
    return e164
  }
}

/**
 * A stateful as-you-type formatter, from `createPhoneFormatter()`.
 *
 * @example
 * input.value = formatter.input(input.value)
 */
export interface PhoneFormatter {
  /** Feeds the whole current text and returns it formatted. */
  input(text: string): string
  /** The E.164 number typed so far, once it is possible. */
  getNumber(): string | undefined
  /** The country the number belongs to, once known. */
  getCountry(): string | undefined
}

/** `null` for a country {@link toCountryCode} refuses. */
function createFormatter(country?: unknown): PhoneFormatter | null {
  const defaultCountry = toCountryCode(country)
  if (defaultCountry === null) return null
  const typer = new AsYouType(defaultCountry)
  return {
    input(text) {
      if (typeof text != 'string') throw new ValidationError('param_invalid', 'The text to format must be a string', { paramName: 'text' })
      typer.reset()
      return typer.input(text)
    },
    getNumber: () => {
      const number = typer.getNumber()
      return number?.isPossible() ? number.number : undefined
    },
    getCountry: () => typer.getCountry(),
  }
}

/** A country and its calling code. @example `{ code: 'US', callingCode: '1' }` */
export interface Country {
  /** ISO 3166-1 alpha-2, e.g. `US`. */
  code: string
  /** Without `+`, e.g. `1`. */
  callingCode: string
}

export function countries(): Country[] {
  return getCountries().map((code) => ({ code, callingCode: getCountryCallingCode(code) }))
}

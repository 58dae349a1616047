// The lazy chunk: the only module that imports libphonenumber-js. Loaded through ./load.ts with a
// dynamic import(), so its ~29 KB gzip stays out of the first load.
import {
  AsYouType,
  getCountries,
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberWithError,
  type CountryCode,
} from 'libphonenumber-js/min'

/**
 * Parses to E.164 or returns `undefined`. "Possible" (right length) is enough: Clerk's test numbers are not
 * "valid". `null` when the country, not the number, is wrong: helpers.ts throws then, so that this chunk
 * imports nothing from the first load (a bundler would split a shared chunk off for it).
 */
export function toE164(input: string, country?: string): string | undefined | null {
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
export function createFormatter(country?: string): PhoneFormatter | null {
  const defaultCountry = toCountryCode(country)
  if (defaultCountry === null) return null
  const typer = new AsYouType(defaultCountry)
  return {
    input(text) {
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

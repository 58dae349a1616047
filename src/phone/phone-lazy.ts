// The lazy chunk: the only module that imports libphonenumber-js. Loaded through ./load.ts with a
// dynamic import(), so its ~29 KB gzip stays out of the first load.
import {
  AsYouType,
  getCountries,
  getCountryCallingCode,
  parsePhoneNumberWithError,
  type CountryCode,
} from 'libphonenumber-js/min'

/** Parses to E.164 or returns `undefined`. "Possible" (right length) is enough: Clerk's test numbers are not "valid". */
export function toE164(input: string, country?: string): string | undefined {
  // libphonenumber only knows upper-case ISO codes; 'us' from a hand-written select must not fail as a bad number.
  const defaultCountry = country?.toUpperCase()
  const candidates = /^\s*\+/.test(input) || !defaultCountry ? [withPlus(input)] : [input, withPlus(input)]
  for (const candidate of candidates) {
    try {
      const parsed = parsePhoneNumberWithError(candidate, defaultCountry as CountryCode | undefined)
      if (parsed.isPossible()) return parsed.number
    } catch {
      // Not parseable as this candidate; try the next reading.
    }
  }
  return undefined
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

export function createFormatter(defaultCountry?: string): PhoneFormatter {
  const typer = new AsYouType(defaultCountry as CountryCode | undefined)
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

import { listCountries as listPhoneCountries } from 'dialkit'

export interface CountryOption {
  code: string
  /** The country's name in the page's language. */
  name: string
  /** Without `+`. */
  callingCode: string
  /** `United Kingdom (+44)` */
  label: string
}

/** Every country dialkit knows, named in the page's language and sorted by name. */
export async function listCountries(locale: string = navigator.language): Promise<CountryOption[]> {
  const names = new Intl.DisplayNames([locale, 'en'], { type: 'region' })
  const countries = await listPhoneCountries()
  return countries
    .map(({ code, callingCode }) => ({ code, name: names.of(code) ?? code, callingCode }))
    .sort((a, b) => a.name.localeCompare(b.name, locale))
    .map(({ code, name, callingCode }) => ({ code, name, callingCode, label: `${name} (+${callingCode})` }))
}

/** The region of the first browser language that has one (`en-GB` → GB), else US. */
export function defaultCountry(known: ReadonlySet<string>, languages: readonly string[] = navigator.languages): string {
  for (const language of languages) {
    const region = new Intl.Locale(language).maximize().region
    if (region && known.has(region)) return region
  }
  return 'US'
}

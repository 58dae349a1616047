/** What the number field keeps, and what it left out so the form can say so instead of dropping it silently. */
export interface PhoneInputText {
  text: string
  /** `extension`: a trailing `ext. 12`/`x12`/`#12`; `letters`: any other letter. */
  dropped: { kind: 'extension' | 'letters'; what: string } | null
}

// From the first `ext`, `x`, `#` or `;` on, the rest is an extension (`ext. 12`, `x12`, `#12`).
const EXTENSION = /\s*(?:ext\b\.?|extension\b|x|#|;).*$/i

/**
 * Splits typed text into what a phone number can hold (digits, `+`, spaces, punctuation) and what it cannot.
 * The field keeps showing what was typed; the form says what will be left out and sends only `text`.
 */
export function splitPhoneInput(raw: string): PhoneInputText {
  const extension = EXTENSION.exec(raw)
  if (extension && /\d/.test(raw.slice(0, extension.index))) {
    return { text: raw.slice(0, extension.index), dropped: { kind: 'extension', what: extension[0].trim() } }
  }
  const letters = raw.match(/\p{L}/gu)
  if (letters) return { text: raw.replace(/\p{L}/gu, ''), dropped: { kind: 'letters', what: letters.join('') } }
  return { text: raw, dropped: null }
}

export function droppedMessage(dropped: NonNullable<PhoneInputText['dropped']>): string {
  return dropped.kind === 'extension'
    ? `“${dropped.what}” will be left out: a number that receives texts has no extension.`
    : `Letters (“${dropped.what}”) will be left out: a phone number is digits.`
}

/** The placeholder for `country`: a real example for the US (a test number), else what to type. */
export function placeholderFor(country: { code: string; callingCode: string } | undefined): string {
  if (!country || country.code === 'US') return '(201) 555-0123'
  return `National number, +${country.callingCode} is added`
}

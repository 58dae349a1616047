/** What a number field keeps, and what it leaves out, so the form can say so instead of dropping it without a word. */
export interface LeftOut {
  /** What is sent. */
  kept: string
  /** The sentence saying what is not, or null. */
  notice: string | null
}

// From the first `ext`, `x`, `#` or `;` after a digit on, the rest is an extension (`ext. 12`, `x12`, `#12`).
const EXTENSION = /\s*(?:ext\b\.?|extension\b|x|#|;).*$/i

/** `415 555 2671 ext. 12` keeps `415 555 2671` and says the extension goes; letters likewise. */
export function leftOut(text: string): LeftOut {
  const extension = EXTENSION.exec(text)
  if (extension && /\d/.test(text.slice(0, extension.index))) {
    const what = extension[0].trim()
    return { kept: text.slice(0, extension.index), notice: `“${what}” will be left out: a number that receives texts has no extension.` }
  }
  const letters = text.match(/\p{L}/gu)
  if (letters) return { kept: text.replace(/\p{L}/gu, ''), notice: `Letters (“${letters.join('')}”) will be left out: a phone number is digits.` }
  return { kept: text, notice: null }
}

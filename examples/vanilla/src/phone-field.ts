import { createCountryPicker, type CountryPicker } from './country-picker.js'
import { defaultCountry, listCountries } from './countries.js'
import { h } from './dom.js'
import { formatterFor } from './phone-format.js'
import { droppedMessage, placeholderFor, splitPhoneInput } from './phone-input-text.js'

export interface PhoneField {
  /** The country search and select, for the form to lay out beside the input. */
  readonly picker: CountryPicker
  /** What to send: the text without what a number cannot hold, and the country it is read in. */
  value(): { text: string; country: string }
  /** Empties the input and its notice. */
  clear(): void
}

export interface PhoneFieldOptions {
  /** The country select's id (its label's `for`); the search box's is `${countryId}-search`. */
  countryId: string
  /** The person changed the number or its country: a field error about the old value is stale. */
  onEdit(): void
}

/**
 * The number input of every form that takes one (add a number, sign in, sign up), so they behave alike: the
 * placeholder follows the country, typing formats as you go, a pasted `+44 …` picks its country, and what
 * a number cannot hold (an extension, letters) is named in `notice` instead of dropped without a word.
 */
export async function attachPhoneField(input: HTMLInputElement, notice: HTMLElement, options: PhoneFieldOptions): Promise<PhoneField> {
  const countries = await listCountries()
  const picker = createCountryPicker(countries, defaultCountry(new Set(countries.map((c) => c.code))), options.countryId)
  const byCode = new Map(countries.map((c) => [c.code, c]))
  input.placeholder = placeholderFor(byCode.get(picker.select.value))
  let formatter = await formatterFor(picker.select.value)

  input.addEventListener('input', (event) => {
    options.onEdit()
    const { text, dropped } = splitPhoneInput(input.value)
    notice.textContent = dropped ? droppedMessage(dropped) : ''
    // Fed what will be sent every time, so the country below is that of this text, also of `+44 … ext. 1`.
    const formatted = formatter.input(text)
    // Reformat only while typing digits at the end, so editing in the middle keeps the caret where it is
    // and an extension or letters stay visible beside the notice that says they will be left out.
    const atEnd = input.selectionStart === input.value.length
    const deleting = (event as InputEvent).inputType?.startsWith('delete')
    if (atEnd && !deleting && !dropped) input.value = formatted
    // `+44 …` names its country: the picker follows, so what is shown matches what will be parsed.
    const typedCountry = text.trim().startsWith('+') ? formatter.getCountry() : undefined
    if (typedCountry) picker.choose(typedCountry)
  })
  picker.onChange(async (code) => {
    options.onEdit()
    input.placeholder = placeholderFor(byCode.get(code))
    formatter = await formatterFor(code)
    if (input.value && !input.value.trim().startsWith('+')) input.value = formatter.input(input.value.replace(/[^\d+]/g, ''))
  })

  return {
    picker,
    value: () => ({ text: splitPhoneInput(input.value).text, country: picker.select.value }),
    clear() {
      input.value = ''
      notice.textContent = ''
    },
  }
}

/** The notice under a number input (what will be left out), read out as it changes. */
export function phoneNotice(id: string): HTMLParagraphElement {
  return h('p', { id, class: 'field-notice', 'data-testid': id, 'aria-live': 'polite' })
}

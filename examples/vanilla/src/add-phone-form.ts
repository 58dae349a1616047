import type { PhoneNumber } from 'dialkit'
import { createCountryPicker } from './country-picker.js'
import { defaultCountry, listCountries } from './countries.js'
import { h } from './dom.js'
import { describeError } from './messages.js'
import { formatterFor } from './phone-format.js'
import { droppedMessage, placeholderFor, splitPhoneInput } from './phone-input-text.js'

export interface AddPhoneFormOptions {
  /** Creates the number on the server; rejects with a dialkit error. */
  create(phoneNumber: string, country: string): Promise<PhoneNumber>
  onAdded(phone: PhoneNumber): void
}

/** Country picker + national number input with as-you-type formatting, a field error and a field notice. */
export async function mountAddPhoneForm(form: HTMLFormElement, options: AddPhoneFormOptions): Promise<void> {
  const countries = await listCountries()
  const picker = createCountryPicker(countries, defaultCountry(new Set(countries.map((c) => c.code))))
  const byCode = new Map(countries.map((c) => [c.code, c]))
  const input = h('input', {
    id: 'phone', name: 'phone', type: 'tel', inputmode: 'tel', autocomplete: 'tel-national',
    'data-testid': 'phone-input', 'aria-describedby': 'phone-hint phone-notice phone-error',
    placeholder: placeholderFor(byCode.get(picker.select.value)),
  })
  const notice = h('p', { id: 'phone-notice', class: 'field-notice', 'data-testid': 'phone-notice', 'aria-live': 'polite' })
  const error = h('p', { id: 'phone-error', class: 'field-error', 'data-testid': 'phone-error' })
  const submit = h('button', { type: 'submit', class: 'btn btn--primary', 'data-testid': 'add-submit' }, 'Add and send code')

  form.replaceChildren(
    h('div', { class: 'field field--country' }, h('label', { for: 'country' }, 'Country'), picker.field),
    h('div', { class: 'field field--phone' },
      h('label', { for: 'phone' }, 'Phone number'),
      input,
      h('p', { id: 'phone-hint', class: 'hint' }, 'We will text a 6-digit code to this number. You can also type +country code.'),
      notice,
      error),
    h('div', { class: 'form-actions' }, submit),
  )

  const setError = (message: string) => {
    error.textContent = message
    input.setAttribute('aria-invalid', message ? 'true' : 'false')
  }

  let formatter = await formatterFor(picker.select.value)
  input.addEventListener('input', (event) => {
    setError('')
    const { dropped } = splitPhoneInput(input.value)
    notice.textContent = dropped ? droppedMessage(dropped) : ''
    // Reformat only while typing digits at the end, so editing in the middle keeps the caret where it is
    // and an extension or letters stay visible beside the notice that says they will be left out.
    const atEnd = input.selectionStart === input.value.length
    const deleting = (event as InputEvent).inputType?.startsWith('delete')
    if (atEnd && !deleting && !dropped) input.value = formatter.input(input.value)
    // `+44 …` names its country: the picker follows, so what is shown matches what will be parsed.
    const typedCountry = input.value.trim().startsWith('+') ? formatter.getCountry() : undefined
    if (typedCountry) picker.choose(typedCountry)
  })
  picker.onChange(async (code) => {
    setError('')
    input.placeholder = placeholderFor(byCode.get(code))
    formatter = await formatterFor(code)
    if (input.value && !input.value.trim().startsWith('+')) input.value = formatter.input(input.value.replace(/[^\d+]/g, ''))
  })

  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    if (!input.value.trim()) {
      setError('Enter a phone number.')
      input.focus()
      return
    }
    submit.disabled = true
    submit.textContent = 'Adding…'
    try {
      const phone = await options.create(splitPhoneInput(input.value).text, picker.select.value)
      input.value = ''
      notice.textContent = ''
      setError('')
      options.onAdded(phone)
    } catch (caught) {
      setError(describeError(caught).message)
      input.focus()
    } finally {
      submit.disabled = false
      submit.textContent = 'Add and send code'
    }
  })
}

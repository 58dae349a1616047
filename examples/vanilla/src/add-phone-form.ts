import type { PhoneNumber } from 'dialkit'
import { defaultCountry, listCountries } from './countries.js'
import { h } from './dom.js'
import { describeError } from './messages.js'
import { formatterFor } from './phone-format.js'

export interface AddPhoneFormOptions {
  /** Creates the number on the server; rejects with a dialkit error. */
  create(phoneNumber: string, country: string): Promise<PhoneNumber>
  onAdded(phone: PhoneNumber): void
}

/** Country select + national number input with as-you-type formatting and a field error. */
export async function mountAddPhoneForm(form: HTMLFormElement, options: AddPhoneFormOptions): Promise<void> {
  const countries = await listCountries()
  const initial = defaultCountry(new Set(countries.map((c) => c.code)))
  const select = h('select', { id: 'country', name: 'country', 'data-testid': 'country', autocomplete: 'tel-country-code' },
    ...countries.map((c) => h('option', { value: c.code, selected: c.code === initial }, c.label)))
  const input = h('input', {
    id: 'phone', name: 'phone', type: 'tel', inputmode: 'tel', autocomplete: 'tel-national',
    'data-testid': 'phone-input', 'aria-describedby': 'phone-hint phone-error', placeholder: '(201) 555-0123',
  })
  const error = h('p', { id: 'phone-error', class: 'field-error', 'data-testid': 'phone-error' })
  const submit = h('button', { type: 'submit', class: 'btn btn--primary', 'data-testid': 'add-submit' }, 'Add and send code')

  form.replaceChildren(
    h('div', { class: 'field field--country' }, h('label', { for: 'country' }, 'Country'), select),
    h('div', { class: 'field field--phone' },
      h('label', { for: 'phone' }, 'Phone number'),
      input,
      h('p', { id: 'phone-hint', class: 'hint' }, 'We will text a 6-digit code to this number. You can also type +country code.'),
      error),
    h('div', { class: 'form-actions' }, submit),
  )

  const setError = (message: string) => {
    error.textContent = message
    input.setAttribute('aria-invalid', message ? 'true' : 'false')
  }

  let formatter = await formatterFor(select.value)
  input.addEventListener('input', (event) => {
    setError('')
    // Reformat only while typing at the end, so editing in the middle keeps the caret where it is.
    const atEnd = input.selectionStart === input.value.length
    const deleting = (event as InputEvent).inputType?.startsWith('delete')
    if (atEnd && !deleting) input.value = formatter.input(input.value)
  })
  select.addEventListener('change', async () => {
    setError('')
    formatter = await formatterFor(select.value)
    if (input.value) input.value = formatter.input(input.value.replace(/[^\d+]/g, ''))
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
      const phone = await options.create(input.value, select.value)
      input.value = ''
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

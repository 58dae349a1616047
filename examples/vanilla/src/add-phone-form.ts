import type { PhoneNumber } from 'dialkit'
import { h } from './dom.js'
import { describeError } from './messages.js'
import { attachPhoneField, phoneNotice } from './phone-field.js'

export interface AddPhoneFormOptions {
  /** Creates the number on the server; rejects with a dialkit error. */
  create(phoneNumber: string, country: string): Promise<PhoneNumber>
  onAdded(phone: PhoneNumber): void
}

/** Country picker + national number input with as-you-type formatting, a field error and a field notice. */
export async function mountAddPhoneForm(form: HTMLFormElement, options: AddPhoneFormOptions): Promise<void> {
  const input = h('input', {
    id: 'phone', name: 'phone', type: 'tel', inputmode: 'tel', autocomplete: 'tel-national',
    'data-testid': 'phone-input', 'aria-describedby': 'phone-hint phone-notice phone-error',
  })
  const notice = phoneNotice('phone-notice')
  const error = h('p', { id: 'phone-error', class: 'field-error', 'data-testid': 'phone-error' })
  const submit = h('button', { type: 'submit', class: 'btn btn--primary', 'data-testid': 'add-submit' }, 'Add and send code')
  const setError = (message: string) => {
    error.textContent = message
    input.setAttribute('aria-invalid', message ? 'true' : 'false')
  }
  const field = await attachPhoneField(input, notice, { countryId: 'country', onEdit: () => setError('') })

  form.replaceChildren(
    h('div', { class: 'field field--country' }, h('label', { for: 'country' }, 'Country'), field.picker.field),
    h('div', { class: 'field field--phone' },
      h('label', { for: 'phone' }, 'Phone number'),
      input,
      h('p', { id: 'phone-hint', class: 'hint' }, 'We will text a 6-digit code to this number. You can also type +country code.'),
      notice,
      error),
    h('div', { class: 'form-actions' }, submit),
  )

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
      const { text, country } = field.value()
      const phone = await options.create(text, country)
      field.clear()
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

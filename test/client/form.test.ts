import { describe, expect, it } from 'vitest'
import { camelToSnake, encodeForm } from '../../src/client/form.js'

describe('encodeForm', () => {
  it('encodes like clerk-js: undefined dropped, null empty, booleans and numbers as text', () => {
    const body = { definedValue: 'test', undefinedValue: undefined, nullValue: null, falseValue: false, zeroValue: 0, emptyString: '' }
    expect(encodeForm(body).toString()).toBe('defined_value=test&null_value=&false_value=false&zero_value=0&empty_string=')
  })

  it('repeats keys for arrays and sends objects as JSON', () => {
    expect(encodeForm({ ids: ['a', 'b'], meta: { x: 1 } }).toString()).toBe('ids=a&ids=b&meta=%7B%22x%22%3A1%7D')
  })

  it('snake-cases camelCase keys and leaves snake_case alone', () => {
    expect([camelToSnake('primaryPhoneNumberId'), camelToSnake('phone_number')]).toEqual(['primary_phone_number_id', 'phone_number'])
  })
})

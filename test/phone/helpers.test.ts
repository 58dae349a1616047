import { afterEach, describe, expect, it, vi } from 'vitest'
import { isDialkitError, isValidationError } from '../../src/index.js'

// Each test imports a fresh copy, so "before the chunk loaded" really is before.
async function fresh() {
  vi.resetModules()
  return import('../../src/phone/index.js')
}

afterEach(() => {
  vi.doUnmock('../../src/phone/phone-lazy.js')
})

describe('parsePhone', () => {
  it.each([
    ['+1 (201) 555-0123', {}, '+12015550123'],
    ['12015550123', {}, '+12015550123'],
    ['201-555-0123', { defaultCountry: 'US' }, '+12015550123'],
    ['(201) 555-0100', { defaultCountry: 'us' }, '+12015550100'],
    ['+44 20 7183 8750', { defaultCountry: 'US' }, '+442071838750'],
    ['442071838750', { defaultCountry: 'US' }, '+442071838750'],
    ['+1 555 123 4567', {}, '+15551234567'],
  ])('parses %s %j to %s', async (input, options, e164) => {
    const { parsePhone } = await fresh()
    await expect(parsePhone(input, options)).resolves.toBe(e164)
  })

  it.each(['', 'phone', '+1 201', 42 as unknown as string])('refuses %j with phone_number_invalid', async (input) => {
    const { parsePhone } = await fresh()
    const error = await parsePhone(input).catch((e: unknown) => e)
    // A fresh module copy has its own classes; the guards work across copies.
    expect(isValidationError(error)).toBe(true)
    expect(error).toMatchObject({ code: 'phone_number_invalid', paramName: 'phone_number' })
  })

  it.each<[string, unknown]>([
    ['an object without a prototype', Object.create(null)],
    ['a Symbol', Symbol('+12015550123')],
    ['an object whose toString throws', { toString: () => { throw new Error('boom') } }],
  ])('refuses %s with phone_number_invalid, not the error of turning it into text', async (_, input) => {
    const { parsePhone } = await fresh()
    const error = await parsePhone(input as string).catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'ValidationError', code: 'phone_number_invalid', message: 'Not a phone number' })
  })

  it('takes null options as none', async () => {
    const { parsePhone } = await fresh()
    await expect(parsePhone('+12015550123', null as never)).resolves.toBe('+12015550123')
  })
})

describe('defaultCountry', () => {
  it.each([
    ['the Country object listCountries() returns', { code: 'US', name: 'United States', callingCode: '1' }],
    ['a number', 1],
    ['a code libphonenumber does not know', 'ZZ'],
  ])('refuses %s with param_invalid naming default_country', async (_, defaultCountry) => {
    const { parsePhone, createPhoneFormatter } = await fresh()
    for (const attempt of [parsePhone('201-555-0123', { defaultCountry: defaultCountry as string }), createPhoneFormatter(defaultCountry as string)]) {
      const error = await attempt.catch((e: unknown) => e)
      expect(isValidationError(error)).toBe(true)
      expect(error).toMatchObject({ code: 'param_invalid', paramName: 'default_country' })
    }
  })
})

describe('formatPhone', () => {
  it('returns E.164 before the metadata loaded, then formats', async () => {
    const { formatPhone, preloadPhone } = await fresh()
    expect(formatPhone('+12015550123', 'national')).toBe('+12015550123')
    await preloadPhone()
    expect(formatPhone('+12015550123', 'national')).toBe('(201) 555-0123')
    expect(formatPhone('+442071838750')).toBe('+44 20 7183 8750')
    expect(formatPhone('garbage', 'national')).toBe('garbage')
  })
})

describe('createPhoneFormatter', () => {
  it('formats as you type and yields E.164 once the number is possible', async () => {
    const { createPhoneFormatter } = await fresh()
    const formatter = await createPhoneFormatter('US')
    expect(formatter.input('2015550')).toBe('(201) 555-0')
    expect(formatter.getNumber()).toBeUndefined()
    expect(formatter.input('2015550123')).toBe('(201) 555-0123')
    expect(formatter.getNumber()).toBe('+12015550123')
    expect(formatter.getCountry()).toBe('US')
  })

  it.each([undefined, null, 2015550123, {}])('refuses to format %j as you type with param_invalid naming text', async (text) => {
    const { createPhoneFormatter } = await fresh()
    const formatter = await createPhoneFormatter('US')
    formatter.input('201')
    const error = (() => {
      try {
        formatter.input(text as never)
      } catch (caught) {
        return caught
      }
    })()
    expect(isValidationError(error)).toBe(true)
    expect(error).toMatchObject({ code: 'param_invalid', paramName: 'text' })
    expect(formatter.input('2015550123')).toBe('(201) 555-0123')
  })
})

describe('listCountries', () => {
  it('lists countries with calling codes', async () => {
    const { listCountries } = await fresh()
    const countries = await listCountries()
    expect(countries.length).toBeGreaterThan(200)
    expect(countries).toContainEqual({ code: 'US', callingCode: '1' })
    expect(countries).toContainEqual({ code: 'GB', callingCode: '44' })
  })
})

describe('loading the phone chunk', () => {
  it('turns a failed load into a DialkitError and lets a later call retry', async () => {
    vi.resetModules()
    vi.doMock('../../src/phone/phone-lazy.js', () => {
      throw new Error('chunk failed')
    })
    const { parsePhone } = await import('../../src/phone/index.js')
    const error = await parsePhone('+12015550123').catch((e: unknown) => e)
    expect(isDialkitError(error)).toBe(true)
    expect((error as Error).message).toMatch(/phone number metadata/)
    vi.doUnmock('../../src/phone/phone-lazy.js')
    await expect(parsePhone('+12015550123')).resolves.toBe('+12015550123')
  })
})

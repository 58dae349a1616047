import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import {
  ApiResponseError,
  DialkitError,
  NetworkError,
  ValidationError,
  isApiResponseError,
  isDialkitError,
  isNetworkError,
  isValidationError,
} from '../../src/errors/index.js'

const apiError = () =>
  new ApiResponseError({
    status: 422,
    errors: [{ code: 'form_code_incorrect', message: 'is incorrect', longMessage: 'Incorrect code', meta: { paramName: 'code' } }],
  })

describe('error guards', () => {
  it('recognise each class and reject the others', () => {
    const network = new NetworkError('offline', 'You are offline')
    const validation = new ValidationError('code_invalid', 'Enter the code', { paramName: 'code' })
    expect([isApiResponseError(apiError()), isNetworkError(network), isValidationError(validation)]).toEqual([true, true, true])
    expect([isApiResponseError(network), isNetworkError(validation), isValidationError(apiError())]).toEqual([false, false, false])
    expect([network, validation, apiError()].every(isDialkitError)).toBe(true)
  })

  it('reject plain errors and non-objects', () => {
    expect(isDialkitError(new Error('x'))).toBe(false)
    expect(isDialkitError(null)).toBe(false)
    expect(isDialkitError('ApiResponseError')).toBe(false)
    expect(isApiResponseError({ name: 'ApiResponseError' })).toBe(false)
  })

  it('work across realms, where instanceof fails', () => {
    const foreign = runInNewContext(
      `const e = new Error('x'); e.name = 'NetworkError'; e[Symbol.for('dialkit.error')] = true; e`,
    ) as unknown
    expect(foreign instanceof DialkitError).toBe(false)
    expect(isNetworkError(foreign)).toBe(true)
  })
})

describe('ApiResponseError', () => {
  it('takes its message, code and field from the first error', () => {
    const error = apiError()
    expect(error.message).toBe('Incorrect code')
    expect(error.code).toBe('form_code_incorrect')
    expect(error.paramName).toBe('code')
    expect(error.name).toBe('ApiResponseError')
  })

  it('falls back to the status when the body had no errors', () => {
    const error = new ApiResponseError({ status: 502, errors: [], cause: new Error('bad gateway') })
    expect(error.message).toBe('Request failed with status 502')
    expect(error.code).toBe('unknown_error')
    expect(error.paramName).toBeUndefined()
    expect(error.cause).toBeInstanceOf(Error)
  })

  it('is frozen so a handler cannot corrupt what another handler reads', () => {
    const error = apiError()
    expect(Object.isFrozen(error.errors)).toBe(true)
    expect(Object.isFrozen(error.errors[0]?.meta)).toBe(true)
  })
})

describe('NetworkError and ValidationError', () => {
  it('keep their reason, url, code, field and cause', () => {
    const cause = new TypeError('Failed to fetch')
    const network = new NetworkError('failed', 'Could not reach the server', { cause, url: 'http://x/v1/client' })
    expect([network.reason, network.url, network.cause]).toEqual(['failed', 'http://x/v1/client', cause])
    const validation = new ValidationError('phone_number_invalid', 'Not a phone number', { paramName: 'phone_number' })
    expect([validation.code, validation.paramName, validation.name]).toEqual(['phone_number_invalid', 'phone_number', 'ValidationError'])
  })
})

import { describe, expect, it } from 'vitest'
import { parsePublishableKey, resolveFrontendApi } from '../../src/client/publishable-key.js'
import { ValidationError } from '../../src/errors/index.js'

const key = (prefix: string, host: string) => `${prefix}${btoa(host)}`

describe('parsePublishableKey', () => {
  it('decodes a local host to http and any other host to https', () => {
    expect(parsePublishableKey(key('pk_test_', 'localhost:4010$'))).toBe('http://localhost:4010')
    expect(parsePublishableKey(key('pk_test_', '127.0.0.1:4010$'))).toBe('http://127.0.0.1:4010')
    expect(parsePublishableKey(key('pk_test_', '[::1]:4010$'))).toBe('http://[::1]:4010')
    expect(parsePublishableKey(key('pk_live_', 'clerk.example.com$'))).toBe('https://clerk.example.com')
  })

  it.each([
    ['no prefix', btoa('clerk.example.com$')],
    ['a secret key', key('sk_test_', 'clerk.example.com$')],
    ['no trailing $', key('pk_test_', 'clerk.example.com')],
    ['only $', key('pk_test_', '$')],
    ['not base64', 'pk_test_%%%'],
    ['a path in the host', key('pk_test_', 'evil.com/x$')],
  ])('refuses %s with publishable_key_invalid', (_, value) => {
    expect(() => parsePublishableKey(value)).toThrow(expect.objectContaining({ code: 'publishable_key_invalid', paramName: 'publishable_key' }))
    expect(() => parsePublishableKey(value)).toThrow(ValidationError)
  })
})

describe('resolveFrontendApi', () => {
  it('keeps URLs, drops trailing slashes and adds a scheme to bare hosts', () => {
    expect(resolveFrontendApi('http://localhost:4010/')).toBe('http://localhost:4010')
    expect(resolveFrontendApi('https://example.com/proxy/')).toBe('https://example.com/proxy')
    expect(resolveFrontendApi('clerk.example.com')).toBe('https://clerk.example.com')
    expect(resolveFrontendApi('localhost:4010')).toBe('http://localhost:4010')
  })

  it('refuses something that is not a host', () => {
    expect(() => resolveFrontendApi('not a host')).toThrow(expect.objectContaining({ code: 'config_invalid' }))
  })
})

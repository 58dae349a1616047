import { describe, expect, it, vi } from 'vitest'

const WATCHED = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location'] as const

describe("importing 'dialkit'", () => {
  it('touches no browser global and runs nothing at import time (node environment)', async () => {
    const touched: string[] = []
    const restore = WATCHED.map((name) => {
      const original = Object.getOwnPropertyDescriptor(globalThis, name)
      Object.defineProperty(globalThis, name, {
        configurable: true,
        get() {
          touched.push(name)
          return original?.get ? original.get.call(globalThis) : original?.value
        },
      })
      return () => (original ? Object.defineProperty(globalThis, name, original) : delete (globalThis as Record<string, unknown>)[name])
    })
    const fetch = vi.spyOn(globalThis, 'fetch')
    try {
      vi.resetModules()
      await import('../src/index.js')
    } finally {
      restore.forEach((undo) => undo())
    }
    expect(touched).toEqual([])
    expect(fetch).not.toHaveBeenCalled()
    fetch.mockRestore()
  })

  it('exports exactly what an app needs: no transport, resource context, emitter or resource constructor', async () => {
    const dialkit = await import('../src/index.js')
    // A new export is a decision: add it here and to the API report (etc/dialkit.api.md) together.
    expect(Object.keys(dialkit).sort()).toEqual([
      'ApiResponseError',
      'ClientResource',
      'DialkitError',
      'NetworkError',
      'PhoneNumber',
      'Session',
      'SignIn',
      'SignUp',
      'User',
      'ValidationError',
      'Verification',
      'createClient',
      'createPhoneFormatter',
      'createVerificationFlow',
      'formatPhone',
      'isApiResponseError',
      'isDialkitError',
      'isNetworkError',
      'isValidationError',
      'isWebOtpSupported',
      'listCountries',
      'parsePhone',
      'phoneHelpersReady',
      'preloadPhone',
      'signInFirstFactor',
      'signInSecondFactor',
      'signUpPhoneNumber',
    ])
    expect('draft' in dialkit.PhoneNumber).toBe(false)
  })

  it('keeps the client free of internals: no context, transport or emitter on it', async () => {
    const { createClient } = await import('../src/index.js')
    const client = createClient({ frontendApi: 'http://localhost:4010', crossTab: false })
    expect(Object.keys(client).sort()).toEqual(['close', 'frontendApi', 'load', 'on', 'session', 'signIn', 'signOut', 'store', 'user'])
  })
})

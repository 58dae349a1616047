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

  it('exports the SDK core API (other parts add theirs)', async () => {
    const dialkit = await import('../src/index.js')
    expect(Object.keys(dialkit)).toEqual(
      expect.arrayContaining([
        'ApiResponseError',
        'ClientResource',
        'DialkitError',
        'IdentificationLink',
        'NetworkError',
        'PhoneNumber',
        'Session',
        'User',
        'ValidationError',
        'Verification',
        'createClient',
        'createContext',
        'createEmitter',
        'createPhoneFormatter',
        'formatPhone',
        'isApiResponseError',
        'isDialkitError',
        'isNetworkError',
        'isValidationError',
        'listCountries',
        'parsePhone',
        'parsePublishableKey',
        'preloadPhone',
      ]),
    )
  })
})

import { afterEach, expect, it, vi } from 'vitest'

const saved = ['navigator', 'window'].map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)] as const)

afterEach(() => {
  for (const [name, descriptor] of saved) {
    if (descriptor) Object.defineProperty(globalThis, name, descriptor)
    else delete (globalThis as Record<string, unknown>)[name]
  }
  vi.resetModules()
})

it('touches neither navigator nor window when imported or when a flow is created', async () => {
  const touched = vi.fn()
  // Getters that record access prove the module never reads the browser globals early (SSR safety).
  for (const [name] of saved) Object.defineProperty(globalThis, name, { get: touched, configurable: true })
  vi.resetModules()
  const { createVerificationFlow } = await import('../../src/flow/index.js')
  const { createFakeBackend } = await import('./fake-phone.js')
  createVerificationFlow(createFakeBackend().phone()).destroy()
  expect(touched).not.toHaveBeenCalled()
})

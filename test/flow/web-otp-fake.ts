// A WebOTP stand-in for happy-dom, which has neither `OTPCredential` nor `navigator.credentials`.
import { vi } from 'vitest'

export interface OtpRequest {
  options: CredentialRequestOptions & { otp?: unknown }
  deliver(code: string): void
}

/** Install `navigator.credentials.get` that honours the abort signal and waits for `deliver(code)`. */
export function installWebOtp() {
  const requests: OtpRequest[] = []
  const get = vi.fn(
    (options: CredentialRequestOptions) =>
      new Promise((resolve, reject) => {
        options.signal?.addEventListener('abort', () => reject(new DOMException('The request was aborted.', 'AbortError')))
        requests.push({ options, deliver: (code) => resolve({ id: '', type: 'otp', code }) })
      }),
  )
  vi.stubGlobal('OTPCredential', class OTPCredential {})
  Object.defineProperty(navigator, 'credentials', { value: { get }, configurable: true })
  return { get, requests, last: () => requests[requests.length - 1] }
}

export function uninstallWebOtp(): void {
  vi.unstubAllGlobals()
  delete (navigator as { credentials?: unknown }).credentials
}

/** Let promise callbacks run (WebOTP answer → submit → attempt) without advancing fake time. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await Promise.resolve()
}

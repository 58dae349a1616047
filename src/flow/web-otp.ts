// WebOTP (https://wicg.github.io/web-otp/): the browser reads the code from an SMS whose last line is
// `@<host> #<code>`. Everything here is looked up at call time, never at import, so SSR and Node stay safe.

interface OtpCredentialLike {
  code?: unknown
}

/**
 * True where `navigator.credentials.get({ otp })` can work (Chrome on Android, some desktop Chromes).
 *
 * @example
 * hint.hidden = !isWebOtpSupported() // "the code fills in by itself"
 */
export function isWebOtpSupported(): boolean {
  if (typeof navigator === 'undefined' || !('OTPCredential' in globalThis)) return false
  return typeof navigator.credentials?.get === 'function'
}

/**
 * Wait for the SMS code. Resolves `null` instead of rejecting when the request is aborted, the user
 * dismisses the prompt or no SMS comes: in every such case the person simply types the code.
 */
export async function requestSmsCode(signal: AbortSignal): Promise<string | null> {
  try {
    // `otp` is not in TypeScript's DOM types yet.
    const request = { otp: { transport: ['sms'] }, signal } as CredentialRequestOptions
    const credential = (await navigator.credentials.get(request)) as OtpCredentialLike | null
    return typeof credential?.code === 'string' && credential.code !== '' ? credential.code : null
  } catch {
    return null
  }
}

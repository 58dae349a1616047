import { isApiResponseError, isNetworkError, isValidationError } from 'dialkit'

const MESSAGES: Record<string, string> = {
  form_code_incorrect: 'That code is incorrect. Check the SMS and try again.',
  verification_expired: 'This code has expired. Send a new one.',
  verification_failed: 'Too many wrong codes. Send a new code to try again.',
  form_identifier_exists: 'This number is already on an account.',
  form_param_format_invalid: 'Enter a valid phone number.',
  phone_number_invalid: 'Enter a valid phone number, e.g. 415 555 2671 or +44 20 7946 0958.',
  code_invalid: 'Enter the 6-digit code from the SMS.',
}

/** A send refused by the resend throttle (429): a wait that counts down, not an error; the code sent earlier stands. */
export function isThrottled(error: unknown): boolean {
  return isApiResponseError(error) && error.status === 429
}

/** Words a person can act on, and the form field they belong under (`phone_number`, `code`) if any. */
export function describeError(error: unknown): { field: string | undefined; message: string } {
  if (isValidationError(error)) return { field: error.paramName, message: MESSAGES[error.code] ?? error.message }
  if (isApiResponseError(error)) {
    if (isThrottled(error)) return { field: undefined, message: 'Too many code requests. Try again in a moment.' }
    return { field: error.paramName, message: MESSAGES[error.code] ?? error.message }
  }
  if (isNetworkError(error)) return { field: undefined, message: "Can't reach the server. Check your connection." }
  return { field: undefined, message: error instanceof Error ? error.message : 'Something went wrong.' }
}

/** `90` → `1:30`. */
export function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

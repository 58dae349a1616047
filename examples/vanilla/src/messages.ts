import { isApiResponseError, isNetworkError, isValidationError } from 'dialkit'

/** Where a message belongs: under a form field, or in the page's status line. */
export interface Problem {
  field: 'phone_number' | 'code' | null
  message: string
}

const API_MESSAGES: Record<string, string> = {
  form_code_incorrect: 'That code is incorrect. Check the SMS and try again.',
  verification_expired: 'This code has expired. Send a new code.',
  verification_failed: 'Too many wrong codes. Send a new code to try again.',
  form_identifier_exists: 'This number is already on an account.',
  form_param_format_invalid: 'Enter a valid phone number for the selected country.',
  form_param_nil: 'This field is required.',
  resource_not_found: 'This number was already removed, in another tab or on another device.',
  form_verification_needed: 'Verify this number first.',
  identification_update_second_factor_unverified: 'Verify this number before using it as a second factor.',
  authentication_invalid: 'Your session has ended. Reload the page to sign in again.',
  signed_out: 'Your session has ended. Reload the page to sign in again.',
}

const VALIDATION_MESSAGES: Record<string, string> = {
  phone_number_invalid: 'Enter a valid phone number for the selected country.',
  code_invalid: 'Enter the 6-digit code from the SMS.',
  resource_destroyed: 'This number was removed.',
}

/** A send refused by the resend throttle (429): the earlier code still stands, so it is a wait, not a failure. */
export function isThrottled(error: unknown): boolean {
  return isApiResponseError(error) && (error.status === 429 || error.code === 'verification_code_too_many_requests')
}

/** Turns any dialkit error into words a person can act on, attached to the field it is about. */
export function describeError(error: unknown): Problem {
  if (isValidationError(error)) {
    return { field: asField(error.paramName), message: VALIDATION_MESSAGES[error.code] ?? error.message }
  }
  if (isApiResponseError(error)) {
    if (isThrottled(error)) {
      const wait = error.retryAfter ? ` Try again in ${error.retryAfter} s.` : ' Try again in a moment.'
      return { field: null, message: `Too many code requests.${wait}` }
    }
    const field = asField(error.paramName) ?? (error.code.startsWith('verification_') ? 'code' : null)
    return { field, message: API_MESSAGES[error.code] ?? error.message }
  }
  if (isNetworkError(error)) {
    return { field: null, message: "Can't reach the server. Check your connection and try again." }
  }
  return { field: null, message: error instanceof Error ? error.message : 'Something went wrong.' }
}

function asField(param: string | undefined): Problem['field'] {
  return param === 'phone_number' || param === 'code' ? param : null
}

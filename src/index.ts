/**
 * dialkit: a small, typed browser SDK for the signed-in user's phone numbers (add, SMS-verify, second
 * factor), speaking Clerk's Frontend API. Resources are immutable; every operation resolves to a new
 * instance, updates `client.store` and emits one typed event. Only dialkit errors are thrown.
 *
 * @example
 * ```ts
 * import { createClient } from 'dialkit'
 *
 * const client = createClient({ publishableKey: 'pk_test_bG9jYWxob3N0OjQwMTAk' })
 * await client.load()
 * const phone = await client.user!.createPhoneNumber({ phoneNumber: '+12015550123' })
 * const sent = await phone.prepareVerification()
 * const done = await sent.attemptVerification({ code: '123456' })
 * ```
 *
 * @packageDocumentation
 */

// The browser entry. Nothing here may run at import time or touch `window`. Explicit exports only, and only
// what an app needs: the transport, the resource context, the emitter and the Backend API's wire types stay
// inside (test/index.test.ts holds the list).
export {
  ApiResponseError,
  DialkitError,
  NetworkError,
  ValidationError,
  isApiResponseError,
  isDialkitError,
  isNetworkError,
  isValidationError,
  type ApiError,
  type ApiErrorMeta,
  type ApiResponseErrorInit,
  type NetworkErrorReason,
  type ValidationErrorCode,
} from './errors/index.js'
export type * from './wire/fapi-json.js'
export type * from './wire/sign-in-json.js'
export { createClient, type CreateClientOptions, type DialkitClient, type TokenStorage } from './client/index.js'
export { PhoneNumber } from './resources/phone-number.js'
export { Verification } from './resources/verification.js'
export type { IdentificationLink } from './resources/identification-link.js'
export { User } from './resources/user.js'
export type { BackupCode } from './resources/backup-codes.js'
export type { UpdateUserParams } from './resources/user-update.js'
export { Session } from './resources/session.js'
export { ClientResource } from './resources/client-resource.js'
export { SignIn } from './resources/sign-in.js'
export { SignUp } from './resources/sign-up.js'
export type { SignInFactor } from './resources/sign-in-factor.js'
export type { CallOptions } from './resources/coalesce.js'
export type { GetTokenOptions } from './resources/context.js'
export type { ReadableStore } from './store/atom.js'
export type { CrossTabChannel, CrossTabChannelFactory } from './sync/channel.js'
export type { SessionState, SessionStatus } from './store/session-store.js'
export type { DialkitEventName, DialkitEvents } from './events.js'
export {
  createPhoneFormatter,
  formatPhone,
  listCountries,
  parsePhone,
  phoneHelpersReady,
  preloadPhone,
  type Country,
  type PhoneFormat,
  type PhoneFormatter,
} from './phone/index.js'
export {
  createVerificationFlow,
  isWebOtpSupported,
  signInFirstFactor,
  signInSecondFactor,
  signUpPhoneNumber,
  type SignInFactorOptions,
  type SignInFactorTarget,
  type SignUpPhoneTarget,
  type VerifiablePhoneNumber,
  type VerifiableRequestOptions,
  type VerifiableSignIn,
  type VerifiableSignUp,
  type VerifiableVerification,
  type VerificationFlow,
  type VerificationFlowOptions,
  type VerificationFlowState,
  type VerificationFlowStatus,
  type VerificationFlowStore,
  type VerificationTarget,
} from './flow/index.js'

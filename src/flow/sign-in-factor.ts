import { invalid } from '../client/config.js'
import { requireMethods } from './check-target.js'
import type { VerifiableRequestOptions, VerifiableVerification, VerificationTarget } from './flow-types.js'

/** Clerk's strategy for an SMS code; the flow sends and checks nothing else. */
type PhoneCode = { strategy: 'phone_code' } & VerifiableRequestOptions

/**
 * The part of a sign-in the factor adapters use, under Clerk's names (those issue 9 fixes for dialkit's
 * `SignIn`). Each operation resolves to the next sign-in.
 *
 * @example
 * ```ts
 * const next = await signIn.prepareFirstFactor({ strategy: 'phone_code', signal })
 * next.firstFactorVerification?.expireAt
 * ```
 */
export interface VerifiableSignIn<Self> {
  /** The first factor's verification; `null` before `prepareFirstFactor`. */
  readonly firstFactorVerification: VerifiableVerification | null
  /** The second factor's verification; `null` before `prepareSecondFactor`. */
  readonly secondFactorVerification: VerifiableVerification | null
  prepareFirstFactor(params: PhoneCode & { phoneNumberId?: string }): Promise<Self>
  attemptFirstFactor(params: PhoneCode & { code: string }): Promise<Self>
  prepareSecondFactor(params: PhoneCode & { phoneNumberId?: string }): Promise<Self>
  attemptSecondFactor(params: PhoneCode & { code: string }): Promise<Self>
}

/**
 * A sign-in factor as a {@link VerificationTarget}; `signIn` is the latest sign-in (its `status`,
 * `createdSessionId`) once the flow has sent or checked a code.
 *
 * @example
 * ```ts
 * const { signIn } = flow.store.get().target
 * if (signIn.status === 'needs_second_factor') showSecondFactor(signIn)
 * ```
 */
export interface SignInFactorTarget<S> extends VerificationTarget<SignInFactorTarget<S>> {
  readonly signIn: S
}

/** Which number to text: the one the sign-in was created with unless a `phone_code` factor's id is given. */
export interface SignInFactorOptions {
  /** A `phoneNumberId` from `signIn.supportedFirstFactors` / `supportedSecondFactors`. */
  phoneNumberId?: string
}

/**
 * Lets `createVerificationFlow` drive a sign-in's first factor by SMS code (`phone_code`): `send()` is
 * `prepareFirstFactor`, `submit(code)` is `attemptFirstFactor`, with the same countdowns, attempts and WebOTP.
 *
 * @example
 * ```ts
 * const flow = createVerificationFlow(signInFirstFactor(signIn))
 * await flow.send()
 * await flow.submit('424242')                     // verified
 * flow.store.get().target.signIn.status           // 'complete' or 'needs_second_factor'
 * ```
 */
export function signInFirstFactor<S extends VerifiableSignIn<S>>(
  signIn: S,
  options: SignInFactorOptions = {},
): SignInFactorTarget<S> {
  checkAdapter(signIn, options, 'prepareFirstFactor', 'attemptFirstFactor')
  return {
    signIn,
    verification: signIn.firstFactorVerification,
    prepareVerification: async (request) =>
      signInFirstFactor(await signIn.prepareFirstFactor({ ...options, ...request, strategy: 'phone_code' }), options),
    attemptVerification: async (params) =>
      signInFirstFactor(await signIn.attemptFirstFactor({ ...params, strategy: 'phone_code' }), options),
  }
}

/**
 * Lets `createVerificationFlow` drive a sign-in's second factor by SMS code: `prepareSecondFactor` and
 * `attemptSecondFactor` with `phone_code`. A backup code needs no flow: pass it to `attemptSecondFactor`.
 *
 * @example
 * ```ts
 * const flow = createVerificationFlow(signInSecondFactor(signIn)) // signIn.status === 'needs_second_factor'
 * await flow.send()
 * await flow.submit(code)
 * flow.store.get().target.signIn.createdSessionId
 * ```
 */
export function signInSecondFactor<S extends VerifiableSignIn<S>>(
  signIn: S,
  options: SignInFactorOptions = {},
): SignInFactorTarget<S> {
  checkAdapter(signIn, options, 'prepareSecondFactor', 'attemptSecondFactor')
  return {
    signIn,
    verification: signIn.secondFactorVerification,
    prepareVerification: async (request) =>
      signInSecondFactor(await signIn.prepareSecondFactor({ ...options, ...request, strategy: 'phone_code' }), options),
    attemptVerification: async (params) =>
      signInSecondFactor(await signIn.attemptSecondFactor({ ...params, strategy: 'phone_code' }), options),
  }
}

/** A sign-in with the two methods the adapter calls, and options whose `phoneNumberId` is a string if given. */
function checkAdapter(signIn: unknown, options: SignInFactorOptions, prepare: string, attempt: string): void {
  requireMethods(signIn, 'sign_in', prepare, attempt)
  if (typeof options != 'object' || options === null) invalid('options', 'param_invalid')
  if (options.phoneNumberId !== undefined && typeof options.phoneNumberId != 'string') invalid('phone_number_id', 'param_invalid')
}

import { invalid } from '../client/config.js'
import { requireMethods } from './check-target.js'
import type { VerifiableRequestOptions, VerifiableVerification, VerificationTarget } from './flow-types.js'

/**
 * The part of a sign-up the adapter uses, under Clerk's names (those issue 9 fixes for dialkit's `SignUp`).
 * Each operation resolves to the next sign-up.
 *
 * @example
 * ```ts
 * const next = await signUp.preparePhoneNumberVerification({ signal })
 * next.verifications.phoneNumber?.expireAt
 * ```
 */
export interface VerifiableSignUp<Self> {
  readonly verifications: {
    /** The phone number's verification; `null` before `preparePhoneNumberVerification`. */
    readonly phoneNumber: VerifiableVerification | null
  }
  preparePhoneNumberVerification(options?: VerifiableRequestOptions): Promise<Self>
  attemptPhoneNumberVerification(params: { code: string } & VerifiableRequestOptions): Promise<Self>
}

/**
 * A sign-up's phone number as a {@link VerificationTarget}; `signUp` is the latest sign-up (`status`
 * `complete` once the code was right, with `createdSessionId`).
 *
 * @example
 * ```ts
 * const { signUp } = flow.store.get().target
 * if (signUp.status === 'complete') goHome()
 * ```
 */
export interface SignUpPhoneTarget<S> extends VerificationTarget<SignUpPhoneTarget<S>> {
  readonly signUp: S
}

/**
 * Lets `createVerificationFlow` verify a sign-up's phone number: `send()` is `preparePhoneNumberVerification`,
 * `submit(code)` is `attemptPhoneNumberVerification`, with the same countdowns, attempts and WebOTP.
 *
 * @example
 * ```ts
 * const flow = createVerificationFlow(signUpPhoneNumber(signUp))
 * await flow.send()
 * await flow.submit('424242')                 // verified
 * flow.store.get().target.signUp.status       // 'complete'
 * ```
 */
export function signUpPhoneNumber<S extends VerifiableSignUp<S>>(signUp: S): SignUpPhoneTarget<S> {
  requireMethods(signUp, 'sign_up', 'preparePhoneNumberVerification', 'attemptPhoneNumberVerification')
  if (typeof signUp.verifications != 'object' || !signUp.verifications) invalid('sign_up', 'param_invalid')
  return {
    signUp,
    verification: signUp.verifications.phoneNumber,
    prepareVerification: async (options) => signUpPhoneNumber(await signUp.preparePhoneNumberVerification(options)),
    attemptVerification: async (params) => signUpPhoneNumber(await signUp.attemptPhoneNumberVerification(params)),
  }
}

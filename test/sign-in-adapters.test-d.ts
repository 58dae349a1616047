// Type tests: dialkit's own SignIn and SignUp fit the flow adapters' structural types, so
// `createVerificationFlow(signInFirstFactor(signIn))` compiles against the real resources, not only against
// the test doubles the flow's unit tests use. The types project runs tsc over this file.
import { describe, expectTypeOf, it } from 'vitest'
import {
  createVerificationFlow,
  signInFirstFactor,
  signInSecondFactor,
  signUpPhoneNumber,
  type SignIn,
  type SignInFactorTarget,
  type SignUp,
  type SignUpPhoneTarget,
  type VerifiableSignIn,
  type VerifiableSignUp,
  type VerificationFlow,
  type VerificationTarget,
} from '../src/index.js'

declare const signIn: SignIn
declare const signUp: SignUp

describe('the real SignIn and SignUp against the flow adapters', () => {
  it('a SignIn is a VerifiableSignIn of itself, so both factor adapters take it', () => {
    expectTypeOf<SignIn>().toMatchTypeOf<VerifiableSignIn<SignIn>>()
    expectTypeOf(signInFirstFactor(signIn)).toEqualTypeOf<SignInFactorTarget<SignIn>>()
    expectTypeOf(signInSecondFactor(signIn, { phoneNumberId: 'idn_1' })).toEqualTypeOf<SignInFactorTarget<SignIn>>()
    // @ts-expect-error a phoneNumberId is a string
    signInFirstFactor(signIn, { phoneNumberId: 1 })
  })

  it('a SignUp is a VerifiableSignUp of itself, so the phone adapter takes it', () => {
    expectTypeOf<SignUp>().toMatchTypeOf<VerifiableSignUp<SignUp>>()
    expectTypeOf(signUpPhoneNumber(signUp)).toEqualTypeOf<SignUpPhoneTarget<SignUp>>()
    // @ts-expect-error a SignIn has no preparePhoneNumberVerification
    signUpPhoneNumber(signIn)
    // @ts-expect-error a SignUp has no factors
    signInFirstFactor(signUp)
  })

  it('the adapted targets are VerificationTargets whose flow state holds the real resource', () => {
    expectTypeOf<SignInFactorTarget<SignIn>>().toMatchTypeOf<VerificationTarget<SignInFactorTarget<SignIn>>>()
    expectTypeOf<SignUpPhoneTarget<SignUp>>().toMatchTypeOf<VerificationTarget<SignUpPhoneTarget<SignUp>>>()
    const first = createVerificationFlow(signInFirstFactor(signIn))
    expectTypeOf(first).toEqualTypeOf<VerificationFlow<SignInFactorTarget<SignIn>>>()
    expectTypeOf(first.store.get().target.signIn).toEqualTypeOf<SignIn>()
    expectTypeOf(first.store.get().target.signIn.status).toEqualTypeOf<SignIn['status']>()
    const up = createVerificationFlow(signUpPhoneNumber(signUp))
    expectTypeOf(up.store.get().target.signUp).toEqualTypeOf<SignUp>()
    expectTypeOf(up.store.get().target.signUp.createdSessionId).toEqualTypeOf<string | null>()
  })

  it('the real verifications fit what the adapters read', () => {
    expectTypeOf<SignIn['firstFactorVerification']>().toMatchTypeOf<VerifiableSignIn<SignIn>['firstFactorVerification']>()
    expectTypeOf<SignIn['secondFactorVerification']>().toMatchTypeOf<VerifiableSignIn<SignIn>['secondFactorVerification']>()
    expectTypeOf<SignUp['verifications']>().toMatchTypeOf<VerifiableSignUp<SignUp>['verifications']>()
  })
})

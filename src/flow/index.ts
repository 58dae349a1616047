export { createVerificationFlow } from './create-verification-flow.js'
export { isWebOtpSupported } from './web-otp.js'
export { signInFirstFactor, signInSecondFactor, type SignInFactorOptions, type SignInFactorTarget, type VerifiableSignIn } from './sign-in-factor.js'
export { signUpPhoneNumber, type SignUpPhoneTarget, type VerifiableSignUp } from './sign-up-phone.js'
export type {
  VerifiablePhoneNumber,
  VerifiableRequestOptions,
  VerifiableVerification,
  VerificationFlow,
  VerificationFlowOptions,
  VerificationFlowState,
  VerificationFlowStatus,
  VerificationFlowStore,
  VerificationTarget,
} from './flow-types.js'

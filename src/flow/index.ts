export { createVerificationFlow } from './create-verification-flow.js'
export { isWebOtpSupported } from './web-otp.js'
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

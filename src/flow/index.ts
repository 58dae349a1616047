export { createVerificationFlow } from './create-verification-flow.js'
export { isWebOtpSupported } from './web-otp.js'
export type {
  VerifiablePhoneNumber,
  VerifiableRequestOptions,
  VerifiableVerification,
  VerificationFlow,
  VerificationFlowListener,
  VerificationFlowOptions,
  VerificationFlowState,
  VerificationFlowStatus,
  VerificationFlowStore,
} from './flow-types.js'

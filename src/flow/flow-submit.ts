import type { DialkitError } from '../errors/index.js'
import { abortWebOtp, beginRequest, isCurrent, refreshCountdowns, type FlowContext } from './flow-context.js'
import type { VerifiablePhoneNumber, VerificationFlowState, VerificationFlowStatus } from './flow-types.js'
import { isWrongCode, statusAfterAttemptError, statusFromPhone, toDialkitError } from './outcomes.js'
import { isWebOtpSupported, requestSmsCode } from './web-otp.js'

/** Check a code. Only in code-sent: a code cannot match before one is sent or after it ended. */
export async function submitCode<P extends VerifiablePhoneNumber<P>>(ctx: FlowContext<P>, code: string): Promise<void> {
  const state = ctx.store.get()
  if (ctx.destroyed || state.status !== 'code-sent') return
  const controller = beginRequest(ctx)
  ctx.store.set({ status: 'verifying', code, error: null })
  try {
    const next = await state.phoneNumber.attemptVerification({ code, signal: controller.signal })
    if (isCurrent(ctx, controller)) onAttempted(ctx, next)
  } catch (error) {
    if (isCurrent(ctx, controller)) onAttemptFailed(ctx, toDialkitError(error))
  } finally {
    if (ctx.request === controller) ctx.request = null
  }
}

function onAttempted<P extends VerifiablePhoneNumber<P>>(ctx: FlowContext<P>, next: P): void {
  const status = statusFromPhone(next, ctx.now())
  const attempts = next.verification?.attempts ?? ctx.store.get().attempts + 1
  refreshCountdowns(ctx, { ...endVerification(ctx, status), status, phoneNumber: next, attempts, error: null })
}

/** A wrong or refused code lets the person try again; `verification_failed`/`_expired` end the verification. */
function onAttemptFailed<P extends VerifiablePhoneNumber<P>>(ctx: FlowContext<P>, error: DialkitError): void {
  const status = statusAfterAttemptError(error)
  const attempts = ctx.store.get().attempts + (isWrongCode(error) ? 1 : 0)
  refreshCountdowns(ctx, { ...endVerification(ctx, status), status, attempts, error })
}

/**
 * Once verified, failed or expired nothing is pending: stop the expiry countdown and stop waiting for an
 * SMS. Returns the expiry field for the state patch (0 shows "expired", null "no code").
 */
function endVerification<P extends VerifiablePhoneNumber<P>>(
  ctx: FlowContext<P>,
  status: VerificationFlowStatus,
): Partial<VerificationFlowState<P>> {
  if (status === 'code-sent') return {}
  ctx.expireAt = null
  // A verified number has nothing to resend; after failed/expired the server's throttle still applies.
  if (status === 'verified') ctx.resendAt = 0
  abortWebOtp(ctx)
  return { expiresInSeconds: status === 'expired' ? 0 : null }
}

/**
 * Where the browser has WebOTP, wait for the SMS and submit its code as if typed. Any earlier request is
 * aborted first; a code that arrives while the person's own submit is in flight is dropped.
 */
export function listenForSmsCode<P extends VerifiablePhoneNumber<P>>(ctx: FlowContext<P>): void {
  abortWebOtp(ctx)
  if (!ctx.webOtp || !isWebOtpSupported()) return
  const controller = new AbortController()
  ctx.otp = controller
  void requestSmsCode(controller.signal).then((code) => {
    if (code === null || ctx.otp !== controller) return
    ctx.otp = null
    return submitCode(ctx, code)
  })
}

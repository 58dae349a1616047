import type { DialkitError } from '../errors/index.js'
import { secondsUntil } from './countdown.js'
import { abortWebOtp, beginRequest, isCurrent, refreshCountdowns, type FlowContext } from './flow-context.js'
import type { VerifiablePhoneNumber, VerificationFlowStatus } from './flow-types.js'
import { retryAfterSeconds, statusFromPhone, toDialkitError } from './outcomes.js'
import { listenForSmsCode } from './flow-submit.js'

/** Statuses from which a (new) code may be requested. */
const SENDABLE: ReadonlySet<VerificationFlowStatus> = new Set(['idle', 'code-sent', 'expired', 'failed'])

/** Request a code. Ignored while busy, once verified, or during the cooldown (the button should be disabled). */
export async function sendCode<P extends VerifiablePhoneNumber<P>>(ctx: FlowContext<P>): Promise<void> {
  const state = ctx.store.get()
  if (ctx.destroyed || !SENDABLE.has(state.status) || ctx.now() < ctx.resendAt) return
  // A new SMS replaces the code a pending WebOTP request would read.
  abortWebOtp(ctx)
  const controller = beginRequest(ctx)
  ctx.store.set({ status: 'sending', error: null })
  try {
    const next = await state.phoneNumber.prepareVerification({ signal: controller.signal })
    if (isCurrent(ctx, controller)) onCodeSent(ctx, next)
  } catch (error) {
    if (isCurrent(ctx, controller)) onSendFailed(ctx, state.status, toDialkitError(error))
  } finally {
    if (ctx.request === controller) ctx.request = null
  }
}

function onCodeSent<P extends VerifiablePhoneNumber<P>>(ctx: FlowContext<P>, next: P): void {
  const now = ctx.now()
  const status = statusFromPhone(next, now)
  ctx.resendAt = now + ctx.cooldownMs
  ctx.expireAt = status === 'code-sent' ? (next.verification?.expireAt?.getTime() ?? null) : null
  // Line the ticks up with the fresh deadlines so "30" really lasts a second.
  ctx.ticker.restart()
  refreshCountdowns(ctx, {
    status,
    phoneNumber: next,
    attempts: next.verification?.attempts ?? 0,
    expiresInSeconds: ctx.expireAt === null ? null : secondsUntil(ctx.expireAt, now),
    code: null,
    error: null,
  })
  if (status === 'code-sent') listenForSmsCode(ctx)
}

/** Back to where we were, with the error; a throttled send (429) sets the cooldown the server asked for. */
function onSendFailed<P extends VerifiablePhoneNumber<P>>(
  ctx: FlowContext<P>,
  previous: VerificationFlowStatus,
  error: DialkitError,
): void {
  const retryAfter = retryAfterSeconds(error)
  if (retryAfter !== undefined) ctx.resendAt = ctx.now() + retryAfter * 1000
  refreshCountdowns(ctx, { status: previous, error })
  // The earlier code still stands, so keep listening for its SMS.
  if (ctx.store.get().status === 'code-sent') listenForSmsCode(ctx)
}

import { ValidationError } from '../errors/index.js'
import { createTicker, secondsUntil, type Ticker } from './countdown.js'
import { createFlowStore, type WritableFlowStore } from './flow-store.js'
import type { VerifiablePhoneNumber, VerificationFlowOptions, VerificationFlowState } from './flow-types.js'
import { statusFromPhone } from './outcomes.js'

/** The parts of a flow that do not depend on the phone number's type. */
export interface FlowControl {
  readonly ticker: Ticker
  readonly cooldownMs: number
  readonly webOtp: boolean
  /** The clock every deadline is measured on (the server's time, as far as the app knows it). */
  readonly now: () => number
  /** Wall-clock deadlines (ms) behind the second counters; `expireAt` is null when no code is pending. */
  resendAt: number
  expireAt: number | null
  /** The prepare or attempt in flight; replaced (and the old one aborted) by each new operation. */
  request: AbortController | null
  /** The pending WebOTP request. */
  otp: AbortController | null
  destroyed: boolean
}

/** Everything one flow instance holds; the operations in this folder take it as their first argument. */
export interface FlowContext<P extends VerifiablePhoneNumber<P>> extends FlowControl {
  readonly store: WritableFlowStore<VerificationFlowState<P>>
}

export function createFlowContext<P extends VerifiablePhoneNumber<P>>(
  phoneNumber: P,
  options: VerificationFlowOptions,
): FlowContext<P> {
  const clock = options.now ?? (() => Date.now())
  const now = clock()
  const status = statusFromPhone(phoneNumber, now)
  // A flow created on a number whose code is still pending (a reload, a remount) resumes its countdown.
  const expireAt = status === 'code-sent' ? (phoneNumber.verification?.expireAt?.getTime() ?? null) : null
  const ctx: FlowContext<P> = {
    store: createFlowStore<VerificationFlowState<P>>({
      status,
      phoneNumber,
      resendInSeconds: 0,
      expiresInSeconds: status === 'expired' ? 0 : expireAt === null ? null : secondsUntil(expireAt, now),
      attempts: phoneNumber.verification?.attempts ?? 0,
      code: null,
      error: null,
    }),
    ticker: createTicker(() => refreshCountdowns(ctx)),
    cooldownMs: cooldownMsFrom(options.resendCooldownSeconds),
    webOtp: options.webOtp ?? true,
    now: clock,
    resendAt: 0,
    expireAt,
    request: null,
    otp: null,
    destroyed: false,
  }
  if (expireAt !== null) ctx.ticker.ensure()
  return ctx
}

/** A bad cooldown would make every counter NaN; refuse it when the flow is created, like `createClient`. */
function cooldownMsFrom(seconds = 30): number {
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new ValidationError('config_invalid', `resendCooldownSeconds must be a number >= 0, got ${String(seconds)}`, {
      paramName: 'resend_cooldown_seconds',
    })
  }
  return seconds * 1000
}

/** Abort the operation in flight and register a new one; only the newest may write its result. */
export function beginRequest(ctx: FlowControl): AbortController {
  ctx.request?.abort()
  const controller = new AbortController()
  ctx.request = controller
  return controller
}

/** False once the operation was superseded, cancelled or the flow destroyed: its result is stale. */
export function isCurrent(ctx: FlowControl, controller: AbortController): boolean {
  return !ctx.destroyed && ctx.request === controller
}

export function abortRequest(ctx: FlowControl): void {
  ctx.request?.abort()
  ctx.request = null
}

export function abortWebOtp(ctx: FlowControl): void {
  ctx.otp?.abort()
  ctx.otp = null
}

/**
 * Recompute both counters from their deadlines, apply `patch` with them as one change (one notification),
 * and expire a pending code whose time is up. The ticker runs only while something counts down, so a
 * settled flow holds no timer.
 */
export function refreshCountdowns<P extends VerifiablePhoneNumber<P>>(
  ctx: FlowContext<P>,
  patch: Partial<VerificationFlowState<P>> = {},
): void {
  const now = ctx.now()
  const resendInSeconds = secondsUntil(ctx.resendAt, now)
  const expiresInSeconds = ctx.expireAt === null ? null : secondsUntil(ctx.expireAt, now)
  const next: { -readonly [K in keyof VerificationFlowState<P>]?: VerificationFlowState<P>[K] } = { ...patch, resendInSeconds }
  if (expiresInSeconds !== null) next.expiresInSeconds = expiresInSeconds
  if ((next.status ?? ctx.store.get().status) === 'code-sent' && expiresInSeconds === 0) {
    ctx.expireAt = null
    abortWebOtp(ctx)
    next.status = 'expired'
  }
  ctx.store.set(next)
  // A code that runs out while a request is in flight stays at 0; the request's outcome refreshes again.
  if (resendInSeconds > 0 || (expiresInSeconds ?? 0) > 0) ctx.ticker.ensure()
  else ctx.ticker.stop()
}

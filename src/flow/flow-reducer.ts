import type { DialkitError } from '../errors/index.js'
import { secondsUntil } from './countdown.js'
import type { VerificationFlowState, VerificationFlowStatus, VerificationTarget } from './flow-types.js'
import { isWrongCode, retryAfterSeconds, statusAfterAttemptError, statusFromTarget } from './outcomes.js'

/**
 * Everything a flow knows: the public snapshot plus the wall-clock deadlines behind its second counters.
 * Replaced, never mutated: `reduce` returns the very same object when an action changes nothing, which is
 * how the controller knows not to notify (and that a refused `send` must not go out).
 */
export interface FlowModel<T> {
  readonly state: VerificationFlowState<T>
  /** Unix ms from which a code may be requested again (the server's `Retry-After`, else the cooldown). */
  readonly resendAt: number
  /** Unix ms at which the pending code expires; null when no code is pending or it has no expiry. */
  readonly expireAt: number | null
  /** The status a failed send goes back to (the earlier code, if any, still stands). */
  readonly resumeStatus: VerificationFlowStatus
  readonly cooldownMs: number
}

/** What happened. Every action carries the clock reading it happened at, so `reduce` stays pure. */
export type FlowAction<T> =
  | { readonly type: 'tick'; readonly now: number }
  | { readonly type: 'send' | 'resend'; readonly now: number }
  | { readonly type: 'sent' | 'attempted'; readonly target: T; readonly now: number }
  | { readonly type: 'sendFailed' | 'attemptFailed'; readonly error: DialkitError; readonly now: number }
  | { readonly type: 'submit'; readonly code: string; readonly now: number }
  | { readonly type: 'cancel'; readonly now: number }

/** Statuses from which a (new) code may be requested. */
const SENDABLE: ReadonlySet<VerificationFlowStatus> = new Set(['idle', 'code-sent', 'expired', 'failed'])

/** The model of a flow created on `target`; a code still pending (a reload, a remount) resumes its countdown. */
export function initialModel<T extends VerificationTarget<T>>(target: T, now: number, cooldownMs: number): FlowModel<T> {
  const status = statusFromTarget(target, now)
  const state: VerificationFlowState<T> = {
    status,
    target,
    phoneNumber: target,
    resendInSeconds: 0,
    expiresInSeconds: status === 'expired' ? 0 : null,
    attempts: target.verification?.attempts ?? 0,
    code: null,
    error: null,
  }
  const expireAt = pendingExpiry(target, status)
  return settle(Object.freeze({ state: Object.freeze(state), resendAt: 0, expireAt, resumeStatus: status, cooldownMs }), now)
}

/** The one place a flow's status changes. Pure: the same model and action always give the same result. */
export function reduce<T extends VerificationTarget<T>>(model: FlowModel<T>, action: FlowAction<T>): FlowModel<T> {
  const next = transition(model, action)
  // An action the status does not allow changes nothing, not even the counters.
  return next === model && action.type !== 'tick' ? model : settle(next, action.now)
}

function transition<T extends VerificationTarget<T>>(model: FlowModel<T>, action: FlowAction<T>): FlowModel<T> {
  const { status } = model.state
  switch (action.type) {
    case 'resend':
    case 'send':
      if (!SENDABLE.has(status) || action.now < model.resendAt || (action.type === 'resend' && status === 'idle')) return model
      return update(model, { resumeStatus: status }, { status: 'sending', error: null })
    case 'sent':
      return status === 'sending' ? codeSent(model, action.target, action.now) : model
    case 'sendFailed':
      return status === 'sending' ? sendFailed(model, action.error, action.now) : model
    case 'submit':
      return status === 'code-sent' ? update(model, {}, { status: 'verifying', code: action.code, error: null }) : model
    case 'attempted':
      return status === 'verifying' ? attempted(model, action.target, action.now) : model
    case 'attemptFailed':
      return status === 'verifying' ? attemptFailed(model, action.error) : model
    case 'cancel':
      if (status === 'verified') return model
      return update(model, { expireAt: null }, { status: 'idle', expiresInSeconds: null, code: null, error: null })
    default:
      return model
  }
}

function codeSent<T extends VerificationTarget<T>>(model: FlowModel<T>, target: T, now: number): FlowModel<T> {
  const status = statusFromTarget(target, now)
  const fields = { resendAt: now + model.cooldownMs, expireAt: pendingExpiry(target, status) }
  const attempts = target.verification?.attempts ?? 0
  return update(model, fields, { status, target, phoneNumber: target, attempts, expiresInSeconds: null, code: null, error: null })
}

/** Back to where the send started, with the error; a throttled send (429) sets the cooldown the server asked for. */
function sendFailed<T>(model: FlowModel<T>, error: DialkitError, now: number): FlowModel<T> {
  const retryAfter = retryAfterSeconds(error)
  const fields = retryAfter === undefined ? {} : { resendAt: now + retryAfter * 1000 }
  return update(model, fields, { status: model.resumeStatus, error })
}

function attempted<T extends VerificationTarget<T>>(model: FlowModel<T>, target: T, now: number): FlowModel<T> {
  const status = statusFromTarget(target, now)
  const attempts = target.verification?.attempts ?? model.state.attempts + 1
  return endUnlessPending(model, { status, target, phoneNumber: target, attempts, error: null })
}

/** A wrong or refused code lets the person try again; `verification_failed`/`_expired` end the verification. */
function attemptFailed<T>(model: FlowModel<T>, error: DialkitError): FlowModel<T> {
  const attempts = model.state.attempts + (isWrongCode(error) ? 1 : 0)
  return endUnlessPending(model, { status: statusAfterAttemptError(error), attempts, error })
}

/**
 * Once verified, failed or expired nothing is pending: the expiry countdown stops (0 shows "expired", null
 * "no code"). A verified target has nothing to resend; after failed/expired the server's throttle still applies.
 */
function endUnlessPending<T>(model: FlowModel<T>, patch: Partial<VerificationFlowState<T>> & { status: VerificationFlowStatus }) {
  const { status } = patch
  if (status === 'code-sent') return update(model, {}, patch)
  const fields = status === 'verified' ? { expireAt: null, resendAt: 0 } : { expireAt: null }
  return update(model, fields, { ...patch, expiresInSeconds: status === 'expired' ? 0 : null })
}

/**
 * Recompute both counters from their deadlines and expire a code whose time is up while it waits to be typed.
 * A code that runs out while a request is in flight stays at 0: the server's answer decides.
 */
function settle<T>(model: FlowModel<T>, now: number): FlowModel<T> {
  const resendInSeconds = secondsUntil(model.resendAt, now)
  if (model.expireAt === null) return update(model, {}, { resendInSeconds })
  const expiresInSeconds = secondsUntil(model.expireAt, now)
  if (expiresInSeconds > 0 || model.state.status !== 'code-sent') return update(model, {}, { resendInSeconds, expiresInSeconds })
  return update(model, { expireAt: null }, { status: 'expired', resendInSeconds, expiresInSeconds })
}

function pendingExpiry(target: VerificationTarget, status: VerificationFlowStatus): number | null {
  return status === 'code-sent' ? (target.verification?.expireAt?.getTime() ?? null) : null
}

type ModelFields<T> = Partial<Omit<FlowModel<T>, 'state'>>

function update<T>(model: FlowModel<T>, fields: ModelFields<T>, patch: Partial<VerificationFlowState<T>>): FlowModel<T> {
  return merge(model, { ...fields, state: merge(model.state, patch) })
}

/** `value` with `patch` applied, frozen; `value` itself when no field would change. */
function merge<O extends object>(value: O, patch: Partial<O>): O {
  for (const key in patch) if (!Object.is(value[key], patch[key])) return Object.freeze({ ...value, ...patch })
  return value
}

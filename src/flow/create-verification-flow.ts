import { invalid } from '../client/config.js'
import { requireMethods } from './check-target.js'
import { createTicker } from './countdown.js'
import { initialModel, reduce, type FlowAction } from './flow-reducer.js'
import { createFlowStore } from './flow-store.js'
import type { VerificationFlow, VerificationFlowOptions, VerificationFlowState, VerificationFlowStatus, VerificationTarget } from './flow-types.js'
import { toDialkitError } from './outcomes.js'
import { createRequestSlot } from './request-slot.js'
import { createSmsListener } from './sms-listener.js'

type Settled = 'sent' | 'attempted'
type Failed = 'sendFailed' | 'attemptFailed'

/**
 * A headless controller for "send a code, type it, verified" on anything verifiable (a phone number, a
 * sign-in factor, a sign-up's phone), for custom UIs.
 *
 * It tracks the resend cooldown (the server's `Retry-After`, else `resendCooldownSeconds`), counts down to
 * the code's `expireAt`, counts attempts, maps server answers to states (`form_code_incorrect` stays in
 * code-sent, `verification_failed` → failed, `verification_expired` → expired), and where the browser has
 * WebOTP reads the SMS and submits the code by itself. Methods never reject: failures land in `error`.
 * Creating a flow touches nothing global; call `destroy()` when the UI goes away. A target whose code is still
 * pending (a remount, a second tab) starts in code-sent with its expiry countdown.
 *
 * @throws ValidationError `param_invalid` (paramName `target`) for a target without `prepareVerification` and
 * `attemptVerification`; `config_invalid` for a `now` that is not a function, a `webOtp` that is not a boolean,
 * or a `resendCooldownSeconds` that is not a finite number of 0 or more
 *
 * @example
 * ```ts
 * const flow = createVerificationFlow(phone)
 * flow.store.subscribe(({ status, resendInSeconds, expiresInSeconds, error }) => render(status, error))
 * await flow.send()            // status: sending → code-sent
 * await flow.submit('123456')  // status: verifying → verified (or code-sent with error)
 * flow.destroy()
 * ```
 *
 * @example
 * // React
 * const state = useSyncExternalStore(flow.store.listen, flow.store.get)
 */
export function createVerificationFlow<T extends VerificationTarget<T>>(
  target: T,
  options?: VerificationFlowOptions,
): VerificationFlow<T> {
  // Everything checked before anything runs, so a wrong argument never surfaces as a TypeError on a click.
  const { now = () => Date.now(), resendCooldownSeconds = 30, webOtp = true } = options ?? {}
  requireMethods(target, 'target', 'prepareVerification', 'attemptVerification')
  if (typeof now != 'function') invalid('now')
  if (typeof webOtp != 'boolean') invalid('web_otp')
  // A bad cooldown would make every counter NaN.
  if (!(typeof resendCooldownSeconds == 'number' && resendCooldownSeconds >= 0 && resendCooldownSeconds < Infinity)) invalid('resend_cooldown_seconds')
  // Every status change goes through `reduce`; this closure only runs the effects: requests, the timer, WebOTP.
  let model = initialModel(target, now(), resendCooldownSeconds * 1000)
  let destroyed = false
  const store = createFlowStore(model.state)
  const request = createRequestSlot()
  const ticker = createTicker(() => dispatch({ type: 'tick', now: now() }))
  const sms = createSmsListener(webOtp, (code) => void submit(code))

  /** Apply an action; returns false (and notifies nobody) when it changed nothing. */
  function dispatch(action: FlowAction<T>): boolean {
    const previous = model
    if (destroyed || (model = reduce(previous, action)) === previous) return false
    syncEffects(previous.state.status, model.state, action.type === 'sent')
    store.set(model.state)
    return true
  }

  /** The timer runs only while something counts down; WebOTP listens only while a fresh code waits. */
  function syncEffects(previous: VerificationFlowStatus, state: VerificationFlowState<T>, codeSent: boolean): void {
    // Line the ticks up with fresh deadlines so "30" really lasts a second.
    if (codeSent) ticker.restart()
    if (state.resendInSeconds > 0 || (state.expiresInSeconds ?? 0) > 0) ticker.ensure()
    else ticker.stop()
    // A new send replaces the code WebOTP would read; a failed resend leaves the earlier code standing.
    if (state.status === 'code-sent' && previous === 'sending') sms.start()
    else if (state.status !== 'code-sent' && state.status !== 'verifying') sms.stop()
  }

  /** Run one prepare or attempt, if the reducer accepts `start`, and dispatch how it ended. */
  async function run(start: FlowAction<T>, call: (target: T, signal: AbortSignal) => Promise<T>, ok: Settled, ko: Failed) {
    if (destroyed || reduce(model, start) === model) return
    const current = model.state.target
    const signal = request.begin()
    dispatch(start)
    // A listener may have cancelled on the notification itself.
    if (!request.isCurrent(signal)) return
    try {
      const next = await call(current, signal)
      if (request.isCurrent(signal)) dispatch({ type: ok, target: next, now: now() })
    } catch (error) {
      if (request.isCurrent(signal)) dispatch({ type: ko, error: toDialkitError(error), now: now() })
    }
  }

  const prepare = (current: T, signal: AbortSignal) => current.prepareVerification({ signal })
  const submit = (code: string) =>
    run({ type: 'submit', code, now: now() }, (current, signal) => current.attemptVerification({ code, signal }), 'attempted', 'attemptFailed')

  syncEffects(model.state.status, model.state, false)
  return {
    store: { get: store.get, listen: store.listen, subscribe: store.subscribe },
    send: () => run({ type: 'send', now: now() }, prepare, 'sent', 'sendFailed'),
    resend: () => run({ type: 'resend', now: now() }, prepare, 'sent', 'sendFailed'),
    submit,
    cancel() {
      if (destroyed) return
      request.abort()
      sms.stop()
      dispatch({ type: 'cancel', now: now() })
    },
    destroy() {
      destroyed = true
      request.abort()
      sms.stop()
      ticker.stop()
      store.clear()
    },
  }
}

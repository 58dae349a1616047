import { abortRequest, abortWebOtp, createFlowContext, refreshCountdowns } from './flow-context.js'
import { sendCode } from './flow-send.js'
import { submitCode } from './flow-submit.js'
import type { VerifiablePhoneNumber, VerificationFlow, VerificationFlowOptions } from './flow-types.js'

/**
 * A headless controller for "send a code, type it, verified" on one phone number, for custom UIs.
 *
 * It tracks the resend cooldown (the server's `Retry-After`, else `resendCooldownSeconds`), counts down to
 * the code's `expireAt`, counts attempts, maps server answers to states (`form_code_incorrect` stays in
 * code-sent, `verification_failed` → failed, `verification_expired` → expired), and where the browser has
 * WebOTP reads the SMS and submits the code by itself. Methods never reject: failures land in `error`.
 * Creating a flow touches nothing global; call `destroy()` when the UI goes away. A number whose code is still
 * pending (a remount, a second tab) starts in code-sent with its expiry countdown.
 *
 * @throws ValidationError `config_invalid` for a negative or non-numeric `resendCooldownSeconds`
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
export function createVerificationFlow<P extends VerifiablePhoneNumber<P>>(
  phoneNumber: P,
  options: VerificationFlowOptions = {},
): VerificationFlow<P> {
  const ctx = createFlowContext(phoneNumber, options)
  const { get, listen, subscribe } = ctx.store
  return {
    store: { get, listen, subscribe },
    send: () => sendCode(ctx),
    resend: async () => {
      if (ctx.store.get().status !== 'idle') await sendCode(ctx)
    },
    submit: (code) => submitCode(ctx, code),
    cancel() {
      if (ctx.destroyed) return
      abortRequest(ctx)
      abortWebOtp(ctx)
      if (ctx.store.get().status === 'verified') return
      ctx.expireAt = null
      refreshCountdowns(ctx, { status: 'idle', expiresInSeconds: null, code: null, error: null })
    },
    destroy() {
      ctx.destroyed = true
      abortRequest(ctx)
      abortWebOtp(ctx)
      ctx.ticker.stop()
      ctx.store.clear()
    },
  }
}

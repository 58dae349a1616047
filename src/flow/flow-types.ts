import type { DialkitError } from '../errors/index.js'
import type { ReadableStore } from '../store/atom.js'

/**
 * Where a verification flow stands.
 *
 * - `idle`: nothing sent yet (or cancelled).
 * - `sending`: a code is being requested.
 * - `code-sent`: a code is out and can be typed; `expiresInSeconds` counts down.
 * - `verifying`: a code is being checked.
 * - `verified`: done.
 * - `failed`: too many wrong codes; only a new `send()` helps.
 * - `expired`: the code's lifetime ran out; only a new `send()` helps.
 *
 * @example
 * submitButton.disabled = flow.store.get().status !== 'code-sent'
 */
export type VerificationFlowStatus = 'idle' | 'sending' | 'code-sent' | 'verifying' | 'verified' | 'failed' | 'expired'

/** The part of a verification the flow reads. dialkit's `Verification` (a phone number's, a sign-in factor's) satisfies it. @example const v: VerifiableVerification = phone.verification! */
export interface VerifiableVerification {
  /** A {@link VerificationStatus}; the flow reads `unverified`, `verified`, `failed` and `expired`. */
  readonly status: string
  /** When the pending code expires; drives `expiresInSeconds`. */
  readonly expireAt: Date | null
  /** Codes tried so far; `null` counts as 0. */
  readonly attempts: number | null
}

/** Per-call options the flow passes to the target's operations. @example `await phone.prepareVerification({ signal })` */
export interface VerifiableRequestOptions {
  /** Aborted when the flow cancels, is destroyed or starts a newer request. */
  signal?: AbortSignal | undefined
}

/**
 * Anything the flow can verify with a code: a phone number, a sign-in factor, a sign-up's phone. dialkit's
 * `PhoneNumber` satisfies it as it is; other resources satisfy it through a small adapter. Each operation
 * resolves to the next target (resources are immutable), which the flow keeps as `state.target`.
 *
 * @example
 * ```ts
 * const fake: VerificationTarget = { verification: null, prepareVerification: async () => fake, attemptVerification: async () => fake }
 * ```
 */
export interface VerificationTarget<Self = unknown> {
  /** `null` before any code was sent. */
  readonly verification: VerifiableVerification | null
  /** Sends a code and resolves to the updated target. */
  prepareVerification(options?: VerifiableRequestOptions): Promise<Self>
  /** Takes its signal with the code, as dialkit's `PhoneNumber.attemptVerification` does. */
  attemptVerification(params: { code: string } & VerifiableRequestOptions): Promise<Self>
}

/**
 * The name {@link VerificationTarget} had while the flow drove only phone numbers; the same type.
 *
 * @example
 * ```ts
 * const fake: VerifiablePhoneNumber = { verification: null, prepareVerification: async () => fake, attemptVerification: async () => fake }
 * ```
 */
export type VerifiablePhoneNumber<Self = unknown> = VerificationTarget<Self>

/**
 * A frozen snapshot of the flow. A new object on every change; equal snapshots are never re-announced.
 *
 * @example
 * ```ts
 * flow.store.listen(({ status, resendInSeconds }) => (resend.textContent = resendInSeconds ? `Resend in ${resendInSeconds}s` : 'Resend'))
 * ```
 */
export interface VerificationFlowState<P> {
  /** Where the flow stands; see {@link VerificationFlowStatus}. */
  readonly status: VerificationFlowStatus
  /** The latest target: the one returned by the last successful prepare or attempt. */
  readonly target: P
  /** The same value as `target`, under the name phone-number UIs read. */
  readonly phoneNumber: P
  /** Seconds until `send()`/`resend()` are allowed again; 0 when they are. */
  readonly resendInSeconds: number
  /** Seconds until the sent code expires; `null` when no code is pending, 0 once expired. */
  readonly expiresInSeconds: number | null
  /** Codes tried on the current verification (the server's count plus wrong codes seen since). */
  readonly attempts: number
  /** The code last submitted, typed or filled in by WebOTP, so an input can show it. */
  readonly code: string | null
  /** The last failure; `paramName` on it names the field (`code`, `phone_number`) when there is one. */
  readonly error: DialkitError | null
}

/**
 * The same nanostores contract as the client's store (`get`, `listen`, `subscribe`), so
 * `useSyncExternalStore(flow.store.listen, flow.store.get)` works.
 *
 * @example
 * const state = useSyncExternalStore(flow.store.listen, flow.store.get)
 */
export type VerificationFlowStore<P> = ReadableStore<VerificationFlowState<P>>

/** Options of `createVerificationFlow()`. @example `createVerificationFlow(phone, { resendCooldownSeconds: 60, webOtp: false })` */
export interface VerificationFlowOptions {
  /** Cooldown after a sent code when the server gave no `Retry-After`. Default 30. */
  resendCooldownSeconds?: number
  /** Read the SMS code with WebOTP where the browser supports it. Default true. */
  webOtp?: boolean
  /**
   * The clock the countdowns read, in Unix ms. Default `Date.now`. `expireAt` is the server's time, so when
   * the device's clock is off (or an emulator's clock was moved), pass one corrected by the server's offset.
   *
   * @example `createVerificationFlow(phone, { now: () => Date.now() + serverOffsetMs })`
   */
  now?: () => number
}

/**
 * The controller a custom verification UI drives. Methods never reject; failures land in `store.get().error`.
 *
 * @example
 * ```ts
 * form.onsubmit = () => void flow.submit(codeInput.value)
 * resendButton.onclick = () => void flow.resend()
 * ```
 */
export interface VerificationFlow<P> {
  /** The flow's state; emptied of listeners by `destroy()`. */
  readonly store: VerificationFlowStore<P>
  /** Request a code (from idle, code-sent, expired or failed, once the cooldown is over). */
  send(): Promise<void>
  /** Request a new code once the cooldown is over; does nothing before a first `send()`. */
  resend(): Promise<void>
  /** Check a code (in code-sent). A malformed code is refused by the SDK and lands in `error`. */
  submit(code: string): Promise<void>
  /** Abort whatever is in flight, WebOTP included, and go back to idle. The resend cooldown keeps counting. */
  cancel(): void
  /** Abort everything, stop the timer and drop the listeners. Call on unmount. */
  destroy(): void
}

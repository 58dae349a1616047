// A phone number double implementing the flow's structural interface: no network, no SDK. Every
// operation resolves to a new instance, as dialkit's PhoneNumber does.
import { vi } from 'vitest'
import { ApiResponseError } from '../../src/errors/index.js'
import type { VerifiablePhoneNumber, VerifiableRequestOptions, VerifiableVerification } from '../../src/flow/index.js'

export const GOOD_CODE = '424242'
export const CODE_TTL_MS = 600_000

export interface FakePhone extends VerifiablePhoneNumber<FakePhone> {
  readonly id: string
  readonly verification: VerifiableVerification | null
}

export function pendingVerification(attempts = 0, ttlMs = CODE_TTL_MS): VerifiableVerification {
  return { status: 'unverified', expireAt: new Date(Date.now() + ttlMs), attempts }
}

export function verifiedVerification(attempts = 1): VerifiableVerification {
  return { status: 'verified', expireAt: null, attempts }
}

/** A Clerk-style API error as the SDK would throw it. */
export function apiError(status: number, code: string, extra: { paramName?: string; retryAfter?: number } = {}) {
  return new ApiResponseError({
    status,
    errors: [{ code, message: code, longMessage: undefined, meta: extra.paramName ? { paramName: extra.paramName } : {} }],
    retryAfter: extra.retryAfter,
  })
}

/**
 * A fake server: `prepare` and `attempt` are spies every instance delegates to, with Clerk-like defaults
 * (prepare → pending code; attempt → verified for GOOD_CODE, else 422 form_code_incorrect).
 */
export function createFakeBackend() {
  const backend = {
    prepare: vi.fn(async (_options?: VerifiableRequestOptions): Promise<FakePhone> => backend.phone(pendingVerification())),
    attempt: vi.fn(async (params: { code: string } & VerifiableRequestOptions): Promise<FakePhone> => {
      if (params.code === GOOD_CODE) return backend.phone(verifiedVerification())
      throw apiError(422, 'form_code_incorrect', { paramName: 'code' })
    }),
    instances: 0,
    phone(verification: VerifiableVerification | null = null): FakePhone {
      backend.instances += 1
      return {
        id: `idn_${backend.instances}`,
        verification,
        prepareVerification: (options) => backend.prepare(options),
        attemptVerification: (params) => backend.attempt(params),
      }
    },
  }
  return backend
}

export interface Deferred<T> {
  promise: Promise<T>
  resolve(value: T): void
  reject(error: unknown): void
}

/** A promise the test settles by hand, to look at the flow while a request is in flight. */
export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

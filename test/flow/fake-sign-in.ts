// Sign-in and sign-up doubles with Clerk's method names: no network, no SDK. Every operation resolves to a new
// instance, as dialkit's resources do; the spies see exactly what the adapters send.
import { vi } from 'vitest'
import type { VerifiableRequestOptions, VerifiableSignIn, VerifiableSignUp, VerifiableVerification } from '../../src/flow/index.js'
import { GOOD_CODE, apiError, pendingVerification, verifiedVerification } from './fake-phone.js'

type Status = 'needs_first_factor' | 'needs_second_factor' | 'complete'
type Params = { strategy: 'phone_code'; phoneNumberId?: string; code?: string } & VerifiableRequestOptions

export interface FakeSignIn extends VerifiableSignIn<FakeSignIn> {
  readonly status: Status
  readonly createdSessionId: string | null
}

/** A server with a second factor when `twoFactor`; a wrong code is Clerk's 422 `form_code_incorrect`. */
export function createFakeSignIns({ twoFactor = false } = {}) {
  const attempt = (next: () => FakeSignIn) => async (params: Params): Promise<FakeSignIn> => {
    if (params.code === GOOD_CODE) return next()
    throw apiError(422, 'form_code_incorrect', { paramName: 'code' })
  }
  const server = {
    prepareFirstFactor: vi.fn(async (_params: Params): Promise<FakeSignIn> => server.signIn('needs_first_factor', pendingVerification())),
    attemptFirstFactor: vi.fn(
      attempt((): FakeSignIn => server.signIn(twoFactor ? 'needs_second_factor' : 'complete', verifiedVerification())),
    ),
    prepareSecondFactor: vi.fn(async (_params: Params): Promise<FakeSignIn> =>
      server.signIn('needs_second_factor', verifiedVerification(), pendingVerification()),
    ),
    attemptSecondFactor: vi.fn(attempt((): FakeSignIn => server.signIn('complete', verifiedVerification(), verifiedVerification()))),
    signIn(
      status: Status,
      firstFactorVerification: VerifiableVerification | null = null,
      secondFactorVerification: VerifiableVerification | null = null,
    ): FakeSignIn {
      return {
        status,
        createdSessionId: status === 'complete' ? 'sess_1' : null,
        firstFactorVerification,
        secondFactorVerification,
        prepareFirstFactor: (params) => server.prepareFirstFactor(params),
        attemptFirstFactor: (params) => server.attemptFirstFactor(params),
        prepareSecondFactor: (params) => server.prepareSecondFactor(params),
        attemptSecondFactor: (params) => server.attemptSecondFactor(params),
      }
    },
  }
  return server
}

export interface FakeSignUp extends VerifiableSignUp<FakeSignUp> {
  readonly status: 'missing_requirements' | 'complete'
}

export function createFakeSignUps() {
  const server = {
    prepare: vi.fn(async (_options?: VerifiableRequestOptions): Promise<FakeSignUp> => server.signUp('missing_requirements', pendingVerification())),
    attempt: vi.fn(async (params: { code: string } & VerifiableRequestOptions): Promise<FakeSignUp> => {
      if (params.code === GOOD_CODE) return server.signUp('complete', verifiedVerification())
      throw apiError(422, 'form_code_incorrect', { paramName: 'code' })
    }),
    signUp(status: FakeSignUp['status'], phoneNumber: VerifiableVerification | null = null): FakeSignUp {
      return {
        status,
        verifications: { phoneNumber },
        preparePhoneNumberVerification: (options) => server.prepare(options),
        attemptPhoneNumberVerification: (params) => server.attempt(params),
      }
    },
  }
  return server
}

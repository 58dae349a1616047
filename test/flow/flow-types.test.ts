import { describe, expectTypeOf, it } from 'vitest'
import type { DialkitError } from '../../src/errors/index.js'
import { createVerificationFlow, type VerifiablePhoneNumber, type VerificationFlow, type VerificationFlowState } from '../../src/index.js'
import type { PhoneNumber } from '../../src/resources/phone-number.js'
import type { ReadableStore } from '../../src/store/atom.js'
import type { FakePhone } from './fake-phone.js'

// Type tests: `tsc --noEmit` checks them; at run time they only prove the public entry exports the flow.
describe('flow types', () => {
  it('accepts dialkit’s PhoneNumber and keeps its type in the state', () => {
    expectTypeOf<PhoneNumber>().toExtend<VerifiablePhoneNumber<PhoneNumber>>()
    expectTypeOf(createVerificationFlow<PhoneNumber>).returns.toEqualTypeOf<VerificationFlow<PhoneNumber>>()
    expectTypeOf<VerificationFlowState<PhoneNumber>['phoneNumber']>().toEqualTypeOf<PhoneNumber>()
  })

  it('exposes the fixed state shape and a nanostores-style store', () => {
    type State = VerificationFlowState<FakePhone>
    expectTypeOf<State['status']>().toEqualTypeOf<
      'idle' | 'sending' | 'code-sent' | 'verifying' | 'verified' | 'failed' | 'expired'
    >()
    expectTypeOf<State['expiresInSeconds']>().toEqualTypeOf<number | null>()
    expectTypeOf<State['error']>().toEqualTypeOf<DialkitError | null>()
    expectTypeOf<VerificationFlow<FakePhone>['store']>().toExtend<ReadableStore<State>>()
    expectTypeOf<VerificationFlow<FakePhone>['submit']>().toEqualTypeOf<(code: string) => Promise<void>>()
  })

  it('refuses what is not a verifiable phone number, and frozen state', () => {
    // @ts-expect-error a plain string has no prepareVerification
    expectTypeOf(createVerificationFlow).toBeCallableWith('+14155552671')
    // @ts-expect-error an unknown option
    expectTypeOf(createVerificationFlow<FakePhone>).toBeCallableWith({} as FakePhone, { cooldown: 5 })
    const state = {} as VerificationFlowState<FakePhone>
    // @ts-expect-error snapshots are read-only
    state.status = 'verified'
    expectTypeOf(createVerificationFlow).toBeFunction()
  })
})

// Type tests for dialkit/react, checked by `tsc --noEmit`.
import { expectTypeOf } from 'vitest'
import type { DialkitClient, PhoneNumber, SessionState, User, VerificationFlow, VerificationFlowState } from '../../src/index.js'
import {
  DialkitProvider,
  useClient,
  usePhoneHelpersReady,
  usePhoneNumbers,
  useSessionState,
  useUser,
  useVerificationFlow,
  type UseVerificationFlowResult,
} from '../../src/react/index.js'

declare const client: DialkitClient
declare const phone: PhoneNumber

expectTypeOf(useClient()).toEqualTypeOf<DialkitClient>()
expectTypeOf(useSessionState()).toEqualTypeOf<SessionState>()
expectTypeOf(useUser()).toEqualTypeOf<User | null>()
expectTypeOf(usePhoneNumbers()).toEqualTypeOf<readonly PhoneNumber[]>()
expectTypeOf(usePhoneHelpersReady()).toEqualTypeOf<boolean>()

// The flow is typed by its target, and `flow` narrows `state` with it.
const result = useVerificationFlow(phone)
expectTypeOf(result).toEqualTypeOf<UseVerificationFlowResult<PhoneNumber>>()
if (result.flow) {
  expectTypeOf(result.flow).toEqualTypeOf<VerificationFlow<PhoneNumber>>()
  expectTypeOf(result.state).toEqualTypeOf<VerificationFlowState<PhoneNumber>>()
} else {
  expectTypeOf(result.state).toEqualTypeOf<null>()
}
useVerificationFlow(phone, { resendCooldownSeconds: 60, key: phone.id })
// @ts-expect-error a target must be verifiable
useVerificationFlow({ id: 'idn_1' })
// @ts-expect-error resendCooldownSeconds is a number
useVerificationFlow(phone, { resendCooldownSeconds: '60' })
// @ts-expect-error usePhoneNumbers hands out a read-only list
usePhoneNumbers().push(phone)

export const element = <DialkitProvider client={client}>text</DialkitProvider>
// @ts-expect-error the provider needs a client
export const missing = <DialkitProvider>text</DialkitProvider>

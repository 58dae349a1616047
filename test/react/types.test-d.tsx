// Type tests for dialkit/react, run by vitest's `types` project (tsc) and by `npm run typecheck`. The hooks are
// only type-checked here, never called.
import { describe, expectTypeOf, it } from 'vitest'
import type { DialkitClient, PhoneNumber, SessionState, SignIn, SignUp, User, VerificationFlow, VerificationFlowState } from '../../src/index.js'
import { signInFirstFactor, type SignInFactorTarget } from '../../src/index.js'
import {
  DialkitProvider,
  useClient,
  usePhoneHelpersReady,
  usePhoneNumbers,
  useSessionState,
  useSignIn,
  useSignUp,
  useUser,
  useVerificationFlow,
  type UseVerificationFlowResult,
} from '../../src/react/index.js'

declare const client: DialkitClient
declare const phone: PhoneNumber

describe('dialkit/react types', () => {
  it('types the session hooks by the store they read', () => {
    expectTypeOf(useClient()).toEqualTypeOf<DialkitClient>()
    expectTypeOf(useSessionState()).toEqualTypeOf<SessionState>()
    expectTypeOf(useUser()).toEqualTypeOf<User | null>()
    expectTypeOf(usePhoneNumbers()).toEqualTypeOf<readonly PhoneNumber[]>()
    expectTypeOf(usePhoneHelpersReady()).toEqualTypeOf<boolean>()
    // @ts-expect-error usePhoneNumbers hands out a read-only list
    usePhoneNumbers().push(phone)
  })

  it('types the flow by its target, and a set flow narrows the state to set', () => {
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
  })

  it('types the sign-in and sign-up hooks as the resources or null', () => {
    expectTypeOf(useSignIn()).toEqualTypeOf<SignIn | null>()
    expectTypeOf(useSignUp()).toEqualTypeOf<SignUp | null>()
    const signIn = useSignIn()
    // @ts-expect-error there may be no sign-in in progress
    void signIn.status
    if (signIn) {
      const { flow } = useVerificationFlow(signInFirstFactor(signIn), { key: signIn.id })
      expectTypeOf(flow).toEqualTypeOf<VerificationFlow<SignInFactorTarget<SignIn>> | null>()
    }
  })

  it('needs a client on the provider', () => {
    expectTypeOf(<DialkitProvider client={client}>text</DialkitProvider>).toMatchTypeOf<React.ReactElement>()
    // @ts-expect-error the provider needs a client
    void (<DialkitProvider>text</DialkitProvider>)
  })
})

import { SignIn, SignUp, type DialkitClient } from 'dialkit'
import { useMemo } from 'react'
import { useClient } from './provider.js'
import { useSessionState } from './use-session.js'

/**
 * The client's sign-in in progress (what `SignIn.current(client)` reads), following the store: every step's
 * answer, from this component, another one or another tab, re-renders with the new `SignIn`. `null` when
 * there is none, before `client.load()`, and on the server. Start one with `SignIn.create(useClient(), …)`.
 *
 * @example
 * ```tsx
 * function SignInStep() {
 *   const signIn = useSignIn()
 *   if (!signIn) return <NumberForm />                  // SignIn.create(useClient(), { identifier })
 *   if (signIn.status === 'needs_second_factor') return <SecondFactor signIn={signIn} />
 *   return <FirstFactor signIn={signIn} />             // useVerificationFlow(signInFirstFactor(signIn), { key: signIn.id })
 * }
 * ```
 */
export function useSignIn(): SignIn | null {
  return useCurrent(SignIn)
}

/**
 * The client's sign-up in progress (what `SignUp.current(client)` reads), following the store like
 * {@link useSignIn}; `null` when there is none, before `client.load()`, and on the server.
 *
 * @example
 * ```tsx
 * const signUp = useSignUp()
 * if (signUp?.status === 'missing_requirements') return <PhoneCode signUp={signUp} /> // signUpPhoneNumber(signUp)
 * ```
 */
export function useSignUp(): SignUp | null {
  return useCurrent(SignUp)
}

// Only with a rendered client: on the server and during hydration the snapshot is the unloaded one, so both sides
// render no sign-in. useSyncExternalStore re-renders before commit if the store moved on meanwhile, so what
// `current()` reads is the rendered state. One instance per client state keeps memoised children still.
function useCurrent<T>(resource: { current(client: DialkitClient): T | null }): T | null {
  const client = useClient()
  const state = useSessionState().client
  return useMemo(() => state && resource.current(client), [state, client])
}

import {
  createVerificationFlow,
  type ReadableStore,
  type VerificationTarget,
  type VerificationFlow,
  type VerificationFlowOptions,
  type VerificationFlowState,
} from 'dialkit'
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react'

/**
 * What {@link useVerificationFlow} returns: both `null` before the component mounted (the first render, and
 * on the server), both set after.
 *
 * @example
 * ```tsx
 * const { flow, state } = useVerificationFlow(phone)
 * if (!flow) return null
 * ```
 */
export type UseVerificationFlowResult<P> =
  | { readonly flow: null; readonly state: null }
  | { readonly flow: VerificationFlow<P>; readonly state: VerificationFlowState<P> }

/** Options of {@link useVerificationFlow}: the flow's own, read when the flow is created. @example `{ resendCooldownSeconds: 60 }` */
export interface UseVerificationFlowOptions extends VerificationFlowOptions {
  /**
   * What identifies the target: a new key means a new flow. Defaults to the target's `id` when it has a
   * string one (a `PhoneNumber`), else the target object itself.
   */
  key?: unknown
}

// Only what useSyncExternalStore reads, until the flow exists.
const NO_STATE: Pick<ReadableStore<null>, 'get' | 'listen'> = { get: () => null, listen: () => () => undefined }

/**
 * A `createVerificationFlow()` controller for `target`, created on mount and destroyed on unmount (which
 * aborts its requests and WebOTP and stops its timer), with its state through `useSyncExternalStore`.
 * Created in an effect, never during render, so StrictMode's mount-unmount-mount destroys the first flow
 * and keeps a live second one, and server rendering starts no timer. The flow follows the instances its
 * own operations return; a target with another key (another phone number) gets a new flow.
 *
 * @example
 * ```tsx
 * function Verify({ phone }: { phone: PhoneNumber }) {
 *   const { flow, state } = useVerificationFlow(phone)
 *   if (!flow) return null
 *   if (state.status === 'idle') return <button onClick={() => void flow.send()}>Send code</button>
 *   return <CodeForm onCode={(code) => void flow.submit(code)} error={state.error} />
 * }
 * ```
 */
export function useVerificationFlow<P extends VerificationTarget<P>>(
  target: P,
  options: UseVerificationFlowOptions = {},
): UseVerificationFlowResult<P> {
  const [flow, setFlow] = useState<VerificationFlow<P> | null>(null)
  const key = options.key ?? idOf(target)
  useEffect(() => {
    const { key: _key, ...flowOptions } = options
    const created = createVerificationFlow(target, flowOptions)
    setFlow(created)
    return () => {
      created.destroy()
      setFlow((current) => (current === created ? null : current))
    }
    // Only a new key makes a new flow: the flow tracks its number's later instances itself, and options
    // are read once, like createVerificationFlow's.
  }, [key])
  const store: Pick<ReadableStore<VerificationFlowState<P> | null>, 'get' | 'listen'> = flow?.store ?? NO_STATE
  const state = useSyncExternalStore(store.listen, store.get, NO_STATE.get)
  // One object per (flow, state) pair, so a component that passes it down does not re-render its children for nothing.
  return useMemo(() => (flow && state ? { flow, state } : { flow: null, state: null }) as UseVerificationFlowResult<P>, [flow, state])
}

function idOf(target: unknown): unknown {
  const id = (target as { id?: unknown } | null)?.id
  return typeof id === 'string' ? id : target
}

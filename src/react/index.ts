/**
 * dialkit/react: a `DialkitProvider` and hooks over a dialkit client's session store and verification
 * flows, on `useSyncExternalStore` (concurrent- and SSR-safe; the server renders the `unloaded` state).
 * React 18 or later is an optional peer dependency; the `dialkit` entry itself never imports React.
 *
 * @example
 * ```tsx
 * import { createClient } from 'dialkit'
 * import { DialkitProvider, usePhoneNumbers } from 'dialkit/react'
 *
 * const client = createClient({ publishableKey: 'pk_test_bG9jYWxob3N0OjQwMTAk' })
 * function Numbers() {
 *   return <ul>{usePhoneNumbers().map((phone) => <li key={phone.id}>{phone.format()}</li>)}</ul>
 * }
 * createRoot(root).render(<DialkitProvider client={client}><Numbers /></DialkitProvider>)
 * ```
 *
 * @packageDocumentation
 */
export { DialkitProvider, useClient, type DialkitProviderProps } from './provider.js'
export { usePhoneHelpersReady, usePhoneNumbers, useSessionState, useUser } from './use-session.js'
export { useSignIn, useSignUp } from './use-sign-in.js'
export {
  useVerificationFlow,
  type UseVerificationFlowOptions,
  type UseVerificationFlowResult,
} from './use-verification-flow.js'

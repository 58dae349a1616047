import { DialkitError, type DialkitClient } from 'dialkit'
import { createContext, createElement, useContext, type ReactElement, type ReactNode } from 'react'

// The client travels by context, never by a module-level singleton: a page (or a test) may hold several.
const ClientContext = createContext<DialkitClient | null>(null)

/** Props of {@link DialkitProvider}. @example `<DialkitProvider client={client}>…</DialkitProvider>` */
export interface DialkitProviderProps {
  /** The client the hooks below read, from `createClient()`. Create it once, outside render. */
  client: DialkitClient
  /** The tree that uses the hooks. */
  children?: ReactNode
}

/**
 * Makes a dialkit client available to the hooks of `dialkit/react` in its subtree. It does not call
 * `client.load()`: the app decides when (usually in an effect, so server rendering stays signed-out).
 *
 * @example
 * ```tsx
 * const client = createClient({ publishableKey: 'pk_test_bG9jYWxob3N0OjQwMTAk' })
 * createRoot(root).render(<DialkitProvider client={client}><App /></DialkitProvider>)
 * ```
 */
export function DialkitProvider({ client, children }: DialkitProviderProps): ReactElement {
  return createElement(ClientContext.Provider, { value: client }, children)
}

/**
 * The client of the nearest {@link DialkitProvider}.
 *
 * @throws DialkitError when there is no `DialkitProvider` above the component
 * @example
 * ```tsx
 * const client = useClient()
 * useEffect(() => void client.load().catch(showError), [client])
 * ```
 */
export function useClient(): DialkitClient {
  const client = useContext(ClientContext)
  if (!client) throw new DialkitError('useClient() needs a <DialkitProvider>')
  return client
}

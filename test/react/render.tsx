// Renders into happy-dom with React's act(), so every effect and store update has settled when it returns.
import { act, StrictMode, type ReactNode } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { DialkitProvider } from '../../src/react/index.js'
import type { DialkitClient } from '../../src/index.js'

// React only flushes act() batches synchronously when it is told it runs in a test.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

export interface Rendered {
  container: HTMLElement
  rerender(node: ReactNode): Promise<void>
  unmount(): Promise<void>
}

export async function render(node: ReactNode, options: { strict?: boolean } = {}): Promise<Rendered> {
  const container = document.createElement('div')
  document.body.append(container)
  const root: Root = createRoot(container)
  const wrap = (child: ReactNode) => (options.strict ? <StrictMode>{child}</StrictMode> : child)
  await act(async () => root.render(wrap(node)))
  return {
    container,
    rerender: (next) => act(async () => root.render(wrap(next))),
    async unmount() {
      await act(async () => root.unmount())
      container.remove()
    },
  }
}

/** `node` under a DialkitProvider for `client`. */
export function withClient(client: DialkitClient, node: ReactNode): ReactNode {
  return <DialkitProvider client={client}>{node}</DialkitProvider>
}

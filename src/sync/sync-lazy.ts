// The entry of the lazily loaded sync chunk: decides the default and opens the real channel.
import type { DialkitClient } from '../client/create-client.js'
import type { ResourceContext } from '../resources/context.js'
import type { SessionStore } from '../store/session-store.js'
import type { CrossTabChannel, CrossTabChannelFactory } from './channel.js'
import { startCrossTab } from './cross-tab.js'

/**
 * Starts cross-tab sync for `createClient({ crossTab })`, or returns `undefined` when it stays off: `true` or a
 * factory always start it; left out, it starts only in a browser page (Node and SSR have no `document`, and
 * Node's own BroadcastChannel would tie test and server processes together).
 */
export function startSync(
  client: DialkitClient,
  { context, setClient }: { context: ResourceContext; setClient: SessionStore['setClient'] },
  { crossTab }: { crossTab?: boolean | CrossTabChannelFactory | undefined },
): (() => void) | undefined {
  const open = typeof crossTab === 'function' ? crossTab : defaultChannel(crossTab === true)
  const peer = { frontendApi: client.frontendApi, store: client.store, events: context.events, setClient, load: () => client.load() }
  // The factory is the app's: one that throws, or hands back no channel, leaves this tab working alone with
  // its error logged, not an unhandled rejection nobody can catch.
  try {
    return open && startCrossTab(peer, open, globalThis.document)
  } catch (error) {
    console.error(error)
  }
}

function defaultChannel(forced: boolean): CrossTabChannelFactory | undefined {
  if (typeof BroadcastChannel !== 'function') return undefined
  if (!forced && (typeof document !== 'object' || typeof globalThis.process === 'object')) return undefined
  return (name) => {
    const channel = new BroadcastChannel(name)
    // Node's channel keeps the process alive; a browser's has no unref.
    ;(channel as { unref?: () => void }).unref?.()
    return channel as CrossTabChannel
  }
}

// Loaded by createClient through a dynamic import(): none of this is in the add-and-verify first load.
import type { DialkitEmitter } from '../events.js'
import type { ClientResource } from '../resources/client-resource.js'
import type { ReadableStore } from '../store/atom.js'
import type { SessionState } from '../store/session-store.js'
import type { ClientJSON } from '../wire/index.js'
import type { CrossTabChannel, CrossTabChannelFactory } from './channel.js'
import { watchVisibility, type VisibilitySource } from './visibility.js'

/** What one tab's client lends to the sync: its store and setter, its emitter, and `load()`. */
export interface CrossTabPeer {
  readonly frontendApi: string
  readonly store: ReadableStore<SessionState>
  readonly events: DialkitEmitter
  setClient(json: ClientJSON | null): void
  load(): Promise<unknown>
}

/** The message on the wire between tabs: the client JSON this tab accepted, tagged so foreign posts are ignored. */
interface ClientMessage {
  dialkit: 'client'
  client: ClientJSON | null
}

/**
 * Keeps this tab's store in step with the other tabs of the same Frontend API; returns the stop function.
 * Posts every client its store accepts, feeds the others' to the store (whose `updated_at` rule drops stale
 * ones) and reloads once when the tab comes back from hidden, to catch up on what it missed meanwhile.
 */
export function startCrossTab(peer: CrossTabPeer, open: CrossTabChannelFactory, doc?: VisibilitySource): () => void {
  const channel = open(`dialkit:${peer.frontendApi}`)
  // Checked before anything is wired to it, so a refusal leaves nothing half started.
  if (typeof channel?.close != 'function') throw TypeError('Not a channel')
  // Set while a received client is applied: what another tab sent is not posted back (no echo loop).
  let applying = false
  const offStore = peer.store.listen(({ client }) => {
    if (!applying) post(channel, { dialkit: 'client', client: client?.toJSON() ?? null })
  })
  channel.onmessage = ({ data }) => {
    if (!isClientMessage(data) || isOlder(data.client, peer.store.get().client)) return
    const before = peer.store.get()
    applying = true
    try {
      peer.setClient(data.client)
    } finally {
      applying = false
    }
    // Only client:updated: resource events keep meaning "this tab did it".
    if (peer.store.get() !== before) peer.events.emit('client:updated', peer.store.get().client)
  }
  // A failed catch-up reload changes nothing; the next one, or the next operation, brings the client.
  const offVisibility = watchVisibility(doc, () => void peer.load().catch(() => undefined))
  return () => {
    offStore()
    offVisibility()
    channel.onmessage = null
    channel.close()
  }
}

function post(channel: CrossTabChannel, message: ClientMessage): void {
  try {
    channel.postMessage(message)
  } catch {
    // A closed channel throws InvalidStateError; this tab's own state is already right, so nothing is lost here.
  }
}

function isClientMessage(data: unknown): data is ClientMessage {
  if (typeof data !== 'object' || data === null || (data as ClientMessage).dialkit !== 'client') return false
  const { client } = data as ClientMessage
  return client === null || (typeof client === 'object' && typeof client.id === 'string')
}

/**
 * The store's rule compares the user's `updated_at`, which a sign-out does not carry (the user is gone); the
 * client's own `updated_at` covers that, so a tab's late answer from before a sign-out cannot sign every tab back in.
 */
function isOlder(incoming: ClientJSON | null, held: ClientResource | null): boolean {
  const heldAt = held?.toJSON().updated_at
  return !!incoming && incoming.id === held?.id && typeof heldAt === 'number' && typeof incoming.updated_at === 'number' && incoming.updated_at < heldAt
}
